// R101 shared-buffers-ratio: shared_buffers against the RAM PostgreSQL has.
#include <fmt/format.h>

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
    .docs = {
        .what = "With the RAM known (the intent's resources.memory, or a container memory limit), reports "
                "shared_buffers below 15% or above 40% of it, and as an error above the RAM itself.",
        .why = "The PostgreSQL documentation suggests 25% of RAM as a starting point on a dedicated server; "
               "pgtune and timescaledb-tune use 25%, AWS RDS about 25%. Far less wastes the cache; more than 40% "
               "leaves too little for the OS cache, work_mem and connections, and above the RAM the server fails "
               "to start or is killed.",
        .example = "# 8GB of RAM\nshared_buffers = 128MB",
        .use_instead = "# 8GB of RAM\nshared_buffers = 2GB",
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
    std::string help = fmt::format("about 25% is a good start: shared_buffers = {}", format_bytes(ram / 4));
    if (ratio > 1) {
      report_setting(sink, view, fmt::format("shared_buffers ({}) is larger than the {}", format_bytes(*bytes), ram_text),
                     help)
          .severity = engine::Severity::Error;
    } else if (ratio > 0.40 || ratio < 0.15) {
      report_setting(sink, view,
                     fmt::format("shared_buffers ({}) is {:.1f}% of the {}", format_bytes(*bytes), ratio * 100, ram_text),
                     help);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_shared_buffers_ratio_rule() { return std::make_unique<SharedBuffersRatioRule>(); }

}  // namespace pglint::rules
