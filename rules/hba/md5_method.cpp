// S204 hba-md5: the md5 method and what it really does.
#include <fmt/format.h>

#include "rules/hba/hba_fixes.hpp"
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S204",
    .name = "hba-md5",
    .summary = "md5 accepts MD5 password hashes; scram-sha-256 refuses them",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "Reports lines with method `md5` and says what happens given postgresql.conf's "
                "`password_encryption`: for a role whose stored password is a SCRAM secret PostgreSQL runs SCRAM "
                "even on an md5 line; for a role with an MD5 hash it runs the MD5 challenge. With "
                "`password_encryption = md5` new passwords are stored as MD5.",
        .why = "MD5 hashes are password-equivalent: whoever reads pg_authid (a backup, a replica) can log in "
               "without cracking anything, and the MD5 challenge is weak against eavesdroppers. `scram-sha-256` "
               "lines refuse roles that still have MD5 hashes, which finishes the migration. MD5 passwords are "
               "deprecated since PostgreSQL 18.",
        .example = "host  all  all  10.0.0.0/8  md5",
        .use_instead = "hostssl  all  all  10.0.0.0/8  scram-sha-256\n# and in postgresql.conf\npassword_encryption = scram-sha-256",
        .fix_safety = "Unsafe: the fix replaces the method with scram-sha-256 and keeps the rest of the line. "
                      "Roles that still have MD5 password hashes are refused until their passwords are set again "
                      "with password_encryption = scram-sha-256.",
        .references = {"https://www.postgresql.org/docs/current/auth-password.html",
                       "https://www.postgresql.org/docs/18/release-18.html (MD5 deprecation)"},
    }};

class Md5Rule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet& set, const model::HbaRecord& r) {
      if (r.record.method != "md5") return;
      auto encryption = conf_text(deployment, set, "password_encryption");
      std::string message;
      if (encryption && *encryption == "md5") {
        message = "md5 authentication with password_encryption = md5: passwords are stored as MD5 hashes and "
                  "checked with the MD5 challenge";
      } else if (encryption) {
        message = "md5 line: roles with SCRAM passwords (password_encryption = scram-sha-256) get SCRAM here, "
                  "but roles that still have MD5 hashes log in with MD5";
      } else {
        message = "md5 line: roles whose stored password is an MD5 hash log in with the MD5 challenge (SCRAM is "
                  "used only for roles with SCRAM secrets)";
      }
      auto& d = sink.report(file_of(r), r.record.method_token.span, message,
                            "use scram-sha-256, after re-setting the passwords of roles that still have MD5 hashes");
      d.fix = replace_method_fix(r, "scram-sha-256", engine::Applicability::Unsafe);
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_md5_rule() { return std::make_unique<Md5Rule>(); }

}  // namespace pglint::rules
