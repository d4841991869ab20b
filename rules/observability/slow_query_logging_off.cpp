// O104 slow-query-logging-off: no record of slow statements.
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O104",
    .name = "slow-query-logging-off",
    .summary = "Slow statements are not logged",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Info,
    .docs = {
        .what = "In production, reports `log_min_duration_statement = -1` (the default) when no "
                "`auto_explain.log_min_duration` is set either.",
        .why = "The slow-query log is the cheapest way to find the statements that hurt. Sources disagree on "
               "the threshold: 1 to 10 seconds is common; below 1 second the volume grows fast.",
        .example = "log_min_duration_statement = -1",
        .use_instead = "log_min_duration_statement = '2s'",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-MIN-DURATION-STATEMENT"},
        .profiles = "balanced and strict: reported in production. cis: not reported (the CIS benchmark for Cloud "
                    "SQL prefers -1, as statements may carry personal data).",
    }};

class SlowQueryLoggingOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (d.facts.environment != model::Environment::Production || d.profile == model::Profile::Cis) return;
    auto view = view_setting(d, set, "log_min_duration_statement");
    if (view.number() != -1 || set.effective("auto_explain.log_min_duration")) return;
    report_setting(sink, view, "slow statements are not logged (log_min_duration_statement = -1)",
                   "set log_min_duration_statement to a threshold such as '2s'");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_slow_query_logging_off_rule() { return std::make_unique<SlowQueryLoggingOffRule>(); }

}  // namespace pglint::rules
