// C201 hba-clientcert-compat: clientcert values that PostgreSQL 14 and later refuse.
#include <fmt/format.h>

#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "C201",
    .name = "hba-clientcert-compat",
    .summary = "This clientcert value works on PostgreSQL 13 only",
    .category = engine::Category::Compatibility,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "On PostgreSQL 13, reports `clientcert=1`, `clientcert=0` and `clientcert=no-verify`, and "
                "`clientcert=verify-ca` with the `cert` method: PostgreSQL 14 removed them.",
        .why = "After an upgrade to 14 or later the line is an error and the server refuses to start: "
               "`invalid value for clientcert`, or `clientcert only accepts \"verify-full\" when using \"cert\" "
               "authentication`.",
        .example = "hostssl  all  all  10.0.0.0/8  scram-sha-256  clientcert=1",
        .use_instead = "hostssl  all  all  10.0.0.0/8  scram-sha-256  clientcert=verify-ca",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/14/release-14.html",
                       "https://www.postgresql.org/docs/current/auth-cert.html"},
    }};

class ClientcertCompatRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    if (deployment.pg_major != 13) return;
    for_each_record(deployment, [&](const model::HbaSet&, const model::HbaRecord& r) {
      const hba::Option* option = r.record.option("clientcert");
      if (!option) return;
      const std::string& value = option->value;
      std::string replacement;
      if (value == "1") replacement = "clientcert=verify-ca";
      else if (value == "0" || value == "no-verify") replacement = "no clientcert option";
      else if (value == "verify-ca" && r.record.method == "cert") replacement = "clientcert=verify-full (or none)";
      else return;
      sink.report(file_of(r), option->span,
                  fmt::format("clientcert={} is refused from PostgreSQL 14 on", value),
                  fmt::format("write {}", replacement));
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_clientcert_compat_rule() { return std::make_unique<ClientcertCompatRule>(); }

}  // namespace pglint::rules
