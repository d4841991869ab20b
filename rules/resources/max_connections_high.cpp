// R105 max-connections-high: more connection slots than the RAM or the intent supports.
#include <fmt/format.h>

#include <cmath>

#include "compiler/tuning/memory.hpp"
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {


const engine::RuleInfo info{
    .id = "R105",
    .name = "max-connections-high",
    .summary = "max_connections is more than the RAM supports, or differs from the intent",
    .category = engine::Category::Resources,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "With the RAM known, reports max_connections above RAM / 9.1MB (AWS RDS's default formula). With "
                "the intent's resources.max_connections, reports a max_connections lower than it (clients will be "
                "refused) and, as info, much higher (over twice).",
        .why = "Each connection is a process with its own memory and locks; thousands of them thrash the CPU and "
               "memory even when idle. Use a connection pooler (PgBouncer) instead of raising max_connections.",
        .example = "# 2GB of RAM\nmax_connections = 1000",
        .use_instead = "# 2GB of RAM\nmax_connections = 100   # behind PgBouncer",
        .fix_safety = "Unsafe: the fix sets max_connections to what the intent expects, or to what the RAM supports; clients beyond it are refused, and the change takes effect at the next restart.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-MAX-CONNECTIONS",
                       "AWS RDS default parameter group: max_connections formula"},
    }};

class MaxConnectionsHighRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "max_connections");
    auto connections = view.number();
    if (!connections) return;
    if (d.facts.memory_bytes) {
      double budget = tuning::max_connections_for(*d.facts.memory_bytes);
      if (*connections > budget) {
        auto& finding = report_setting(sink, view,
                                       fmt::format("max_connections = {} is more than {} of RAM supports (about {})",
                                                   *connections, format_bytes(*d.facts.memory_bytes), budget),
                                       "use a connection pooler such as PgBouncer and lower max_connections");
        double wanted = d.facts.max_connections ? std::min<double>(*d.facts.max_connections, budget) : budget;
        attach_set_value_fix(finding, view, fmt::format("{}", wanted), "what the RAM supports",
                             engine::Applicability::Unsafe);
        return;
      }
    }
    if (!d.facts.max_connections) return;
    double wanted = *d.facts.max_connections;
    if (*connections < wanted) {
      auto& finding = report_setting(
          sink, view, fmt::format("max_connections = {} but the intent expects {} connections", *connections, wanted),
          fmt::format("set max_connections = {}", wanted));
      attach_set_value_fix(finding, view, fmt::format("{}", wanted), "intent: resources.max_connections",
                           engine::Applicability::Unsafe);
    } else if (*connections > 2 * wanted) {
      auto& finding = report_setting(sink, view,
                                     fmt::format("max_connections = {} is far above the {} connections the intent expects",
                                                 *connections, wanted),
                                     fmt::format("set max_connections = {}", wanted));
      finding.severity = engine::Severity::Info;
      attach_set_value_fix(finding, view, fmt::format("{}", wanted), "intent: resources.max_connections",
                           engine::Applicability::Unsafe);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_max_connections_high_rule() { return std::make_unique<MaxConnectionsHighRule>(); }

}  // namespace pglint::rules
