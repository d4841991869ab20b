// V104 internal-parameter: a read-only parameter (server_version, block_size ...) set in a file.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V104",
    .name = "internal-parameter",
    .summary = "This parameter is read-only and cannot be set in a configuration file",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports settings of parameters whose context is `internal`: they describe how the server was "
                "built or initialised (server_version, block_size, data_checksums, wal_segment_size, "
                "shared_memory_size ...) and can only be read.",
        .why = "PostgreSQL refuses to start with `parameter \"...\" cannot be changed`.",
        .example = "data_checksums = on",
        .use_instead = "# data checksums are chosen at initdb time: initdb --data-checksums",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-preset.html"},
    }};

class InternalParameterRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_setting(deployment, [&](const model::ConfSet&, const model::Setting& setting) {
      if (setting.dead) return;
      const catalog::Parameter* parameter = deployment.catalog->find(setting.entry.name);
      if (!parameter || !parameter->is_internal()) return;
      sink.report(file_of(setting.name), setting.name.span,
                  fmt::format("parameter \"{}\" cannot be changed", setting.entry.name),
                  "this preset parameter reports how the server was built or initialised; remove the line");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_internal_parameter_rule() { return std::make_unique<InternalParameterRule>(); }

}  // namespace pglint::rules
