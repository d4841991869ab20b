// S208 hba-ident-over-tcp: RFC 1413 ident trusts the client machine.
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S208",
    .name = "hba-ident-over-tcp",
    .summary = "ident over TCP believes whatever the client machine's ident server says",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports TCP lines with method `ident` (on `local` lines PostgreSQL uses peer instead, which is "
                "fine).",
        .why = "The ident protocol asks the client host which OS user owns the connection; anyone who controls "
               "that host, or can answer on its port 113, chooses the answer. The PostgreSQL documentation calls "
               "it suitable only for closed networks where every client machine is trusted.",
        .example = "host  all  all  10.0.0.0/8  ident",
        .use_instead = "hostssl  all  all  10.0.0.0/8  scram-sha-256",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/auth-ident.html"},
    }};

class IdentOverTcpRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet&, const model::HbaRecord& r) {
      if (!is_network_record(r.record) || r.record.method != "ident") return;
      sink.report(file_of(r), r.record.method_token.span,
                  "ident over TCP trusts the client host's ident server to name the user",
                  "use scram-sha-256 or cert");
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_ident_over_tcp_rule() { return std::make_unique<IdentOverTcpRule>(); }

}  // namespace pglint::rules
