// S205 hba-host-without-tls: host lines that admit unencrypted TCP while TLS is on.
#include <fmt/format.h>

#include "rules/hba/hba_fixes.hpp"
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S205",
    .name = "hba-host-without-tls",
    .summary = "This host line also admits connections without TLS, although the server has TLS on",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "With `ssl = on` in the postgresql.conf the pg_hba.conf belongs to, reports `host` and "
                "`hostnossl` lines (other than `reject`) for non-loopback addresses: they let a client connect "
                "without TLS, whatever the server offers. Loopback addresses (127.0.0.0/8, ::1) are not reported.",
        .why = "TLS on the server does not force clients to use it: `sslmode=prefer` clients silently fall back, "
               "and an active attacker can strip TLS. Only `hostssl` lines make the server refuse plaintext.",
        .example = "host  all  all  10.0.0.0/8  scram-sha-256",
        .use_instead = "hostssl  all  all  10.0.0.0/8  scram-sha-256",
        .fix_safety = "Unsafe: the fix turns `host` into `hostssl` (the type token only, so that column gets "
                      "wider) and leaves `hostnossl` lines alone. Clients that connect without TLS today "
                      "(sslmode=disable, drivers built without TLS) are refused.",
        .references = {"https://www.postgresql.org/docs/current/auth-pg-hba-conf.html",
                       "https://www.postgresql.org/docs/current/ssl-tcp.html",
                       "CIS PostgreSQL 16 Benchmark: 6.8 (TLS enabled and enforced)"},
    }};

class HostWithoutTlsRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet& set, const model::HbaRecord& r) {
      const hba::Record& record = r.record;
      bool admits_plaintext = record.type == hba::ConnectionType::Host || record.type == hba::ConnectionType::HostNoSsl;
      if (!admits_plaintext || record.method == "reject" || is_loopback_only(record)) return;
      if (set.context.ssl_enabled != true) return;
      auto& d = sink.report(file_of(r), record.type_token.span,
                            fmt::format("\"{}\" admits connections from {} without TLS although ssl = on",
                                        hba::connection_type_name(record.type), describe_address(record)),
                            "use hostssl so the server refuses unencrypted connections");
      // hostnossl says on purpose that this line is for plaintext: what replaces it is the user's call.
      if (record.type == hba::ConnectionType::Host) d.fix = replace_type_fix(r, "hostssl", engine::Applicability::Unsafe);
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_host_without_tls_rule() { return std::make_unique<HostWithoutTlsRule>(); }

}  // namespace pglint::rules
