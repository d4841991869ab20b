// K107 memory-limit-below-intent: the container gets less memory than the intent sizes for.
#include <fmt/format.h>

#include "compiler/model/containers.hpp"
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "K107",
    .name = "memory-limit-below-intent",
    .summary = "The container's memory limit is below the RAM the intent declares",
    .category = engine::Category::Container,
    .severity = engine::Severity::Error,
    .docs = {
        .what = "Compares each PostgreSQL service's memory limit with the intent's resources.memory.",
        .why = "Settings sized for the intent's RAM (shared_buffers, work_mem x connections) then exceed what the "
               "container may use: the kernel's OOM killer ends a backend and PostgreSQL restarts every session.",
        .example = "# intent.toml: memory = \"8GB\"\ndeploy:\n  resources:\n    limits:\n      memory: 2G",
        .use_instead = "# intent.toml: memory = \"8GB\"\ndeploy:\n  resources:\n    limits:\n      memory: 8G",
        .references = {"https://docs.docker.com/engine/containers/resource_constraints/"},
    }};

class MemoryLimitBelowIntentRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    const auto& facts = deployment.facts;
    if (!facts.memory_bytes) return;
    model::for_each_postgres_service(deployment, [&](const compose::ComposeFile& file, const compose::Service& service) {
      if (!service.memory_limit_bytes || static_cast<double>(*service.memory_limit_bytes) >= *facts.memory_bytes) return;
      sink.report(file.file, service.memory_limit->span,
                  fmt::format("service \"{}\" may use {} but the intent sizes PostgreSQL for {}", service.name,
                              format_bytes(static_cast<double>(*service.memory_limit_bytes)),
                              format_bytes(*facts.memory_bytes)),
                  "make the limit and the intent's resources.memory agree");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_memory_limit_below_intent_rule() { return std::make_unique<MemoryLimitBelowIntentRule>(); }

}  // namespace pglint::rules
