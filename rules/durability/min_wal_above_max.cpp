// D104 min-wal-above-max: min_wal_size larger than max_wal_size.
#include <fmt/format.h>

#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "D104",
    .name = "min-wal-above-max",
    .summary = "min_wal_size is larger than max_wal_size",
    .category = engine::Category::Durability,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports configurations where `min_wal_size` exceeds `max_wal_size` (both in MB after units).",
        .why = "PostgreSQL accepts it, but checkpoints are then driven by max_wal_size while min_wal_size keeps "
               "more WAL than max allows: the intended WAL budget does not hold and disk use is not what the "
               "settings say. Almost always a unit mistake.",
        .example = "max_wal_size = 1GB\nmin_wal_size = 2GB",
        .use_instead = "max_wal_size = 4GB\nmin_wal_size = 1GB",
        .fix_safety = "Safe: the fix sets min_wal_size to the max_wal_size value as written, so the WAL kept "
                      "for reuse fits the budget again. No client notices; a reload applies it. When "
                      "max_wal_size was the unit mistake, raise it instead.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-wal.html#GUC-MIN-WAL-SIZE"},
    }};

class MinWalAboveMaxRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto min = view_setting(d, set, "min_wal_size");
    auto max = view_setting(d, set, "max_wal_size");
    if (!min.number() || !max.number() || *min.number() <= *max.number()) return;
    auto& where = min.is_set() ? min : max;
    auto& finding =
        report_setting(sink, where,
                       fmt::format("min_wal_size ({}) is larger than max_wal_size ({})", min.written(), max.written()),
                       "min_wal_size is the WAL kept for reuse; it must not exceed max_wal_size");
    // Both are in MB in every supported version, so max's value means the same for min.
    finding.fix = set_value_fix(min, value_of(max), "D104 min-wal-above-max");
  }

 private:
  // The value as PostgreSQL reads it (quotes removed), or the built-in default.
  static std::string value_of(const SettingView& view) {
    return view.setting ? view.setting->entry.value : view.written();
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_min_wal_above_max_rule() { return std::make_unique<MinWalAboveMaxRule>(); }

}  // namespace pglint::rules
