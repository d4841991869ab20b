// C103 parameter-removed-later: valid today, refused after an upgrade.
#include <fmt/format.h>

#include "compiler/catalog/history.hpp"
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "C103",
    .name = "parameter-removed-later",
    .summary = "This parameter is removed or renamed in a later PostgreSQL version",
    .category = engine::Category::Compatibility,
    .severity = engine::Severity::Info,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports settings that the target version accepts but a later major version (up to 18) no "
                "longer knows, with the version that removes it and the replacement when it was renamed "
                "(`force_parallel_mode` on 13-15, `vacuum_defer_cleanup_age` and `promote_trigger_file` on "
                "13-15, `db_user_namespace` and `old_snapshot_threshold` on 13-16).",
        .why = "The server will refuse to start after a major upgrade until the line is changed; finding it "
               "before the upgrade is cheaper.",
        .example = "# PostgreSQL 15\nforce_parallel_mode = off",
        .use_instead = "# remove it, or rename it to debug_parallel_query when upgrading to 16",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/release/"},
    }};

class ParameterRemovedLaterRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_setting(deployment, [&](const model::ConfSet&, const model::Setting& setting) {
      std::string_view name = setting.entry.name;
      const catalog::Parameter* parameter = deployment.catalog->find(name);
      if (name.find('.') != std::string_view::npos || !parameter || parameter->build_dependent) return;
      auto removed = catalog::removed_after(name, deployment.pg_major);
      if (!removed) return;
      catalog::NameHistory history = catalog::name_history(name);
      std::string help = history.successor
                             ? fmt::format("PostgreSQL {} renamed it to \"{}\"", *history.renamed_in, *history.successor)
                             : std::string("plan its removal before upgrading");
      sink.report(file_of(setting.name), setting.name.span,
                  fmt::format("\"{}\" is removed in PostgreSQL {}: the server will not start with it after an "
                              "upgrade",
                              name, *removed),
                  help);
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_parameter_removed_later_rule() {
  return std::make_unique<ParameterRemovedLaterRule>();
}

}  // namespace pglint::rules
