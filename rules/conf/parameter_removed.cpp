// C101 parameter-removed: a parameter an older PostgreSQL had, gone in the version in use.
#include <fmt/format.h>

#include "compiler/catalog/history.hpp"
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
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports a setting of a parameter that exists in an older major version's catalogue but not in "
                "the target version's, says which version removed it and, for renames, what replaces it "
                "(`wal_keep_segments` became `wal_keep_size` in 13, `stats_temp_directory` went in 15, "
                "`force_parallel_mode` became `debug_parallel_query` in 16, `db_user_namespace` went in 17).",
        .why = "After an upgrade the old name makes PostgreSQL refuse to start with `unrecognized configuration "
               "parameter`.",
        .example = "# PostgreSQL 16\nforce_parallel_mode = on",
        .use_instead = "debug_parallel_query = on",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/release/",
                       "schemas/catalog/pg*.json (generated from the server binaries)"},
    }};

class ParameterRemovedRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_setting(deployment, [&](const model::ConfSet&, const model::Setting& setting) {
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
      sink.report(file_of(setting.name), setting.name.span, message, help);
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_parameter_removed_rule() { return std::make_unique<ParameterRemovedRule>(); }

}  // namespace pglint::rules
