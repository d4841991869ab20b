// S202 hba-trust-local: trust on the Unix socket.
#include <fmt/format.h>

#include "rules/hba/hba_fixes.hpp"
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S202",
    .name = "hba-trust-local",
    .summary = "trust on the local socket lets every local OS user log in as any listed role",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "Reports `local` lines with method `trust`. Not reported when postgresql.conf restricts the socket "
                "to its owner (`unix_socket_permissions = 0700` or stricter): then only the server's own OS account "
                "can connect, and that account can read the data directory anyway, so trust gives it nothing new.",
        .why = "Any process on the host (or in the container) that can open the socket becomes the role it names, "
               "`postgres` included: one compromised application process becomes a database superuser. `peer` "
               "gives the same convenience for the OS user that owns the role, and nobody else.",
        .example = "local  all  postgres  trust",
        .use_instead = "local  all  postgres  peer",
        .fix_safety = "Unsafe: the fix replaces the method with scram-sha-256 and keeps the rest of the line. "
                      "Local clients that connect today without a password (scripts, cron jobs, the postgres OS "
                      "user) are refused until they send a SCRAM password; `peer` may suit them better.",
        .references = {"https://www.postgresql.org/docs/current/auth-trust.html",
                       "https://www.postgresql.org/docs/current/auth-peer.html",
                       "CIS PostgreSQL 16 Benchmark: 4.2"},
    }};

class TrustLocalRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet& set, const model::HbaRecord& r) {
      if (is_network_record(r.record) || r.record.method != "trust") return;
      if (socket_owner_only(deployment, set)) return;
      auto& d = sink.report(file_of(r), r.record.method_token.span,
                            "trust on the local socket: any local OS user can connect as the roles this line allows",
                            "use peer (the OS user must match the role) or scram-sha-256");
      d.fix = replace_method_fix(r, "scram-sha-256", engine::Applicability::Unsafe);
    });
  }

 private:
  static bool socket_owner_only(const model::Deployment& deployment, const model::HbaSet& set) {
    if (!set.conf) return false;
    auto permissions = effective_number(deployment, *set.conf, "unix_socket_permissions");
    return permissions && (static_cast<long long>(*permissions) & 0077) == 0;
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_trust_local_rule() { return std::make_unique<TrustLocalRule>(); }

}  // namespace pglint::rules
