// S203 hba-password-cleartext: the password method sends the password itself.
#include "rules/hba/hba_fixes.hpp"
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S203",
    .name = "hba-password-cleartext",
    .summary = "The password method sends the password in clear text",
    .category = engine::Category::Security,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "Reports lines with method `password`. On `hostssl` and `local` lines the finding is a warning "
                "(TLS or the socket protects the password in transit, but the server still receives it); elsewhere "
                "an error.",
        .why = "With `password` the client sends the password itself; on a connection without TLS anyone on the "
               "path reads it. SCRAM proves knowledge of the password without sending it.",
        .example = "host  all  all  10.0.0.0/8  password",
        .use_instead = "hostssl  all  all  10.0.0.0/8  scram-sha-256",
        .fix_safety = "Unsafe: the fix replaces the method with scram-sha-256 and keeps the rest of the line. "
                      "Roles whose stored password is an MD5 hash, and clients whose driver cannot do SCRAM, "
                      "are refused until the password is set again with password_encryption = scram-sha-256.",
        .references = {"https://www.postgresql.org/docs/current/auth-password.html"},
    }};

class PasswordCleartextRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet&, const model::HbaRecord& r) {
      if (r.record.method != "password") return;
      bool protected_in_transit =
          r.record.type == hba::ConnectionType::HostSsl || r.record.type == hba::ConnectionType::Local;
      auto& d = sink.report(file_of(r), r.record.method_token.span,
                            protected_in_transit ? "the password method hands the server the password itself"
                                                 : "the password method sends the password in clear text over TCP",
                            "use scram-sha-256");
      if (protected_in_transit) d.severity = engine::Severity::Warning;
      d.fix = replace_method_fix(r, "scram-sha-256", engine::Applicability::Unsafe);
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_password_cleartext_rule() { return std::make_unique<PasswordCleartextRule>(); }

}  // namespace pglint::rules
