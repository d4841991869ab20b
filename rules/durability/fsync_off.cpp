// D101 fsync-off: fsync = off.
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "D101",
    .name = "fsync-off",
    .summary = "fsync = off: a crash or power loss can corrupt the whole cluster",
    .category = engine::Category::Durability,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `fsync = off`.",
        .why = "Without fsync PostgreSQL never forces data to disk. The PostgreSQL documentation: after an "
               "operating system crash or power failure the data may be unrecoverably corrupted; only for "
               "throw-away data that can be recreated from scratch.",
        .example = "fsync = off",
        .use_instead = "fsync = on\nsynchronous_commit = off   # if commit latency matters more than the last "
                       "transactions",
        .fix_safety = "Safe: the fix sets fsync = on where the value takes effect. Writes get slower, but no client "
                      "is refused and nothing else changes; a reload applies it.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-wal.html#GUC-FSYNC"},
    }};

class FsyncOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto fsync = view_setting(d, set, "fsync");
    if (fsync.boolean() != false) return;
    auto& finding = report_setting(sink, fsync, "fsync is off: a crash can corrupt the cluster beyond repair",
                                   "set fsync = on; use synchronous_commit = off to trade the last commits for speed safely");
    attach_set_value_fix(finding, fsync, "on", "D101 fsync-off");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_fsync_off_rule() { return std::make_unique<FsyncOffRule>(); }

}  // namespace pglint::rules
