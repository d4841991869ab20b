// P105 planner-method-disabled: enable_* = off for the whole server.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "P105",
    .name = "planner-method-disabled",
    .summary = "A planner method (enable_*) is disabled server-wide",
    .category = engine::Category::Performance,
    .severity = engine::Severity::Warning,
    .docs = {
        .what = "Reports every `enable_*` planner parameter set to off in the configuration files.",
        .why = "They are meant for testing one query in one session. Server-wide they force bad plans on every "
               "query that needed the method (a disabled seqscan still happens, at a cost of 1e10). Fix the "
               "statistics or the query instead, or disable it per role or per function.",
        .example = "enable_seqscan = off",
        .use_instead = "# per session while investigating: SET enable_seqscan = off",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-query.html#RUNTIME-CONFIG-QUERY-ENABLE"},
    }};

class PlannerMethodDisabledRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    for (const auto& [key, index] : set.winners) {
      if (!key.starts_with("enable_")) continue;
      auto view = view_setting(d, set, key);
      if (view.boolean() != false) continue;
      report_setting(sink, view, fmt::format("{} is off for every query", key),
                     "leave planner methods on; disable them per session while investigating a query");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_planner_method_disabled_rule() { return std::make_unique<PlannerMethodDisabledRule>(); }

}  // namespace pglint::rules
