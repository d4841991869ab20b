// S105 password-in-setting: a password written into a configuration value.
#include <fmt/format.h>

#include "compiler/source/secrets.hpp"
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S105",
    .name = "password-in-setting",
    .summary = "A password is written into a setting",
    .category = engine::Category::Security,
    .severity = engine::Severity::Error,
    .docs = {
        .what = "Reports settings whose value holds a password: `password=` in a connection string "
                "(primary_conninfo ...), the password of a postgresql:// URI, `PGPASSWORD=` or `--password=` in a "
                "command (archive_command, restore_command ...). The password itself is masked in every output.",
        .why = "Configuration files end up in repositories, images, backups and `SHOW`/pg_settings output "
               "(primary_conninfo is readable by pg_read_all_settings members). A password file (~/.pgpass, "
               "passfile=) or certificate authentication keeps it out.",
        .example = "primary_conninfo = 'host=primary user=replicator password=s3cret'",
        .use_instead = "primary_conninfo = 'host=primary user=replicator passfile=/var/lib/postgresql/.pgpass sslmode=verify-full'",
        .references = {"https://www.postgresql.org/docs/current/libpq-pgpass.html",
                       "https://www.postgresql.org/docs/current/runtime-config-replication.html#GUC-PRIMARY-CONNINFO"},
    }};

class PasswordInSettingRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_setting(deployment, [&](const model::ConfSet&, const model::Setting& setting) {
      if (find_secret_ranges(setting.entry.raw_value).empty()) return;
      sink.report(file_of(setting.value), setting.value.span,
                  fmt::format("\"{}\" contains a password", setting.entry.name),
                  "keep passwords in a password file (passfile=, ~/.pgpass) or use certificates");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_password_in_setting_rule() { return std::make_unique<PasswordInSettingRule>(); }

}  // namespace pglint::rules
