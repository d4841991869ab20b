// O105 log-checkpoints-off: checkpoints happen unseen.
#include "rules/conf/conf_fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O105",
    .name = "log-checkpoints-off",
    .summary = "Checkpoints are not logged",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Info,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `log_checkpoints = off` (the default before PostgreSQL 15, on since).",
        .why = "Checkpoint log lines show whether checkpoints are forced by WAL volume (max_wal_size too small) "
               "and how long writing and syncing take: the first thing to read when write latency spikes.",
        .example = "log_checkpoints = off",
        .use_instead = "log_checkpoints = on",
        .fix_safety = "Safe: the fix sets log_checkpoints = on: one log line per checkpoint, nothing else "
                      "changes; a reload applies it.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-CHECKPOINTS"},
    }};

class LogCheckpointsOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    report_boolean_with_fix(sink, d, set, "log_checkpoints", false, "checkpoint timing and causes are invisible",
                            "set log_checkpoints = on", "O105 log-checkpoints-off");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_log_checkpoints_off_rule() { return std::make_unique<LogCheckpointsOffRule>(); }

}  // namespace pglint::rules
