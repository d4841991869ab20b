// V105 include-error: include directives PostgreSQL cannot follow.
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V105",
    .name = "include-error",
    .summary = "An include directive points at something PostgreSQL cannot read",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Follows `include`, `include_if_exists` and `include_dir` as PostgreSQL does (relative to the "
                "including file, at most 10 levels deep, `include_dir` reading `*.conf` files in byte order) and "
                "reports a missing file, an empty name, a file that includes itself, a cycle of includes, too "
                "deep nesting, and an unreadable directory. `include_if_exists` of a missing file is fine.",
        .why = "PostgreSQL refuses the whole configuration when an include fails. Include cycles are only "
               "stopped by the nesting limit.",
        .example = "include 'tuning.conf'   # no such file",
        .use_instead = "include_if_exists 'tuning.conf'",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/config-setting.html#CONFIG-INCLUDES"},
    }};

class IncludeErrorRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::ConfSet& set : deployment.conf_sets) {
      for (const model::IncludeProblem& problem : set.include_problems) {
        if (!problem.fatal) continue;
        sink.report(file_of(problem.directive), problem.directive.span, problem.message, help_for(problem.kind));
      }
    }
  }

 private:
  static std::string help_for(model::IncludeProblemKind kind) {
    switch (kind) {
      case model::IncludeProblemKind::Missing:
        return "relative paths are resolved against the including file's directory; use include_if_exists for "
               "optional files";
      case model::IncludeProblemKind::Cycle:
      case model::IncludeProblemKind::Recursion: return "remove one of the includes that form the loop";
      case model::IncludeProblemKind::DepthExceeded: return "PostgreSQL reads at most 10 levels of nested includes";
      default: return {};
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_include_error_rule() { return std::make_unique<IncludeErrorRule>(); }

}  // namespace pglint::rules
