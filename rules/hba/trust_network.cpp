// S201 hba-trust-network: trust authentication for TCP connections.
#include <fmt/format.h>

#include "rules/hba/hba_fixes.hpp"
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S201",
    .name = "hba-trust-network",
    .summary = "trust lets anyone who can reach the port log in as any listed role, with no password",
    .category = engine::Category::Security,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "Reports host, hostssl, hostnossl, hostgssenc and hostnogssenc lines whose method is `trust`, "
                "loopback addresses included (every local process, every container sharing the network namespace, "
                "and anything that can proxy to localhost counts).",
        .why = "With trust PostgreSQL asks for nothing: whoever reaches the address can claim any role the line "
               "allows, superusers included. CIS PostgreSQL Benchmark 16, 4.x; PostgreSQL docs: trust is only "
               "appropriate for single-user workstations.",
        .example = "host  all  all  10.0.0.0/8  trust",
        .use_instead = "hostssl  all  all  10.0.0.0/8  scram-sha-256",
        .fix_safety = "Unsafe: the fix replaces the method with scram-sha-256 and keeps the rest of the line. "
                      "Clients that connect today without a password, and roles that have no password or only "
                      "an MD5 hash, are refused until they get a SCRAM password; a reload applies it.",
        .references = {"https://www.postgresql.org/docs/current/auth-trust.html",
                       "CIS PostgreSQL 16 Benchmark: 4.2 (pg_hba.conf must not use trust)"},
    }};

class TrustNetworkRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet&, const model::HbaRecord& r) {
      if (!is_network_record(r.record) || r.record.method != "trust") return;
      auto& d = sink.report(
          file_of(r), r.record.method_token.span,
          fmt::format("trust authentication over TCP from {}: no password is asked", describe_address(r.record)),
          "use scram-sha-256 (over hostssl) or cert");
      d.fix = replace_method_fix(r, "scram-sha-256", engine::Applicability::Unsafe);
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_trust_network_rule() { return std::make_unique<TrustNetworkRule>(); }

}  // namespace pglint::rules
