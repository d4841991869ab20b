// V102 unknown-parameter: a name no PostgreSQL version knows (a typo, most often).
#include <fmt/format.h>

#include "compiler/catalog/history.hpp"
#include "compiler/catalog/suggest.hpp"
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V102",
    .name = "unknown-parameter",
    .summary = "PostgreSQL does not know this parameter name",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports a setting whose name is not a parameter of any PostgreSQL version from 12 to 18 and "
                "has no dot in it, and suggests the closest real name. Names with a dot (`pg_stat_statements.max`) "
                "are extension placeholders, which PostgreSQL accepts without checking. Parameters that exist in "
                "other versions are reported by C101 and C102 instead.",
        .why = "PostgreSQL refuses to start with `unrecognized configuration parameter` and a reload applies "
               "nothing from the file.",
        .example = "shared_buffer = 2GB",
        .use_instead = "shared_buffers = 2GB",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/runtime-config.html"},
    }};

bool is_placeholder(std::string_view name) { return name.find('.') != std::string_view::npos; }

class UnknownParameterRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_setting(deployment, [&](const model::ConfSet&, const model::Setting& setting) {
      std::string_view name = setting.entry.name;
      if (is_placeholder(name) || deployment.catalog->find(name)) return;
      if (!catalog::name_history(name).majors.empty()) return;  // C101 / C102
      std::string help;
      if (auto suggestion = catalog::suggest_parameter(*deployment.catalog, name)) {
        help = fmt::format("did you mean \"{}\"?", *suggestion);
      }
      sink.report(file_of(setting.name), setting.name.span,
                  fmt::format("unrecognized configuration parameter \"{}\"", name), help);
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_unknown_parameter_rule() { return std::make_unique<UnknownParameterRule>(); }

}  // namespace pglint::rules
