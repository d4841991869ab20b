// P101 random-page-cost-storage: the planner's random I/O cost against the storage.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "P101",
    .name = "random-page-cost-storage",
    .summary = "random_page_cost does not match the storage the intent names",
    .category = engine::Category::Performance,
    .severity = engine::Severity::Warning,
    .docs = {
        .what = "With the intent's resources.storage: on SSD reports random_page_cost of 2 or more (the default 4 "
                "models spinning disks); on HDD reports it below 2. Always reports it below seq_page_cost.",
        .why = "On SSDs random reads cost about as much as sequential ones; keeping 4 makes the planner avoid "
               "index scans that would be faster. pgtune and pgconfig use 1.1 for SSD and 4 for HDD.",
        .example = "# storage = \"ssd\"\nrandom_page_cost = 4",
        .use_instead = "# storage = \"ssd\"\nrandom_page_cost = 1.1",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-query.html#GUC-RANDOM-PAGE-COST"},
    }};

class RandomPageCostRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "random_page_cost");
    auto cost = view.number();
    auto sequential = view_setting(d, set, "seq_page_cost").number();
    if (!cost) return;
    if (sequential && *cost < *sequential) {
      report_setting(sink, view, fmt::format("random_page_cost ({}) is below seq_page_cost ({})", *cost, *sequential),
                     "random reads are never cheaper than sequential ones");
      return;
    }
    if (d.facts.storage == model::Storage::Ssd && *cost >= 2) {
      report_setting(sink, view, fmt::format("random_page_cost = {} on SSD storage{}", *cost,
                                             view.is_set() ? "" : " (the default, made for spinning disks)"),
                     "set random_page_cost = 1.1");
    } else if (d.facts.storage == model::Storage::Hdd && *cost < 2) {
      report_setting(sink, view, fmt::format("random_page_cost = {} on spinning disks", *cost),
                     "set random_page_cost = 4");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_random_page_cost_storage_rule() { return std::make_unique<RandomPageCostRule>(); }

}  // namespace pglint::rules
