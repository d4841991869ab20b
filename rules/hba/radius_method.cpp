// S210 hba-radius: RADIUS authentication's weak protection of the password.
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S210",
    .name = "hba-radius",
    .summary = "RADIUS protects the password only with an MD5-based shared-secret scheme",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports lines with method `radius`.",
        .why = "PostgreSQL receives the password in clear and forwards it in a RADIUS Access-Request, hidden only "
               "by MD5 of the shared secret (RFC 2865); the BLAST-RADIUS attack (CVE-2024-3596) forges responses. "
               "PostgreSQL's RADIUS client does not use Message-Authenticator-only mode or RADIUS over TLS.",
        .example = "host all all 10.0.0.0/8 radius radiusservers=10.0.0.5 radiussecrets=s3cr3t",
        .use_instead = "hostssl all all 10.0.0.0/8 scram-sha-256",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/auth-radius.html", "RFC 2865 section 5.2",
                       "CVE-2024-3596 (BLAST-RADIUS)"},
    }};

class RadiusRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet&, const model::HbaRecord& r) {
      if (r.record.method != "radius") return;
      sink.report(file_of(r), r.record.method_token.span,
                  "RADIUS forwards the password protected only by MD5 of a shared secret",
                  "prefer scram-sha-256 or cert; if RADIUS is required, keep the RADIUS server on a trusted network");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_radius_rule() { return std::make_unique<RadiusRule>(); }

}  // namespace pglint::rules
