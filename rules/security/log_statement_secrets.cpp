// S106 log-statement-secrets: statement logging writes passwords into the log.
#include <fmt/format.h>

#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S106",
    .name = "log-statement-secrets",
    .summary = "log_statement = all or mod writes every statement, passwords included, to the log",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `log_statement = 'all'` and `'mod'`.",
        .why = "`ALTER ROLE ... PASSWORD 'secret'`, `CREATE USER ... PASSWORD` and pgcrypto calls with keys are "
               "logged verbatim, and so is every row value in INSERT/UPDATE: the log becomes a copy of secrets "
               "and personal data, kept with weaker protection than the database. `ddl` (what CIS PostgreSQL 16 "
               "Benchmark 3.1.25 asks for) logs role changes too, so set passwords with psql's \\password, which "
               "sends a hash. For an audit trail use pgaudit.",
        .example = "log_statement = 'all'",
        .use_instead = "log_statement = 'ddl'\nlog_min_duration_statement = '2s'",
        .fix_safety = "Safe: the fix sets log_statement = 'ddl': schema and role changes are still logged, "
                      "reads and data changes no longer are. No client notices; a reload applies it.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-STATEMENT",
                       "https://github.com/pgaudit/pgaudit"},
    },
    .cis = {"3.1.25"}};

class LogStatementSecretsRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "log_statement");
    std::string value = view.text();
    if (value != "all" && value != "mod") return;
    auto& finding = report_setting(
        sink, view,
        fmt::format("log_statement = '{}' logs statements verbatim, including passwords set with ALTER "
                    "ROLE and the data they write",
                    value),
        "use log_statement = 'ddl' (or pgaudit) and set passwords with psql's \\password");
    attach_set_value_fix(finding, view, "ddl", "S106 log-statement-secrets");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_log_statement_secrets_rule() { return std::make_unique<LogStatementSecretsRule>(); }

}  // namespace pglint::rules
