// P102 effective-io-concurrency-storage: prefetching depth against the storage.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "P102",
    .name = "effective-io-concurrency-storage",
    .summary = "effective_io_concurrency does not match the storage the intent names",
    .category = engine::Category::Performance,
    .severity = engine::Severity::Info,
    .docs = {
        .what = "With the intent's resources.storage: on SSD reports effective_io_concurrency below 100 (the "
                "default is 1 before PostgreSQL 18 and 16 since); on HDD reports it above 4.",
        .why = "SSDs serve many requests in parallel; bitmap heap scans prefetch that many pages. pgtune uses "
               "200 for SSD and 2 for HDD.",
        .example = "# storage = \"ssd\"\neffective_io_concurrency = 1",
        .use_instead = "# storage = \"ssd\"\neffective_io_concurrency = 200",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-resource.html#GUC-EFFECTIVE-IO-CONCURRENCY"},
    }};

class EffectiveIoConcurrencyRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "effective_io_concurrency");
    auto value = view.number();
    if (!value) return;
    if (d.facts.storage == model::Storage::Ssd && *value < 100) {
      report_setting(sink, view, fmt::format("effective_io_concurrency = {} on SSD storage", *value),
                     "set effective_io_concurrency = 200");
    } else if (d.facts.storage == model::Storage::Hdd && *value > 4) {
      report_setting(sink, view, fmt::format("effective_io_concurrency = {} on spinning disks", *value),
                     "set effective_io_concurrency = 2");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_effective_io_concurrency_storage_rule() {
  return std::make_unique<EffectiveIoConcurrencyRule>();
}

}  // namespace pglint::rules
