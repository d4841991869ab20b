// O109 logging-collector-off: stderr logs are not captured into files (CIS profile).
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O109",
    .name = "logging-collector-off",
    .summary = "The logging collector is off, so stderr logs go wherever the service manager sends them",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Warning,
    .docs = {
        .what = "With the cis and strict profiles, reports `logging_collector = off` when logs go to stderr or "
                "csvlog/jsonlog. Not reported in the balanced profile, nor for containers (their stderr is the log "
                "stream) unless the profile is strict.",
        .why = "CIS PostgreSQL 16 Benchmark 3.1.3: the collector writes logs to files with controlled "
               "permissions and rotation; without it messages can be lost when stderr is not captured.",
        .example = "logging_collector = off",
        .use_instead = "logging_collector = on\nlog_file_mode = 0600",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOGGING-COLLECTOR"},
        .profiles = "balanced: never reported (containers and systemd capture stderr). cis: reported outside "
                    "containers. strict: always reported.",
    },
    .cis = {"3.1.3"}};

class LoggingCollectorOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (d.profile == model::Profile::Balanced) return;
    if (d.profile == model::Profile::Cis && d.facts.in_container) return;
    report_boolean(sink, d, set, "logging_collector", false, "logs are not collected into files",
                   "set logging_collector = on");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_logging_collector_off_rule() { return std::make_unique<LoggingCollectorOffRule>(); }

}  // namespace pglint::rules
