// K102 host-auth-trust: POSTGRES_HOST_AUTH_METHOD=trust.
#include "compiler/model/containers.hpp"
#include "rules/container/container_fixes.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "K102",
    .name = "host-auth-trust",
    .summary = "POSTGRES_HOST_AUTH_METHOD=trust lets every network client in without a password",
    .category = engine::Category::Container,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "Reports POSTGRES_HOST_AUTH_METHOD set to `trust` (or `password`, `md5`) in a compose file or "
                "Dockerfile of a PostgreSQL container.",
        .why = "The official image then writes `host all all all trust` into pg_hba.conf at initialisation: "
               "anyone who reaches the port is any role, the superuser included. The image's entrypoint prints a "
               "warning for exactly this reason.",
        .example = "environment:\n  POSTGRES_HOST_AUTH_METHOD: trust",
        .use_instead = "environment:\n  POSTGRES_HOST_AUTH_METHOD: scram-sha-256\n  POSTGRES_PASSWORD_FILE: /run/secrets/db_password",
        .fix_safety = "Unsafe: the fix sets POSTGRES_HOST_AUTH_METHOD to scram-sha-256 where it is written (map "
                      "or list syntax, ENV). The image only reads it when it creates a new data directory; it then "
                      "refuses to start without POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE, and clients that "
                      "connected without a password are refused.",
        .references = {"https://hub.docker.com/_/postgres (POSTGRES_HOST_AUTH_METHOD)"},
    }};

std::optional<engine::Fix> scram_fix(const SourceFilePtr& file, const container::EnvVar& variable) {
  auto edit = replace_written(file, variable.value_span, *variable.value, "scram-sha-256");
  if (!edit) return std::nullopt;
  return engine::Fix{"use scram-sha-256", {std::move(*edit)}, engine::Applicability::Unsafe};
}

class HostAuthTrustRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    model::for_each_postgres_env(deployment, [&](const SourceFilePtr& file, const container::EnvVar& variable) {
      if (variable.name != "POSTGRES_HOST_AUTH_METHOD" || !variable.value) return;
      const std::string& method = *variable.value;
      engine::Diagnostic* d = nullptr;
      if (method == "trust") {
        d = &sink.report(file, variable.value_span, "POSTGRES_HOST_AUTH_METHOD=trust: no password for any network client",
                         "use scram-sha-256 with POSTGRES_PASSWORD_FILE");
      } else if (method == "password" || method == "md5") {
        d = &sink.report(file, variable.value_span,
                         "POSTGRES_HOST_AUTH_METHOD=" + method + " writes a weak method into pg_hba.conf",
                         "use scram-sha-256");
        d->severity = engine::Severity::Warning;
      }
      if (d) d->fix = scram_fix(file, variable);
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_host_auth_trust_rule() { return std::make_unique<HostAuthTrustRule>(); }

}  // namespace pglint::rules
