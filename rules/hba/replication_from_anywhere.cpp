// S207 hba-replication-from-anywhere: physical replication open to every address.
#include <fmt/format.h>

#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S207",
    .name = "hba-replication-from-anywhere",
    .summary = "Replication connections are accepted from every address",
    .category = engine::Category::Security,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports non-reject lines whose database field has the `replication` keyword and whose address is "
                "`all`, `0.0.0.0/0` or `::/0`.",
        .why = "A replication connection streams the whole cluster, every database and every role's password "
               "hash. Only the standbys' addresses should be able to ask for it.",
        .example = "host  replication  replicator  0.0.0.0/0  scram-sha-256",
        .use_instead = "hostssl  replication  replicator  10.0.1.12/32  scram-sha-256",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/auth-pg-hba-conf.html",
                       "https://www.postgresql.org/docs/current/warm-standby.html#STREAMING-REPLICATION-AUTHENTICATION"},
    }};

class ReplicationFromAnywhereRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet&, const model::HbaRecord& r) {
      const hba::Record& record = r.record;
      if (record.method == "reject" || !is_whole_internet(record)) return;
      bool replication = false;
      for (const auto& token : record.databases) replication = replication || hba::is_keyword(token, "replication");
      if (!replication) return;
      sink.report(file_of(r), record.address->span,
                  fmt::format("replication connections accepted from {}", describe_address(record)),
                  "list the standby servers' addresses, one line each");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_replication_from_anywhere_rule() {
  return std::make_unique<ReplicationFromAnywhereRule>();
}

}  // namespace pglint::rules
