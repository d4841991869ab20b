// D103 synchronous-commit-off: the last commits can be lost.
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "D103",
    .name = "synchronous-commit-off",
    .summary = "synchronous_commit = off: a crash loses the last committed transactions",
    .category = engine::Category::Durability,
    .severity = engine::Severity::Info,
    .docs = {
        .what = "Reports `synchronous_commit = off` (or `local` while synchronous standbys are named, which "
                "then no longer wait for them).",
        .why = "A commit returns before its WAL is flushed: up to three times wal_writer_delay of committed "
               "transactions vanish after a crash (the database stays consistent). Often a deliberate trade; "
               "say so in a comment and suppress the finding.",
        .example = "synchronous_commit = off",
        .use_instead = "synchronous_commit = on\n# or per transaction: SET LOCAL synchronous_commit = off",
        .references = {"https://www.postgresql.org/docs/current/wal-async-commit.html"},
    }};

class SynchronousCommitOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto commit = view_setting(d, set, "synchronous_commit");
    std::string value = commit.text();
    bool standbys = !view_setting(d, set, "synchronous_standby_names").text().empty();
    if (value == "off") {
      report_setting(sink, commit, "synchronous_commit is off: a crash loses the most recent commits",
                     "keep it on server-wide and turn it off per session or transaction where losing them is fine");
    } else if (value == "local" && standbys) {
      report_setting(sink, commit, "synchronous_commit = local: commits no longer wait for the synchronous standbys",
                     "use on, remote_write or remote_apply");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_synchronous_commit_off_rule() { return std::make_unique<SynchronousCommitOffRule>(); }

}  // namespace pglint::rules
