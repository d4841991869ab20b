// K103 password-in-environment: passwords handed to the container in environment variables.
#include <fmt/format.h>

#include "compiler/model/containers.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "K103",
    .name = "password-in-environment",
    .summary = "A password is written into a compose file or Dockerfile, or passed as an environment variable",
    .category = engine::Category::Container,
    .severity = engine::Severity::Error,
    .docs = {
        .what = "Reports environment variables whose name ends in PASSWORD (POSTGRES_PASSWORD, PGPASSWORD ...) "
                "given to a PostgreSQL container: an error when the value is written in the file (or baked into "
                "the image by ENV/ARG), a warning when it comes from the shell or an .env file (`${VAR}`). The "
                "value is masked in every output. `*_FILE` variables pointing at Docker secrets are the fix.",
        .why = "Values in the file end up in the repository; environment variables of a container are readable "
               "with `docker inspect` and in /proc by anyone with access to the host, and ENV values are stored "
               "in the image's history.",
        .example = "environment:\n  POSTGRES_PASSWORD: example",
        .use_instead = "environment:\n  POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\nsecrets:\n  - postgres_password",
        .references = {"https://hub.docker.com/_/postgres (Docker secrets, *_FILE variables)",
                       "https://docs.docker.com/compose/how-tos/use-secrets/"},
    }};

class PasswordInEnvironmentRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    model::for_each_postgres_env(deployment, [&](const SourceFilePtr& file, const container::EnvVar& variable) {
      if (!container::is_secret_name(variable.name) || !variable.value || variable.value->empty()) return;
      bool interpolated = variable.value->find("${") != std::string::npos || variable.value->front() == '$';
      auto& d = sink.report(file, variable.span,
                            interpolated
                                ? fmt::format("{} passes a password through an environment variable", variable.name)
                                : fmt::format("{} is written into the file", variable.name),
                            fmt::format("use {}_FILE with a Docker secret", variable.name));
      if (interpolated) d.severity = engine::Severity::Warning;
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_password_in_environment_rule() { return std::make_unique<PasswordInEnvironmentRule>(); }

}  // namespace pglint::rules
