// S211 hba-hostname-address: addresses given as host names depend on DNS.
#include <fmt/format.h>

#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S211",
    .name = "hba-hostname-address",
    .summary = "A host name in pg_hba.conf makes every connection depend on DNS",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports lines whose address is a host name or a `.domain` suffix.",
        .why = "PostgreSQL does a reverse lookup of every client address and a forward lookup to confirm it: "
               "whoever controls those DNS answers controls who matches the line, a slow DNS server delays every "
               "login, and a DNS outage locks clients out.",
        .example = "hostssl  all  all  app.example.com  scram-sha-256",
        .use_instead = "hostssl  all  all  10.20.0.15/32  scram-sha-256",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/auth-pg-hba-conf.html"},
    }};

class HostnameAddressRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet&, const model::HbaRecord& r) {
      const hba::Record& record = r.record;
      if (!record.address || record.address->kind != hba::AddressKind::HostName) return;
      sink.report(file_of(r), record.address->span,
                  fmt::format("host name \"{}\": every login waits on, and trusts, DNS", record.address->host_name),
                  "use the client's IP address or network in CIDR form");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_hostname_address_rule() { return std::make_unique<HostnameAddressRule>(); }

}  // namespace pglint::rules
