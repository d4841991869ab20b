// P106 jit-oltp: JIT compilation on a short-query workload.
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "P106",
    .name = "jit-oltp",
    .summary = "JIT is on for a web/OLTP workload",
    .category = engine::Category::Performance,
    .severity = engine::Severity::Info,
    .docs = {
        .what = "When the intent's workload is web or oltp, reports `jit = on` (the default).",
        .why = "JIT compilation pays off for long analytical queries; on short queries whose estimated cost "
               "crosses jit_above_cost it adds tens of milliseconds of compilation. pgtune and timescaledb-tune "
               "turn it off for these workloads.",
        .example = "# workload = \"web\"\njit = on",
        .use_instead = "# workload = \"web\"\njit = off",
        .references = {"https://www.postgresql.org/docs/current/jit-decision.html"},
    }};

class JitOltpRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (d.facts.workload != model::Workload::Web && d.facts.workload != model::Workload::Oltp) return;
    report_boolean(sink, d, set, "jit", true, "short queries may pay for JIT compilation",
                   "set jit = off for web and OLTP workloads");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_jit_oltp_rule() { return std::make_unique<JitOltpRule>(); }

}  // namespace pglint::rules
