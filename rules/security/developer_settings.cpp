// S108 developer-settings-on: settings meant for PostgreSQL developers, in production.
#include <fmt/format.h>

#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S108",
    .name = "developer-settings-on",
    .summary = "A developer option that can corrupt data or weaken protections is on",
    .category = engine::Category::Security,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `allow_system_table_mods`, `zero_damaged_pages`, `ignore_system_indexes`, "
                "`ignore_checksum_failure`, `ignore_invalid_pages`, `jit_debugging_support` and "
                "`jit_profiling_support` set to on.",
        .why = "They exist for debugging PostgreSQL itself: zero_damaged_pages silently destroys data on a "
               "damaged page, ignore_checksum_failure hides corruption, allow_system_table_mods lets a mistake "
               "break the catalog. The documentation says not to use them in production.",
        .example = "zero_damaged_pages = on",
        .use_instead = "zero_damaged_pages = off   # restore from backup instead",
        .fix_safety = "Safe: the fix sets each developer option that is on to off, its default. No normal "
                      "workload needs them; with zero_damaged_pages off a damaged page is an error again "
                      "instead of being silently zeroed.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-developer.html"},
    }};

class DeveloperSettingsRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    for (const char* name : {"allow_system_table_mods", "zero_damaged_pages", "ignore_system_indexes",
                             "ignore_checksum_failure", "ignore_invalid_pages", "jit_debugging_support",
                             "jit_profiling_support"}) {
      auto view = view_setting(d, set, name);
      if (view.boolean() != true) continue;
      auto& finding = report_setting(sink, view, fmt::format("{} is a developer option and is on", name), "turn it off");
      attach_set_value_fix(finding, view, "off", "S108 developer-settings-on");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_developer_settings_rule() { return std::make_unique<DeveloperSettingsRule>(); }

}  // namespace pglint::rules
