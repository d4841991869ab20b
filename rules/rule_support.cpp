#include "rules/rule_support.hpp"

#include <fmt/format.h>

#include <cmath>

#include "compiler/catalog/units.hpp"

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

namespace pglint::rules {

std::optional<double> SettingView::number() const { return value ? catalog::numeric_value(*value) : std::nullopt; }

std::optional<bool> SettingView::boolean() const {
  if (!value) return std::nullopt;
  if (const auto* b = std::get_if<bool>(&value->value)) return *b;
  return std::nullopt;
}

std::string SettingView::text() const {
  if (!value) return {};
  if (!value->canonical.empty()) return value->canonical;
  if (const auto* s = std::get_if<std::string>(&value->value)) return *s;
  return {};
}

std::string SettingView::written() const {
  if (setting) return std::string(setting->entry.raw_value);
  return parameter ? parameter->boot_value : std::string();
}

SettingView view_setting(const model::Deployment& deployment, const model::ConfSet& set, std::string_view name) {
  SettingView view;
  view.set = &set;
  view.parameter = deployment.catalog->find(name);
  if (!view.parameter) return view;
  view.setting = set.effective(catalog::fold_name(view.parameter->name));
  view.value = effective_value(deployment, set, name);
  return view;
}

engine::Diagnostic& report_setting(engine::DiagnosticSink& sink, const SettingView& view, std::string message,
                                   std::string help) {
  engine::Diagnostic* d = nullptr;
  if (view.setting) {
    d = &sink.report(file_of(view.setting->value), view.setting->value.span, std::move(message), std::move(help));
  } else {
    d = &sink.report(view.set->main_file()->tree.file, {0, 0}, std::move(message), std::move(help));
  }
  if (view.parameter && !view.parameter->is_internal()) d->apply = view.parameter->needs_restart() ? "restart" : "reload";
  return *d;
}

bool is_server_config(const model::ConfSet& set) { return set.main_file() && set.is_server_config; }

void for_each_server_config(const model::Deployment& deployment, const std::function<void(const model::ConfSet&)>& visit) {
  for (const model::ConfSet& set : deployment.conf_sets) {
    if (is_server_config(set)) visit(set);
  }
}

std::string format_bytes(double bytes) { return catalog::format_with_unit(std::round(bytes / 1024), "kB"); }

}  // namespace pglint::rules

namespace pglint::rules {

std::optional<double> bytes_of(const SettingView& view) {
  auto number = view.number();
  if (!number || !view.parameter || catalog::unit_class(view.parameter->unit) != catalog::UnitClass::Memory) {
    return std::nullopt;
  }
  return *number * catalog::base_unit_size(view.parameter->unit);
}

}  // namespace pglint::rules
