// O106 log-lock-waits-off: long lock waits are not logged.
#include "rules/conf/conf_fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O106",
    .name = "log-lock-waits-off",
    .summary = "Lock waits longer than deadlock_timeout are not logged",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Info,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `log_lock_waits = off` (the default).",
        .why = "Lock contention is a common cause of stalls; with log_lock_waits each wait longer than "
               "deadlock_timeout (1s) is logged with the blocking process. The cost is negligible.",
        .example = "log_lock_waits = off",
        .use_instead = "log_lock_waits = on",
        .fix_safety = "Safe: the fix sets log_lock_waits = on: one log line per lock wait longer than "
                      "deadlock_timeout, nothing else changes; a reload applies it.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-LOCK-WAITS"},
    }};

class LogLockWaitsOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    report_boolean_with_fix(sink, d, set, "log_lock_waits", false, "lock contention leaves no trace",
                            "set log_lock_waits = on", "O106 log-lock-waits-off");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_log_lock_waits_off_rule() { return std::make_unique<LogLockWaitsOffRule>(); }

}  // namespace pglint::rules
