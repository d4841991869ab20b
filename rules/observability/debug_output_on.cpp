// O110 debug-output-on: debug_print_* settings flood the log.
#include "rules/conf/conf_fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O110",
    .name = "debug-output-on",
    .summary = "A debug_print_* setting dumps parse and plan trees into the log",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `debug_print_parse`, `debug_print_rewritten` and `debug_print_plan` set to on.",
        .why = "Every statement's internal trees go to the log: huge volume, and query contents (literals, "
               "possibly personal data) in clear. CIS PostgreSQL 16 Benchmark 3.1.16-3.1.18.",
        .example = "debug_print_plan = on",
        .use_instead = "debug_print_plan = off",
        .fix_safety = "Safe: the fix sets each debug_print_* option that is on to off, its default. Only the "
                      "log shrinks; a reload applies it.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#RUNTIME-CONFIG-LOGGING-WHAT"},
    },
    .cis = {"3.1.16", "3.1.17", "3.1.18"}};

class DebugOutputOnRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    for (const char* name : {"debug_print_parse", "debug_print_rewritten", "debug_print_plan"}) {
      report_boolean_with_fix(sink, d, set, name, true, "every statement's internal trees are written to the log",
                              "turn it off outside a debugging session", "O110 debug-output-on");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_debug_output_on_rule() { return std::make_unique<DebugOutputOnRule>(); }

}  // namespace pglint::rules
