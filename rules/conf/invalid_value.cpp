// V103 invalid-value: a value PostgreSQL rejects for its parameter (type, unit, range, enum).
#include <fmt/format.h>

#include <map>

#include "compiler/catalog/units.hpp"
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V103",
    .name = "invalid-value",
    .summary = "PostgreSQL rejects this value for this parameter",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Checks each value the way PostgreSQL's guc.c does for the version in use: Booleans (prefixes "
                "of true/false/yes/no, `on`/`off` with at least two letters, `1`, `0`), integers (decimal, hex, "
                "octal with a leading 0, fractions rounded half to even), reals, units (case-sensitive: `kB`, "
                "`MB`, `GB`, `TB`, `B`, `us`, `ms`, `s`, `min`, `h`, `d`), minimum and maximum, and enum values "
                "(case-insensitive, no abbreviations). An invalid value that a later line with the very same "
                "spelling replaces is skipped by PostgreSQL and is not reported.",
        .why = "PostgreSQL refuses to start (`invalid value for parameter`, `is outside the valid range`), and "
               "a reload keeps the old value.",
        .example = "work_mem = '64KB'\nsynchronous_commit = of\nmax_connections = 0",
        .use_instead = "work_mem = '64kB'\nsynchronous_commit = off\nmax_connections = 100",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/config-setting.html",
                       "src/backend/utils/misc/guc.c: parse_int, parse_real, parse_and_validate_value"},
    }};

std::string accepted_values(const catalog::Parameter& p) {
  switch (p.type) {
    case catalog::ParamType::Bool: return "accepted: on, off, true, false, yes, no, 1, 0";
    case catalog::ParamType::Enum: {
      std::string list;
      for (const auto& value : p.enum_values) list += (list.empty() ? "" : ", ") + value;
      for (const auto& value : p.build_dependent_enum_values) list += ", " + value + " (some builds)";
      return "accepted: " + list;
    }
    case catalog::ParamType::Integer:
    case catalog::ParamType::Real:
      if (p.min && p.max) {
        return fmt::format("accepted: {} .. {}", catalog::format_with_unit(*p.min, p.unit),
                           catalog::format_with_unit(*p.max, p.unit));
      }
      return {};
    case catalog::ParamType::String: return {};
  }
  return {};
}

class InvalidValueRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::ConfSet& set : deployment.conf_sets) check_set(deployment, set, sink);
  }

 private:
  // Settings are applied in order; hooks that compare parameters (MAX_BACKENDS in 13-17)
  // see the values applied before them.
  static void check_set(const model::Deployment& deployment, const model::ConfSet& set, engine::DiagnosticSink& sink) {
    std::map<std::string, double, std::less<>> applied;
    catalog::CurrentNumber current = [&](std::string_view name) -> std::optional<double> {
      auto it = applied.find(name);
      if (it == applied.end()) return std::nullopt;
      return it->second;
    };
    for (const model::Setting& setting : set.settings) {
      if (setting.dead) continue;
      const catalog::Parameter* parameter = deployment.catalog->find(setting.entry.name);
      if (!parameter || parameter->is_internal()) continue;
      auto result = catalog::parse_value(*parameter, setting.entry.value, setting.entry.name, &current);
      if (const auto* parsed = std::get_if<catalog::ParsedValue>(&result)) {
        if (auto number = catalog::numeric_value(*parsed)) applied[catalog::fold_name(parameter->name)] = *number;
        continue;
      }
      report(*parameter, setting, std::get<catalog::ValueError>(result), sink);
    }
  }

  static void report(const catalog::Parameter& parameter, const model::Setting& setting, const catalog::ValueError& error,
                     engine::DiagnosticSink& sink) {
    std::string help = error.hint;
    // PostgreSQL's enum hint already lists the values; otherwise say what is accepted.
    if (parameter.type != catalog::ParamType::Enum) {
      std::string accepted = accepted_values(parameter);
      if (!accepted.empty()) help += (help.empty() ? "" : " ") + accepted;
    }
    sink.report(file_of(setting.value), setting.value.span, error.message, help);
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_invalid_value_rule() { return std::make_unique<InvalidValueRule>(); }

}  // namespace pglint::rules
