// O108 pg-stat-statements-not-preloaded: no query statistics.
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O108",
    .name = "pg-stat-statements-not-preloaded",
    .summary = "pg_stat_statements is not in shared_preload_libraries",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Info,
    .docs = {
        .what = "Reports a production configuration whose `shared_preload_libraries` lacks pg_stat_statements; "
                "a warning when `pg_stat_statements.*` settings show the deployment means to use it.",
        .why = "pg_stat_statements is the standard source of per-query statistics (calls, time, rows, I/O); "
               "queries on the view fail with `pg_stat_statements must be loaded via shared_preload_libraries`. "
               "Adding it later needs a restart.",
        .example = "shared_preload_libraries = ''\npg_stat_statements.max = 10000",
        .use_instead = "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.max = 10000",
        .references = {"https://www.postgresql.org/docs/current/pgstatstatements.html"},
    }};

class PgStatStatementsRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto preload = view_setting(d, set, "shared_preload_libraries");
    if (preload.text().find("pg_stat_statements") != std::string::npos) return;
    bool configured = false;
    for (const auto& setting : set.settings) configured = configured || setting.key.starts_with("pg_stat_statements.");
    if (!configured && d.facts.environment != model::Environment::Production) return;
    auto& diagnostic = report_setting(
        sink, preload,
        configured ? "pg_stat_statements settings are present but the library is not preloaded: they do nothing"
                   : "pg_stat_statements is not preloaded: no per-query statistics",
        "add pg_stat_statements to shared_preload_libraries");
    if (configured) diagnostic.severity = engine::Severity::Warning;
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_pg_stat_statements_missing_rule() { return std::make_unique<PgStatStatementsRule>(); }

}  // namespace pglint::rules
