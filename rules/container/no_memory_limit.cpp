// K104 no-memory-limit: a PostgreSQL service without a memory limit.
#include <fmt/format.h>

#include "compiler/model/containers.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "K104",
    .name = "no-memory-limit",
    .summary = "The PostgreSQL service has no memory limit",
    .category = engine::Category::Container,
    .severity = engine::Severity::Warning,
    .docs = {
        .what = "In production, reports compose services running PostgreSQL without `deploy.resources.limits.memory` "
                "or `mem_limit`.",
        .why = "Without a limit the database competes for the host's memory with every other container, and its "
               "sizing (shared_buffers, work_mem) cannot be checked against what it really has. With a limit, "
               "pglint sizes against it when the intent gives no RAM.",
        .example = "services:\n  db:\n    image: postgres:16",
        .use_instead = "services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits:\n          memory: 4G",
        .references = {"https://docs.docker.com/reference/compose-file/deploy/#resources",
                       "KICS: Memory Not Limited"},
    }};

class NoMemoryLimitRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    if (deployment.facts.environment != model::Environment::Production) return;
    model::for_each_postgres_service(deployment, [&](const compose::ComposeFile& file, const compose::Service& service) {
      if (service.memory_limit) return;
      sink.report(file.file, service.name_span, fmt::format("service \"{}\" runs PostgreSQL without a memory limit", service.name),
                  "set deploy.resources.limits.memory");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_no_memory_limit_rule() { return std::make_unique<NoMemoryLimitRule>(); }

}  // namespace pglint::rules
