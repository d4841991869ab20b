// K108 no-healthcheck: nothing tells the orchestrator whether PostgreSQL accepts connections.
#include <fmt/format.h>

#include "compiler/model/containers.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "K108",
    .name = "no-healthcheck",
    .summary = "The PostgreSQL container has no health check",
    .category = engine::Category::Container,
    .severity = engine::Severity::Info,
    .docs = {
        .what = "Reports compose services running PostgreSQL that have no `healthcheck:` and whose Dockerfile (if "
                "pglint reads it) has no HEALTHCHECK either.",
        .why = "Without one, `depends_on: condition: service_healthy` cannot wait for the database and a hung "
               "server is never restarted. `pg_isready` is the usual test.",
        .example = "services:\n  db:\n    image: postgres:16",
        .use_instead = "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U app -d app\"]\n      interval: 10s",
        .references = {"https://docs.docker.com/reference/compose-file/services/#healthcheck",
                       "checkov CKV_DOCKER_2"},
    }};

class NoHealthcheckRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    bool image_has_one = false;
    model::for_each_postgres_stage(deployment, [&](const dockerfile::DockerfileModel&, const dockerfile::Stage& stage) {
      image_has_one = image_has_one || stage.has_healthcheck;
    });
    model::for_each_postgres_service(deployment, [&](const compose::ComposeFile& file, const compose::Service& service) {
      if (service.has_healthcheck || (service.build_context && image_has_one)) return;
      sink.report(file.file, service.name_span, fmt::format("service \"{}\" has no health check", service.name),
                  "add a healthcheck running pg_isready");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_no_healthcheck_rule() { return std::make_unique<NoHealthcheckRule>(); }

}  // namespace pglint::rules
