// V101 syntax-error: lines PostgreSQL's configuration file parser rejects.
#include <fmt/format.h>

#include "rules/rule_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V101",
    .name = "syntax-error",
    .summary = "PostgreSQL cannot parse this line of a configuration file",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports every line that PostgreSQL's configuration file scanner (guc-file.l) rejects: a "
                "value with characters that must be quoted (`*`, `,`, `!`, `:` at the start, spaces), a "
                "fraction with a unit written without quotes (`1.5GB`), a dotted word such as `en_US.UTF8`, "
                "two values, `==`, an unterminated string.",
        .why = "One syntax error anywhere makes PostgreSQL refuse the whole file: the server does not start "
               "(`configuration file ... contains errors`), and a reload applies none of the changes. "
               "PostgreSQL stops at the first error; pglint reports all of them.",
        .example = "work_mem = 1.5GB\nlisten_addresses = *\nssl_ciphers = HIGH:!aNULL",
        .use_instead = "work_mem = '1.5GB'\nlisten_addresses = '*'\nssl_ciphers = 'HIGH:!aNULL'",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/config-setting.html#CONFIG-SETTING-CONFIGURATION-FILE",
                       "src/backend/utils/misc/guc-file.l"},
    }};

class SyntaxErrorRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::ConfSet& set : deployment.conf_sets) {
      for (const auto& file : set.files) check_file(*file, sink);
    }
  }

 private:
  static void check_file(const model::ConfFile& file, engine::DiagnosticSink& sink) {
    const SourceFilePtr& source = file.tree.file;
    if (source->looks_binary()) {
      std::size_t nul = source->text().find('\0');
      sink.report(source, {nul, nul + 1}, "this is a binary file, not a configuration file",
                  "PostgreSQL would reject it with syntax errors");
      return;
    }
    for (const conf::Line& line : file.tree.lines) {
      if (!line.error) continue;
      sink.report(source, line.error->at, line.error->message, help_for(*source, line));
    }
  }

  static std::string help_for(const SourceFile& source, const conf::Line& line) {
    std::string_view token = source.text(line.error->at);
    if (token.empty()) return "a setting is `name = value`; the value is missing";
    if (token == "=") return "write a single `=` between the name and the value";
    return fmt::format("quote the whole value, e.g. name = '...'; unquoted values may hold only letters, "
                       "digits and _ . - : / (a number may carry a unit only in quotes when it has a fraction)");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_syntax_error_rule() { return std::make_unique<SyntaxErrorRule>(); }

}  // namespace pglint::rules
