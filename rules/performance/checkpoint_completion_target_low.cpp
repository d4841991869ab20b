// P103 checkpoint-completion-target-low: checkpoints written in a burst.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "P103",
    .name = "checkpoint-completion-target-low",
    .summary = "checkpoint_completion_target below 0.7 writes checkpoints in bursts",
    .category = engine::Category::Performance,
    .severity = engine::Severity::Info,
    .docs = {
        .what = "Reports checkpoint_completion_target below 0.7 (the default was 0.5 in PostgreSQL 13, 0.9 since).",
        .why = "A low target crams each checkpoint's writes into a fraction of the interval: I/O spikes and "
               "latency spikes. 0.9 spreads them out; PostgreSQL 14 made it the default.",
        .example = "checkpoint_completion_target = 0.5",
        .use_instead = "checkpoint_completion_target = 0.9",
        .references = {"https://www.postgresql.org/docs/current/wal-configuration.html"},
    }};

class CheckpointCompletionTargetRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "checkpoint_completion_target");
    auto value = view.number();
    if (!value || *value >= 0.7) return;
    report_setting(sink, view, fmt::format("checkpoint_completion_target = {}{}", *value,
                                           view.is_set() ? "" : " (the default of this version)"),
                   "set checkpoint_completion_target = 0.9");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_checkpoint_completion_target_low_rule() {
  return std::make_unique<CheckpointCompletionTargetRule>();
}

}  // namespace pglint::rules
