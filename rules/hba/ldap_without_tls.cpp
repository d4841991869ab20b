// S209 hba-ldap-without-tls: LDAP binds that send the password unencrypted.
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S209",
    .name = "hba-ldap-without-tls",
    .summary = "The LDAP bind sends the user's password to the LDAP server without TLS",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports `ldap` lines without `ldaptls=1`, `ldapscheme=ldaps` or an `ldaps://` ldapurl. "
                "`ldaptls=true` is reported too: PostgreSQL treats only the exact value `1` as true, so that line "
                "runs without TLS.",
        .why = "PostgreSQL receives the password in clear (over the client's connection) and re-sends it in an "
               "LDAP simple bind; without StartTLS or LDAPS anyone between the database and the LDAP server reads "
               "every password. ldapbindpasswd travels the same way.",
        .example = "host all all 10.0.0.0/8 ldap ldapserver=ldap.example.net ldapprefix=\"cn=\" ldapsuffix=\", dc=example, dc=net\"",
        .use_instead = "hostssl all all 10.0.0.0/8 ldap ldapserver=ldap.example.net ldapscheme=ldaps ldapprefix=\"cn=\" ldapsuffix=\", dc=example, dc=net\"",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/auth-ldap.html"},
    }};

class LdapWithoutTlsRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet&, const model::HbaRecord& r) {
      const hba::Record& record = r.record;
      if (record.method != "ldap" || uses_tls(record)) return;
      const hba::Option* tls = record.option("ldaptls");
      if (tls && tls->value != "1") {
        sink.report(file_of(r), tls->span, "ldaptls is true only when it is exactly 1: this line binds without TLS",
                    "write ldaptls=1, or use ldapscheme=ldaps");
        return;
      }
      sink.report(file_of(r), record.method_token.span, "LDAP bind without TLS: passwords cross the network in clear",
                  "add ldaptls=1 (StartTLS) or ldapscheme=ldaps");
    });
  }

 private:
  static bool uses_tls(const hba::Record& record) {
    const hba::Option* tls = record.option("ldaptls");
    const hba::Option* scheme = record.option("ldapscheme");
    const hba::Option* url = record.option("ldapurl");
    return (tls && tls->value == "1") || (scheme && scheme->value == "ldaps") ||
           (url && url->value.starts_with("ldaps://"));
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_ldap_without_tls_rule() { return std::make_unique<LdapWithoutTlsRule>(); }

}  // namespace pglint::rules
