// M102 autovacuum-disabled: autovacuum or the statistics it needs are off.
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "M102",
    .name = "autovacuum-disabled",
    .summary = "Autovacuum is off, or cannot work because track_counts is off",
    .category = engine::Category::Maintenance,
    .severity = engine::Severity::Error,
    .docs = {
        .what = "Reports `autovacuum = off` and `track_counts = off`.",
        .why = "Without autovacuum dead rows pile up (bloat, slow queries) and, worse, transaction ID wraparound "
               "is only prevented by the emergency anti-wraparound vacuum, which then stops writes. "
               "track_counts feeds autovacuum its statistics; without it autovacuum does nothing.",
        .example = "autovacuum = off",
        .use_instead = "autovacuum = on\n# per table, if really needed: ALTER TABLE t SET (autovacuum_enabled = off)",
        .references = {"https://www.postgresql.org/docs/current/routine-vacuuming.html#AUTOVACUUM"},
    }};

class AutovacuumDisabledRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto autovacuum = view_setting(d, set, "autovacuum");
    if (autovacuum.boolean() == false) {
      report_setting(sink, autovacuum, "autovacuum is off: bloat grows and transaction ID wraparound looms",
                     "turn autovacuum on; disable it per table where there is a reason");
    }
    auto counts = view_setting(d, set, "track_counts");
    if (counts.boolean() == false) {
      report_setting(sink, counts, "track_counts is off: autovacuum has no statistics and never runs",
                     "turn track_counts on");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_autovacuum_disabled_rule() { return std::make_unique<AutovacuumDisabledRule>(); }

}  // namespace pglint::rules
