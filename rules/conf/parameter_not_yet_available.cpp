// C102 parameter-not-yet-available: a parameter only newer PostgreSQL versions have.
#include <fmt/format.h>

#include "compiler/catalog/history.hpp"
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "C102",
    .name = "parameter-not-yet-available",
    .summary = "This parameter only exists in newer PostgreSQL versions",
    .category = engine::Category::Compatibility,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports a setting of a parameter that the target version does not have yet but a later major "
                "version does (`reserved_connections` before 16, `transaction_timeout` before 17, `io_method` "
                "before 18), and names the version that added it.",
        .why = "PostgreSQL refuses to start with `unrecognized configuration parameter`. Usually the "
               "configuration was written for a newer server, or the version given to pglint is wrong.",
        .example = "# PostgreSQL 15\nreserved_connections = 5",
        .use_instead = "# PostgreSQL 15: reserve connections for superusers only\nsuperuser_reserved_connections = 5",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/release/"},
    }};

class ParameterNotYetAvailableRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_setting(deployment, [&](const model::ConfSet&, const model::Setting& setting) {
      std::string_view name = setting.entry.name;
      if (name.find('.') != std::string_view::npos || deployment.catalog->find(name)) return;
      catalog::NameHistory history = catalog::name_history(name);
      if (history.majors.empty() || history.majors.front() <= deployment.pg_major) return;
      sink.report(file_of(setting.name), setting.name.span,
                  fmt::format("\"{}\" was added in PostgreSQL {}; PostgreSQL {} refuses it as an unrecognized "
                              "configuration parameter",
                              name, history.majors.front(), deployment.pg_major),
                  "remove the setting, or tell pglint the right version with --pg-version or the intent file");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_parameter_not_yet_available_rule() {
  return std::make_unique<ParameterNotYetAvailableRule>();
}

}  // namespace pglint::rules
