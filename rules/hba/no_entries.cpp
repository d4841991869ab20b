// V203 hba-no-entries: a pg_hba.conf without a single rule.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V203",
    .name = "hba-no-entries",
    .summary = "pg_hba.conf has no rules, so PostgreSQL refuses to start",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports a pg_hba.conf (with its includes) that holds only comments and blank lines.",
        .why = "PostgreSQL fails at start with `configuration file ... contains no entries`; a reload keeps the "
               "old rules.",
        .example = "# TYPE DATABASE USER ADDRESS METHOD",
        .use_instead = "local all all peer",
        .fix_safety = "",
        .references = {"src/backend/libpq/hba.c: load_hba"},
    }};

class NoEntriesRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::HbaSet& set : deployment.hba_sets) {
      if (!set.records.empty() || !set.problems.empty() || !set.main_file()) continue;
      const SourceFilePtr& file = set.main_file()->tree.file;
      sink.report(file, {0, 0}, fmt::format("configuration file \"{}\" contains no entries", file->display_path()),
                  "add at least one rule; without any, nobody can connect");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_no_entries_rule() { return std::make_unique<NoEntriesRule>(); }

}  // namespace pglint::rules
