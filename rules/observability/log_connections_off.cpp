// O101 log-connections-off: logins are not logged.
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O101",
    .name = "log-connections-off",
    .summary = "Connection attempts are not logged",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `log_connections` off (the default). From PostgreSQL 18 it is a list: any non-empty "
                "value other than off/false/no/0 counts as logging.",
        .why = "Without it there is no record of who connected from where, or of failed attempts: brute force "
               "and misuse go unseen. CIS PostgreSQL 16 Benchmark 3.1.20.",
        .example = "log_connections = off",
        .use_instead = "log_connections = on          # 18: log_connections = 'receipt,authentication,authorization'",
        .fix_safety = "Safe: the fix sets log_connections = on (PostgreSQL 18 reads on as receipt, "
                      "authentication and authorization). Only the log grows; new sessions are logged after a "
                      "reload.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-CONNECTIONS"},
    },
    .cis = {"3.1.20"},
    .stig = {"V-233520"}};

class LogConnectionsOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "log_connections");
    if (!view.value || logs(view)) return;
    auto& finding =
        report_setting(sink, view, view.is_set() ? "log_connections is off: logins leave no trace"
                                                 : "log_connections is not set (default off): logins leave no trace",
                       "set log_connections = on");
    // PostgreSQL 18 still takes on (receipt, authentication and authorization) for compatibility.
    attach_set_value_fix(finding, view, "on", "O101 log-connections-off");
  }

 private:
  static bool logs(const SettingView& view) {
    if (auto b = view.boolean()) return *b;
    std::string text = view.text();  // 18: a list
    for (const char* off : {"", "off", "false", "no", "0"}) {
      if (text == off) return false;
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_log_connections_off_rule() { return std::make_unique<LogConnectionsOffRule>(); }

}  // namespace pglint::rules
