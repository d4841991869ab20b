// S104 password-encryption-md5: new passwords stored as MD5 hashes.
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S104",
    .name = "password-encryption-md5",
    .summary = "password_encryption = md5 stores new passwords as MD5 hashes",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `password_encryption = md5` (and its PostgreSQL 13 aliases on/true/yes/1).",
        .why = "An MD5 hash is enough to log in with the md5 method: a leaked pg_authid, backup or replica is a "
               "leaked password. SCRAM-SHA-256 secrets cannot be replayed. PostgreSQL 18 deprecates MD5 passwords "
               "and warns when one is set. CIS PostgreSQL 16 Benchmark 5.12.",
        .example = "password_encryption = md5",
        .use_instead = "password_encryption = scram-sha-256",
        .fix_safety = "Safe: the fix sets password_encryption = scram-sha-256. Stored MD5 passwords keep "
                      "working (the md5 method accepts SCRAM secrets too); passwords set from now on are SCRAM "
                      "secrets, which clients older than libpq 10 cannot use. Reset existing passwords to "
                      "convert them.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-PASSWORD-ENCRYPTION"},
    },
    .cis = {"5.12"},
    .stig = {"V-233596"}};

class PasswordEncryptionMd5Rule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "password_encryption");
    std::string value = view.text();
    bool md5 = value == "md5" || value == "on" || value == "true" || value == "yes" || value == "1";
    if (!md5) return;
    auto& finding =
        report_setting(sink, view, "password_encryption = md5: new passwords are stored as replayable MD5 hashes",
                       "set password_encryption = scram-sha-256 and reset existing passwords");
    attach_set_value_fix(finding, view, "scram-sha-256", "S104 password-encryption-md5");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_password_encryption_md5_rule() { return std::make_unique<PasswordEncryptionMd5Rule>(); }

}  // namespace pglint::rules
