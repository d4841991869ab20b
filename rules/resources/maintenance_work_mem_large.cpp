// R104 maintenance-work-mem-large: vacuum and index builds that can take the RAM.
#include <fmt/format.h>

#include "compiler/tuning/memory.hpp"
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "R104",
    .name = "maintenance-work-mem-large",
    .summary = "maintenance_work_mem is large for the RAM, counting every autovacuum worker",
    .category = engine::Category::Resources,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "With the RAM known, reports maintenance_work_mem above 25% of it, or autovacuum_max_workers x "
                "the autovacuum memory (autovacuum_work_mem, or maintenance_work_mem when that is -1) above 50%.",
        .why = "Each autovacuum worker may take that much at once, next to shared_buffers and the sessions' "
               "work_mem. pgtune uses RAM/16 capped at 8GB and sets autovacuum_work_mem separately when it grows.",
        .example = "# 4GB of RAM\nmaintenance_work_mem = 2GB",
        .use_instead = "# 4GB of RAM\nmaintenance_work_mem = 256MB",
        .fix_safety = "Unsafe: the fix writes RAM/16 (at most 2GB); index builds and vacuums get less memory and may take longer.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-resource.html#GUC-MAINTENANCE-WORK-MEM"},
    }};

class MaintenanceWorkMemRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (!d.facts.memory_bytes) return;
    double ram = *d.facts.memory_bytes;
    auto view = view_setting(d, set, "maintenance_work_mem");
    auto maintenance = bytes_of(view);
    if (!maintenance) return;
    double workers = view_setting(d, set, "autovacuum_max_workers").number().value_or(3);
    double vacuum = bytes_of(view_setting(d, set, "autovacuum_work_mem")).value_or(-1);
    if (vacuum < 0) vacuum = *maintenance;
    double wanted = tuning::maintenance_work_mem_for(ram);
    std::string help = fmt::format("about RAM/16 is usual: maintenance_work_mem = {}", format_bytes(wanted));
    if (*maintenance > tuning::maintenance_work_mem_max_share * ram) {
      auto& finding = report_setting(sink, view, fmt::format("maintenance_work_mem ({}) is more than a quarter of the {} of RAM",
                                                             format_bytes(*maintenance), format_bytes(ram)),
                                     help);
      if (workers * std::min(vacuum, wanted) <= tuning::autovacuum_max_share * ram) {
        attach_set_value_fix(finding, view, format_bytes(wanted), "RAM/16", engine::Applicability::Unsafe);
      }
    } else if (workers * vacuum > tuning::autovacuum_max_share * ram) {
      report_setting(sink, view, fmt::format("{} autovacuum workers x {} may take {} of the {} of RAM", workers,
                                             format_bytes(vacuum), format_bytes(workers * vacuum), format_bytes(ram)),
                     "set autovacuum_work_mem lower, or fewer autovacuum workers");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_maintenance_work_mem_large_rule() { return std::make_unique<MaintenanceWorkMemRule>(); }

}  // namespace pglint::rules
