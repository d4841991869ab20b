// O102 log-disconnections-off: session ends and durations are not logged.
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O102",
    .name = "log-disconnections-off",
    .summary = "Session ends (and their durations) are not logged",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `log_disconnections` off (the default).",
        .why = "Together with log_connections it gives the audit trail of sessions and their length. CIS "
               "PostgreSQL 16 Benchmark 3.1.21.",
        .example = "log_disconnections = off",
        .use_instead = "log_disconnections = on",
        .fix_safety = "Safe: the fix sets log_disconnections = on. Only the log grows; new sessions are logged "
                      "after a reload.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-DISCONNECTIONS"},
    },
    .cis = {"3.1.21"}};

class LogDisconnectionsOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "log_disconnections");
    if (view.boolean() != false) return;
    auto& finding = report_setting(sink, view, view.is_set() ? "log_disconnections is off"
                                                             : "log_disconnections is not set (default off)",
                                   "set log_disconnections = on");
    attach_set_value_fix(finding, view, "on", "O102 log-disconnections-off");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_log_disconnections_off_rule() { return std::make_unique<LogDisconnectionsOffRule>(); }

}  // namespace pglint::rules
