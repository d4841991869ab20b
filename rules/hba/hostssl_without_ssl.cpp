// V202 hostssl-without-ssl: hostssl lines while postgresql.conf has ssl = off.
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V202",
    .name = "hostssl-without-ssl",
    .summary = "A hostssl line can never match because ssl is off in postgresql.conf",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports `hostssl` lines of a pg_hba.conf whose postgresql.conf (the one in the same directory, or "
                "the one whose hba_file names it) leaves `ssl` off. Only checked when pglint reads that "
                "postgresql.conf.",
        .why = "PostgreSQL loads the line but reports `hostssl record cannot match because SSL is disabled` "
               "(pg_hba_file_rules shows it as an error): clients that should be admitted over TLS are rejected, "
               "or fall through to a later, weaker line.",
        .example = "# postgresql.conf\nssl = off\n# pg_hba.conf\nhostssl all all 10.0.0.0/8 scram-sha-256",
        .use_instead = "# postgresql.conf\nssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/ssl-tcp.html",
                       "https://www.postgresql.org/docs/current/auth-pg-hba-conf.html"},
    }};

class HostsslWithoutSslRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::HbaSet& set : deployment.hba_sets) {
      for (const model::HbaProblem& problem : set.problems) {
        if (!problem.record_still_loads) continue;
        sink.report(problem.file->tree.file, problem.span, problem.message, "set ssl = on in postgresql.conf");
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hostssl_without_ssl_rule() { return std::make_unique<HostsslWithoutSslRule>(); }

}  // namespace pglint::rules
