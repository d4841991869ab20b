// C101 parameter-removed: a parameter an older PostgreSQL had, gone in the version in use.
#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>

#include "compiler/catalog/history.hpp"
#include "compiler/syntax/conf/edit.hpp"
#include "rules/conf/conf_fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "C101",
    .name = "parameter-removed",
    .summary = "This parameter was removed or renamed before the PostgreSQL version in use",
    .category = engine::Category::Compatibility,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports a setting of a parameter that exists in an older major version's catalogue but not in "
                "the target version's, says which version removed it and, for renames, what replaces it "
                "(`wal_keep_segments` became `wal_keep_size` in 13, `stats_temp_directory` went in 15, "
                "`force_parallel_mode` became `debug_parallel_query` in 16, `db_user_namespace` went in 17).",
        .why = "After an upgrade the old name makes PostgreSQL refuse to start with `unrecognized configuration "
               "parameter`.",
        .example = "# PostgreSQL 16\nforce_parallel_mode = on",
        .use_instead = "debug_parallel_query = on",
        .fix_safety = "Safe: PostgreSQL refuses the file as it is. The fix renames a renamed parameter "
                      "(force_parallel_mode to debug_parallel_query; wal_keep_segments N to wal_keep_size N x "
                      "16MB, the default segment size: check it on clusters made with initdb --wal-segsize), "
                      "and comments the line out when the parameter is gone without successor or its new name "
                      "is set elsewhere. Settings on a server's command line are left alone.",
        .references = {"https://www.postgresql.org/docs/release/",
                       "schemas/catalog/pg*.json (generated from the server binaries)"},
    }};

class ParameterRemovedRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_setting(deployment, [&](const model::ConfSet& set, const model::Setting& setting) {
      std::string_view name = setting.entry.name;
      if (name.find('.') != std::string_view::npos || deployment.catalog->find(name)) return;
      catalog::NameHistory history = catalog::name_history(name);
      if (history.majors.empty() || history.majors.front() > deployment.pg_major) return;  // C102
      int removed_in = history.majors.back() + 1;
      std::string message = fmt::format("\"{}\" was removed in PostgreSQL {}; PostgreSQL {} refuses it as an "
                                        "unrecognized configuration parameter",
                                        name, removed_in, deployment.pg_major);
      std::string help;
      if (history.successor && deployment.catalog->find(*history.successor)) {
        help = fmt::format("PostgreSQL {} renamed it to \"{}\"; check the new name's unit and meaning",
                           *history.renamed_in, *history.successor);
      } else {
        help = "remove the setting";
      }
      auto& finding = sink.report(file_of(setting.name), setting.name.span, message, help);
      finding.fix = fix_for(deployment, set, setting, history);
    });
  }

 private:
  // Renamed when this version has the successor and no file sets it already (else the old
  // line is a leftover and is commented out, as is a parameter without successor).
  // Command-line settings get no fix.
  static std::optional<engine::Fix> fix_for(const model::Deployment& deployment, const model::ConfSet& set,
                                            const model::Setting& setting, const catalog::NameHistory& history) {
    if (setting.from_command_line) return std::nullopt;
    const catalog::Parameter* successor = history.successor ? deployment.catalog->find(*history.successor) : nullptr;
    if (successor && !set.effective(catalog::fold_name(successor->name))) return rename_fix(setting, successor->name);
    return comment_out_setting_fix(setting, fmt::format("comment out {}", setting.entry.name));
  }

  // Renames the setting, converting the value where the unit changed.
  static std::optional<engine::Fix> rename_fix(const model::Setting& setting, const std::string& successor) {
    std::vector<engine::Edit> edits{{setting.name.span, successor, setting.name.source}};
    std::string description = fmt::format("rename {} to {}", setting.entry.name, successor);
    if (catalog::fold_name(setting.entry.name) == "wal_keep_segments") {
      auto size = wal_keep_size(setting.entry.value);
      if (!size) return std::nullopt;
      edits.push_back({setting.value.span, conf::value_literal(*size), setting.value.source});
      description = fmt::format("set {} = {} instead of {}", successor, conf::value_literal(*size), setting.entry.name);
    }
    return engine::Fix{std::move(description), std::move(edits), engine::Applicability::Safe};
  }

  // wal_keep_segments counts 16MB segments (the default segment size); wal_keep_size is in MB.
  static std::optional<std::string> wal_keep_size(std::string_view segments) {
    std::int64_t count = 0;
    auto [end, error] = std::from_chars(segments.data(), segments.data() + segments.size(), count);
    if (error != std::errc() || end != segments.data() + segments.size() || count < 0) return std::nullopt;
    std::int64_t mb = count * 16;
    if (mb > std::numeric_limits<std::int32_t>::max()) return std::nullopt;  // wal_keep_size's maximum
    if (mb % 1024 == 0 && mb > 0) return fmt::format("{}GB", mb / 1024);
    return fmt::format("{}MB", mb);
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_parameter_removed_rule() { return std::make_unique<ParameterRemovedRule>(); }

}  // namespace pglint::rules
