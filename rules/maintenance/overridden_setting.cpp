// M101 overridden-setting: a line whose value never takes effect because a later one wins.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "M101",
    .name = "overridden-setting",
    .summary = "A later line sets this parameter again, so this value is never used",
    .category = engine::Category::Maintenance,
    .severity = engine::Severity::Info,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports each setting that a later one replaces: later in the same file, in an included file "
                "(includes are read where they stand), in postgresql.auto.conf (written by ALTER SYSTEM and "
                "read after every other file), or on the server's command line (`postgres -c name=value` in a "
                "compose `command:`, which beats every file). Names are compared case-insensitively and through PostgreSQL's "
                "old aliases (sort_mem sets work_mem). The finding names the line that wins.",
        .why = "Someone reading the file sees a value the server does not use. A common surprise: ALTER SYSTEM "
               "values in postgresql.auto.conf silently beat the reviewed postgresql.conf.",
        .example = "work_mem = 4MB\n# ... 300 lines later\nwork_mem = 64MB",
        .use_instead = "work_mem = 64MB",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/config-setting.html"},
    }};

std::string help_for(const model::Setting& winner) {
  if (winner.from_command_line) {
    return "the server's command line (postgres -c) beats every file; keep the value in one place";
  }
  if (winner.name.file && winner.name.file->is_auto_conf) {
    return "postgresql.auto.conf is written by ALTER SYSTEM and read last; change the value there (ALTER SYSTEM "
           "RESET) or here, not both";
  }
  return "remove one of the two lines";
}

class OverriddenSettingCheck final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::ConfSet& set : deployment.conf_sets) {
      for (const model::Setting& setting : set.settings) {
        if (!setting.overridden) continue;
        const model::Setting* winner = set.effective(setting.key);
        if (!winner || winner == &setting) continue;
        std::string where = describe_location(winner->name);
        auto& diagnostic =
            sink.report(file_of(setting.name), setting.name.span,
                        fmt::format("\"{}\" is set again at {}; this value ({}) is never used", setting.entry.name,
                                    where, setting.entry.raw_value),
                        help_for(*winner));
        diagnostic.related.push_back({file_of(winner->name), winner->name.span,
                                      fmt::format("the value that wins: {}", winner->entry.raw_value)});
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_overridden_setting_rule() { return std::make_unique<OverriddenSettingCheck>(); }

}  // namespace pglint::rules
