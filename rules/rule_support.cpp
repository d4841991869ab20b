#include "rules/rule_support.hpp"

#include <fmt/format.h>

namespace pglint::rules {

void for_each_setting(const model::Deployment& deployment,
                      const std::function<void(const model::ConfSet&, const model::Setting&)>& visit) {
  for (const model::ConfSet& set : deployment.conf_sets) {
    for (const model::Setting& setting : set.settings) visit(set, setting);
  }
}

std::optional<catalog::ParsedValue> effective_value(const model::Deployment& deployment, const model::ConfSet& set,
                                                    std::string_view name) {
  const catalog::Parameter* parameter = deployment.catalog->find(name);
  if (!parameter) return std::nullopt;
  if (const model::Setting* setting = set.effective(catalog::fold_name(parameter->name))) {
    auto result = catalog::parse_value(*parameter, setting->entry.value, setting->entry.name);
    if (auto* parsed = std::get_if<catalog::ParsedValue>(&result)) return *parsed;
  }
  auto result = catalog::parse_value(*parameter, parameter->boot_value, parameter->name);
  if (auto* parsed = std::get_if<catalog::ParsedValue>(&result)) return *parsed;
  return std::nullopt;
}

std::optional<double> effective_number(const model::Deployment& deployment, const model::ConfSet& set,
                                       std::string_view name) {
  auto value = effective_value(deployment, set, name);
  if (!value) return std::nullopt;
  return catalog::numeric_value(*value);
}

std::optional<std::string> effective_text(const model::Deployment& deployment, const model::ConfSet& set,
                                          std::string_view name) {
  auto value = effective_value(deployment, set, name);
  if (!value) return std::nullopt;
  if (!value->canonical.empty()) return value->canonical;
  if (const auto* text = std::get_if<std::string>(&value->value)) return *text;
  return std::nullopt;
}

std::string describe_location(const model::Location& location) {
  const SourceFile& file = *file_of(location);
  return fmt::format("line {} of {}", file.position(location.span.begin).line, file.display_path());
}

}  // namespace pglint::rules
