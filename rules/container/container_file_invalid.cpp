// V301 container-file-invalid: compose files and Dockerfiles that cannot be read.
#include "compiler/model/containers.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V301",
    .name = "container-file-invalid",
    .summary = "A docker-compose file or Dockerfile cannot be read",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .docs = {
        .what = "Reports YAML syntax errors in compose files, and Dockerfiles without FROM, with unknown "
                "instructions or empty ENV/ARG, with their line and column.",
        .why = "Docker refuses them, and pglint cannot see the PostgreSQL container they describe: memory limits, "
               "published ports and environment go unchecked.",
        .example = "services:\n  db:\n    image: postgres:16\n     ports: [\"5432:5432\"]",
        .use_instead = "services:\n  db:\n    image: postgres:16\n    ports: [\"127.0.0.1:5432:5432\"]",
        .references = {"https://docs.docker.com/reference/compose-file/", "https://docs.docker.com/reference/dockerfile/"},
    }};

class ContainerFileInvalidRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const auto& file : deployment.compose_files) {
      for (const auto& error : file.errors) sink.report(file.file, error.span, error.message);
    }
    for (const auto& file : deployment.dockerfiles) {
      for (const auto& error : file.errors) sink.report(file.file, error.span, error.message);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_container_file_invalid_rule() { return std::make_unique<ContainerFileInvalidRule>(); }

}  // namespace pglint::rules
