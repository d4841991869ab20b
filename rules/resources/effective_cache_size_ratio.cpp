// R102 effective-cache-size-ratio: the planner's idea of the cache against the RAM.
#include <fmt/format.h>

#include "compiler/tuning/memory.hpp"
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "R102",
    .name = "effective-cache-size-ratio",
    .summary = "effective_cache_size is far from 50-75% of the RAM, or below shared_buffers",
    .category = engine::Category::Resources,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "With the RAM known, reports effective_cache_size below 40% or above 90% of it, and below "
                "shared_buffers (which it includes).",
        .why = "It tells the planner how much data the OS and PostgreSQL caches hold together; too low makes "
               "index scans look expensive, too high makes the planner count on cache that is not there. pgtune "
               "and timescaledb-tune use 75% of RAM, AWS RDS 50%.",
        .example = "# 16GB of RAM\neffective_cache_size = 4GB",
        .use_instead = "# 16GB of RAM\neffective_cache_size = 12GB",
        .fix_safety = "Unsafe: the fix writes 75% of the RAM (the intent, else the container memory limit). effective_cache_size only guides the planner, but a different value changes query plans.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-query.html#GUC-EFFECTIVE-CACHE-SIZE"},
    }};

class EffectiveCacheSizeRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "effective_cache_size");
    auto cache = bytes_of(view);
    auto buffers = bytes_of(view_setting(d, set, "shared_buffers"));
    if (!cache) return;
    std::optional<double> wanted;
    if (d.facts.memory_bytes) wanted = tuning::effective_cache_size_for(*d.facts.memory_bytes);
    if (buffers && *cache < *buffers) {
      auto& finding = report_setting(sink, view, fmt::format("effective_cache_size ({}) is smaller than shared_buffers ({})",
                                                             format_bytes(*cache), format_bytes(*buffers)),
                                     "effective_cache_size counts shared_buffers plus the OS cache");
      if (wanted && *wanted >= *buffers) {
        attach_set_value_fix(finding, view, format_bytes(*wanted), "75% of RAM", engine::Applicability::Unsafe);
      }
      return;
    }
    if (!d.facts.memory_bytes) return;
    double ratio = *cache / *d.facts.memory_bytes;
    if (ratio >= tuning::effective_cache_size_min_share && ratio <= tuning::effective_cache_size_max_share) return;
    auto& finding = report_setting(
        sink, view,
        fmt::format("effective_cache_size ({}) is {:.0f}% of the {} of RAM ({})", format_bytes(*cache), ratio * 100,
                    format_bytes(*d.facts.memory_bytes), d.facts.memory_source),
        fmt::format("50-75% of RAM is usual: effective_cache_size = {}", format_bytes(*wanted)));
    if (!buffers || *wanted >= *buffers) {
      attach_set_value_fix(finding, view, format_bytes(*wanted), "75% of RAM", engine::Applicability::Unsafe);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_effective_cache_size_ratio_rule() { return std::make_unique<EffectiveCacheSizeRule>(); }

}  // namespace pglint::rules
