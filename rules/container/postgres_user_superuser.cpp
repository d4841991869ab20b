// K109 postgres-user-superuser: POSTGRES_USER names the superuser, not an application role.
#include <fmt/format.h>

#include "compiler/model/containers.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "K109",
    .name = "postgres-user-superuser",
    .summary = "POSTGRES_USER creates a superuser, not a limited application role",
    .category = engine::Category::Container,
    .severity = engine::Severity::Warning,
    .docs = {
        .what = "Reports POSTGRES_USER set to a name other than postgres for the official PostgreSQL image.",
        .why = "The image runs initdb with POSTGRES_USER as the bootstrap superuser (there is then no postgres "
               "role). Names like `app` or `appuser` suggest the application connects with it: then the "
               "application, and anyone who takes it over, has every privilege, including running programs on "
               "the server. Keep the superuser for administration and create the application's role in an init "
               "script with only the privileges it needs.",
        .example = "ENV POSTGRES_USER=appuser",
        .use_instead = "ENV POSTGRES_USER=postgres\n# docker-entrypoint-initdb.d/10-roles.sql:\n# CREATE ROLE appuser LOGIN; GRANT ... TO appuser;",
        .references = {"https://hub.docker.com/_/postgres (POSTGRES_USER)",
                       "https://www.postgresql.org/docs/current/role-attributes.html"},
    }};

class PostgresUserSuperuserRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    model::for_each_postgres_env(deployment, [&](const SourceFilePtr& file, const container::EnvVar& variable) {
      if (variable.name != "POSTGRES_USER" || !variable.value || variable.value->empty()) return;
      if (*variable.value == "postgres" || variable.value->find('$') != std::string::npos) return;
      sink.report(file, variable.value_span,
                  fmt::format("POSTGRES_USER={} makes \"{}\" the superuser; applications connecting as it have every "
                              "privilege",
                              *variable.value, *variable.value),
                  "keep the superuser for administration; create a limited application role in an init script");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_postgres_user_superuser_rule() { return std::make_unique<PostgresUserSuperuserRule>(); }

}  // namespace pglint::rules
