// D106 wal-level-minimal: no replicas, no archive, no point-in-time recovery.
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "D106",
    .name = "wal-level-minimal",
    .summary = "wal_level = minimal in production: no standby and no point-in-time recovery possible",
    .category = engine::Category::Durability,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "In production, reports `wal_level = minimal`.",
        .why = "Minimal WAL cannot feed a standby or rebuild the database from a base backup plus archive; "
               "changing it later needs a restart. pgtune's desktop preset emits it; production should not.",
        .example = "wal_level = minimal\nmax_wal_senders = 0",
        .use_instead = "wal_level = replica",
        .fix_safety = "Safe: the fix sets wal_level = replica (the default since PostgreSQL 10) where the value "
                      "takes effect. WAL carries more information, which is what standbys and archives need; "
                      "settings that minimal required, such as max_wal_senders = 0, stay valid. It takes effect "
                      "at the next restart.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-wal.html#GUC-WAL-LEVEL"},
    }};

class WalLevelMinimalRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (d.facts.environment != model::Environment::Production) return;
    auto level = view_setting(d, set, "wal_level");
    if (level.text() != "minimal") return;
    auto& finding = report_setting(sink, level, "wal_level = minimal in production: no standby, no point-in-time recovery",
                                   "use wal_level = replica");
    // replica only lifts minimal's start-up restrictions (max_wal_senders = 0, archive_mode off).
    attach_set_value_fix(finding, level, "replica", "D106 wal-level-minimal");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_wal_level_minimal_rule() { return std::make_unique<WalLevelMinimalRule>(); }

}  // namespace pglint::rules
