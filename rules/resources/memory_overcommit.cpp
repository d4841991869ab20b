// R103 memory-overcommit: the memory PostgreSQL may use at peak against the RAM.
#include <fmt/format.h>

#include "compiler/tuning/memory.hpp"
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "R103",
    .name = "memory-overcommit",
    .summary = "shared_buffers + max_connections x work_mem + autovacuum memory exceeds the RAM",
    .category = engine::Category::Resources,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "With the RAM known, adds shared_buffers, wal_buffers, max_connections x work_mem (one sort or "
                "hash per connection; a query can use several, and hash nodes hash_mem_multiplier times more) and "
                "autovacuum_max_workers x (autovacuum_work_mem, or maintenance_work_mem when it is -1), and "
                "reports the sum above the RAM (an error) or above 90% of it (a warning).",
        .why = "When the connections really do run their sorts at once the kernel's OOM killer, or a container's "
               "memory limit, kills a backend and PostgreSQL restarts every session. The formula is "
               "postgresqltuner's; it is a floor, not a ceiling.",
        .example = "# 4GB of RAM\nshared_buffers = 1GB\nmax_connections = 500\nwork_mem = 16MB",
        .use_instead = "# 4GB of RAM\nshared_buffers = 1GB\nmax_connections = 100   # and a connection pooler\nwork_mem = 16MB",
        .fix_safety = "Unsafe: the fix lowers work_mem to the largest value that keeps the peak estimate within 90% of the RAM; sorts and hashes that fitted in memory may spill to disk. When even 1MB does not fit, there is no fix: lower max_connections instead.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-resource.html#GUC-WORK-MEM",
                       "jfcoz/postgresqltuner: memory usage estimate"},
    }};

class MemoryOvercommitRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (!d.facts.memory_bytes) return;
    double ram = *d.facts.memory_bytes;
    auto buffers = bytes_of(view_setting(d, set, "shared_buffers")).value_or(0);
    auto wal_buffers = bytes_of(view_setting(d, set, "wal_buffers")).value_or(0);
    if (wal_buffers < 0) wal_buffers = tuning::automatic_wal_buffers(buffers);  // -1: automatic
    auto work_mem_view = view_setting(d, set, "work_mem");
    auto connections_view = view_setting(d, set, "max_connections");
    double per_sort = bytes_of(work_mem_view).value_or(0);
    double connections = connections_view.number().value_or(0);
    double workers = view_setting(d, set, "autovacuum_max_workers").number().value_or(3);
    double vacuum = bytes_of(view_setting(d, set, "autovacuum_work_mem")).value_or(-1);
    if (vacuum < 0) vacuum = bytes_of(view_setting(d, set, "maintenance_work_mem")).value_or(0);
    tuning::MemoryUse use{buffers, wal_buffers, connections, per_sort, workers, vacuum};
    double total = use.peak();
    if (total <= tuning::peak_memory_max_share * ram) return;
    const SettingView& where = work_mem_view.is_set() ? work_mem_view : connections_view;
    auto& diagnostic = report_setting(
        sink, where,
        fmt::format("peak memory estimate {} (shared_buffers {} + {} connections x work_mem {} + {} autovacuum workers "
                    "x {}) is {:.0f}% of the {} of RAM ({})",
                    format_bytes(total), format_bytes(buffers), connections, format_bytes(per_sort), workers,
                    format_bytes(vacuum), total / ram * 100, format_bytes(ram), d.facts.memory_source),
        "lower work_mem or max_connections (use a connection pooler), or give PostgreSQL more memory");
    if (total <= ram) diagnostic.severity = engine::Severity::Warning;
    if (auto work_mem = tuning::work_mem_within(ram, use); work_mem && work_mem < per_sort) {
      diagnostic.fix = set_value_fix(work_mem_view, format_bytes(*work_mem), "peak memory within 90% of RAM",
                                     engine::Applicability::Unsafe);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_memory_overcommit_rule() { return std::make_unique<MemoryOvercommitRule>(); }

}  // namespace pglint::rules
