// O107 log-temp-files-off: spills to disk are not logged.
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O107",
    .name = "log-temp-files-off",
    .summary = "Temporary files (work_mem spills) are not logged",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Info,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `log_temp_files = -1` (the default).",
        .why = "Sorts and hashes that exceed work_mem write temporary files; logging them (0 logs all, or a "
               "size threshold) shows which queries need more work_mem.",
        .example = "log_temp_files = -1",
        .use_instead = "log_temp_files = 0",
        .fix_safety = "Safe: the fix sets log_temp_files = 0, which logs every temporary file when it is "
                      "deleted. Only the log grows; a reload applies it.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-TEMP-FILES"},
    }};

class LogTempFilesOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "log_temp_files");
    if (view.number() != -1) return;
    auto& finding = report_setting(sink, view, "temporary files are not logged (log_temp_files = -1)",
                                   "set log_temp_files = 0, or a size such as '10MB'");
    attach_set_value_fix(finding, view, "0", "O107 log-temp-files-off");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_log_temp_files_off_rule() { return std::make_unique<LogTempFilesOffRule>(); }

}  // namespace pglint::rules
