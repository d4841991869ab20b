// M101 overridden-setting: a line whose value never takes effect because a later one wins.
#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>

#include "rules/conf/conf_fix_support.hpp"
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
    .fix = engine::FixAvailability::Safe,
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
        .fix_safety = "Safe: the fix comments out the overridden line ('#' in front), whose value PostgreSQL "
                      "never uses; the winning line stays. Only lines that a later line of a file beats are "
                      "fixed: settings on a server's command line, lines in postgresql.auto.conf (ALTER SYSTEM "
                      "rewrites it), and the last file line beaten only by a command-line setting stay, since "
                      "the file may also be used without that command line.",
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

// For each parameter, the index of the last setting a file (not the command line) makes: a line
// before it is dead whatever the server's command line says (it may be absent where the file is
// used too).
std::map<std::string, std::size_t, std::less<>> last_file_settings(const model::ConfSet& set) {
  std::map<std::string, std::size_t, std::less<>> last;
  for (std::size_t i = 0; i < set.settings.size(); ++i) {
    if (!set.settings[i].from_command_line) last[set.settings[i].key] = i;
  }
  return last;
}

// Each configuration reads its files itself, so the same line may come from different reads:
// a line is known by its file's real path and its offset.
using LineKey = std::pair<std::string, std::size_t>;

LineKey line_key(const model::Setting& setting) {
  return {setting.name.source ? setting.name.source->real_path().string() : std::string(), setting.name.span.begin};
}

// The lines that win in some configuration (a file included twice, or by two configurations,
// may hold a winning line and an overridden one at once).
std::set<LineKey> winning_lines(const model::Deployment& deployment) {
  std::set<LineKey> lines;
  for (const model::ConfSet& set : deployment.conf_sets) {
    for (const auto& [key, index] : set.winners) lines.insert(line_key(set.settings[index]));
  }
  return lines;
}

// Whether commenting out the overridden line changes nothing and stays what it looks like: a
// line of a file (not postgresql.auto.conf, which ALTER SYSTEM rewrites) that a later file line
// beats, and not a winner anywhere.
bool fixable(const std::set<LineKey>& winners, const std::map<std::string, std::size_t, std::less<>>& last_in_files,
             const model::ConfSet& set, const model::Setting& setting) {
  if (setting.from_command_line || !setting.name.file || setting.name.file->is_auto_conf) return false;
  auto last = last_in_files.find(setting.key);
  bool beaten_by_a_file = last != last_in_files.end() && last->second > std::size_t(&setting - set.settings.data());
  return beaten_by_a_file && !winners.contains(line_key(setting));
}

class OverriddenSettingCheck final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    std::optional<std::set<LineKey>> winners;  // computed once, when the first finding needs it
    for (const model::ConfSet& set : deployment.conf_sets) {
      auto last_in_files = last_file_settings(set);
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
        if (!winners) winners = winning_lines(deployment);
        if (fixable(*winners, last_in_files, set, setting)) {
          diagnostic.fix = comment_out_setting_fix(setting, fmt::format("comment out the overridden {} line", setting.entry.name));
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_overridden_setting_rule() { return std::make_unique<OverriddenSettingCheck>(); }

}  // namespace pglint::rules
