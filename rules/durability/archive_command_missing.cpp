// D107 archive-command-missing: archive_mode on, but nothing archives.
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "D107",
    .name = "archive-command-missing",
    .summary = "archive_mode is on but neither archive_command nor archive_library is set",
    .category = engine::Category::Durability,
    .severity = engine::Severity::Warning,
    .docs = {
        .what = "Reports `archive_mode = on` (or `always`) with an empty `archive_command` and (15+) an empty "
                "`archive_library`.",
        .why = "PostgreSQL then keeps every WAL segment waiting for an archiver that never runs: pg_wal grows "
               "until the disk is full and the server stops.",
        .example = "archive_mode = on",
        .use_instead = "archive_mode = on\narchive_command = 'test ! -f /archive/%f && cp %p /archive/%f'",
        .references = {"https://www.postgresql.org/docs/current/continuous-archiving.html#BACKUP-ARCHIVING-WAL"},
    }};

class ArchiveCommandMissingRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto mode = view_setting(d, set, "archive_mode");
    if (mode.text() != "on" && mode.text() != "always") return;
    if (!view_setting(d, set, "archive_command").text().empty()) return;
    auto library = view_setting(d, set, "archive_library");
    if (library.parameter && !library.text().empty()) return;
    report_setting(sink, mode, "archive_mode is on but nothing archives: WAL piles up until the disk is full",
                   "set archive_command (or archive_library), or turn archive_mode off");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_archive_command_missing_rule() { return std::make_unique<ArchiveCommandMissingRule>(); }

}  // namespace pglint::rules
