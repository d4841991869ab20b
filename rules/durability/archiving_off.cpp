// D105 archiving-off: no WAL archive in production, so no point-in-time recovery.
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "D105",
    .name = "archiving-off",
    .summary = "No WAL archiving in production: no point-in-time recovery",
    .category = engine::Category::Durability,
    .severity = engine::Severity::Warning,
    .docs = {
        .what = "In production (the intent's environment, production when unknown), reports `archive_mode = off`.",
        .why = "Without a WAL archive the only way back is the last full backup: everything since is lost, and "
               "an accidental DROP TABLE cannot be undone to the minute before. CIS PostgreSQL 16 Benchmark 7.4 "
               "asks for WAL archiving. A backup tool that streams WAL itself (pg_receivewal, Barman streaming) "
               "is an alternative: then suppress this finding with a comment saying so.",
        .example = "archive_mode = off",
        .use_instead = "archive_mode = on\narchive_command = 'pgbackrest --stanza=main archive-push %p'",
        .references = {"https://www.postgresql.org/docs/current/continuous-archiving.html"},
    },
    .cis = {"7.4"}};

class ArchivingOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (d.facts.environment != model::Environment::Production) return;
    auto mode = view_setting(d, set, "archive_mode");
    if (mode.text() != "off") return;
    report_setting(sink, mode,
                   mode.is_set() ? "archive_mode is off in production: no point-in-time recovery"
                                 : "WAL archiving is not configured (archive_mode defaults to off): no point-in-time "
                                   "recovery in production",
                   "set archive_mode = on with an archive_command or archive_library, or stream WAL with a backup tool");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_archiving_off_rule() { return std::make_unique<ArchivingOffRule>(); }

}  // namespace pglint::rules
