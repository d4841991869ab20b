// R101 shared-buffers-ratio: shared_buffers against the RAM PostgreSQL has.
#include <fmt/format.h>

#include "compiler/tuning/memory.hpp"
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "R101",
    .name = "shared-buffers-ratio",
    .summary = "shared_buffers is far from a quarter of the RAM",
    .category = engine::Category::Resources,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "With the RAM known (the intent's resources.memory, or a container memory limit), reports "
                "shared_buffers below 15% or above 40% of it, and as an error above the RAM itself.",
        .why = "The PostgreSQL documentation suggests 25% of RAM as a starting point on a dedicated server; "
               "pgtune and timescaledb-tune use 25%, AWS RDS about 25%. Far less wastes the cache; more than 40% "
               "leaves too little for the OS cache, work_mem and connections, and above the RAM the server fails "
               "to start or is killed.",
        .example = "# 8GB of RAM\nshared_buffers = 128MB",
        .use_instead = "# 8GB of RAM\nshared_buffers = 2GB",
        .fix_safety = "Unsafe: the fix writes the value the tuning formula gives for the RAM (the intent, else the container memory limit; formulas in compiler/tuning/memory.hpp and the README). It changes how much memory PostgreSQL uses and takes effect at the next restart.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-resource.html#GUC-SHARED-BUFFERS",
                       "pgtune (le0pard): shared_buffers = RAM/4"},
    }};

class SharedBuffersRatioRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (!d.facts.memory_bytes) return;
    double ram = *d.facts.memory_bytes;
    auto view = view_setting(d, set, "shared_buffers");
    auto bytes = bytes_of(view);
    if (!bytes) return;
    double ratio = *bytes / ram;
    std::string ram_text = fmt::format("{} of RAM ({})", format_bytes(ram), d.facts.memory_source);
    double wanted = tuning::shared_buffers_for(ram);
    std::string help = fmt::format("about 25% is a good start: shared_buffers = {}", format_bytes(wanted));
    if (ratio > 1) {
      auto& finding = report_setting(
          sink, view, fmt::format("shared_buffers ({}) is larger than the {}", format_bytes(*bytes), ram_text), help);
      finding.severity = engine::Severity::Error;
      attach_set_value_fix(finding, view, format_bytes(wanted), "25% of RAM", engine::Applicability::Unsafe);
    } else if (ratio > tuning::shared_buffers_max_share || ratio < tuning::shared_buffers_min_share) {
      auto& finding = report_setting(
          sink, view,
          fmt::format("shared_buffers ({}) is {:.1f}% of the {}", format_bytes(*bytes), ratio * 100, ram_text), help);
      attach_set_value_fix(finding, view, format_bytes(wanted), "25% of RAM", engine::Applicability::Unsafe);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_shared_buffers_ratio_rule() { return std::make_unique<SharedBuffersRatioRule>(); }

}  // namespace pglint::rules
