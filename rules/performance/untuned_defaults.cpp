// P104 untuned-defaults: a production server running on the built-in sizing.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "P104",
    .name = "untuned-defaults",
    .summary = "Key sizing settings are left at PostgreSQL's built-in defaults in production",
    .category = engine::Category::Performance,
    .severity = engine::Severity::Info,
    .docs = {
        .what = "In production, lists which of shared_buffers, effective_cache_size, work_mem, "
                "maintenance_work_mem and max_wal_size no configuration file sets.",
        .why = "The defaults (128MB shared_buffers, 4GB effective_cache_size, 4MB work_mem, 64MB "
               "maintenance_work_mem, 1GB max_wal_size) are sized to start anywhere, not for a production host. "
               "`pglint compile` derives values from the intent.",
        .example = "# postgresql.conf without sizing settings",
        .use_instead = "shared_buffers = 2GB\neffective_cache_size = 6GB\nwork_mem = 16MB\nmaintenance_work_mem = 512MB\nmax_wal_size = 4GB",
        .references = {"https://wiki.postgresql.org/wiki/Tuning_Your_PostgreSQL_Server"},
    }};

class UntunedDefaultsRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (d.facts.environment != model::Environment::Production) return;
    std::string missing;
    for (const char* name : {"shared_buffers", "effective_cache_size", "work_mem", "maintenance_work_mem", "max_wal_size"}) {
      if (!view_setting(d, set, name).is_set()) missing += (missing.empty() ? "" : ", ") + std::string(name);
    }
    if (missing.empty()) return;
    sink.report(set.main_file()->tree.file, {0, 0}, fmt::format("left at the built-in defaults: {}", missing),
                "size them for the host (pglint compile intent.toml derives values)");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_untuned_defaults_rule() { return std::make_unique<UntunedDefaultsRule>(); }

}  // namespace pglint::rules
