// S206 hba-open-to-internet: the whole internet with anything weaker than cert or SCRAM over TLS.
#include <fmt/format.h>

#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S206",
    .name = "hba-open-to-internet",
    .summary = "Every IPv4/IPv6 address may try to log in, with less than certificates or SCRAM over TLS",
    .category = engine::Category::Security,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Reports lines whose address is `all`, `0.0.0.0/0` or `::/0` (any zero-length mask) unless they "
                "`reject`, use `cert`, or are `hostssl` with `scram-sha-256`.",
        .why = "An address range of the whole internet leaves only the password between an attacker and the data; "
               "with md5, password or trust that is little or nothing, and without TLS the exchange can be "
               "observed. Restrict the range to the networks clients really come from.",
        .example = "host  all  all  0.0.0.0/0  md5",
        .use_instead = "hostssl  all  app  10.20.0.0/16  scram-sha-256",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/auth-pg-hba-conf.html",
                       "CIS PostgreSQL 16 Benchmark: 4.x (restrict pg_hba.conf address ranges)"},
    }};

class OpenToInternetRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for_each_record(deployment, [&](const model::HbaSet&, const model::HbaRecord& r) {
      const hba::Record& record = r.record;
      if (!is_whole_internet(record) || strong_enough(record)) return;
      sink.report(file_of(r), record.address->span,
                  fmt::format("{} from {}: anyone on the internet may try to log in with {}",
                              hba::connection_type_name(record.type), describe_address(record), record.method),
                  "list the client networks instead, and use hostssl with scram-sha-256 or cert");
    });
  }

 private:
  static bool strong_enough(const hba::Record& record) {
    if (record.method == "reject" || record.method == "cert") return true;
    return record.type == hba::ConnectionType::HostSsl && record.method == "scram-sha-256";
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_open_to_internet_rule() { return std::make_unique<OpenToInternetRule>(); }

}  // namespace pglint::rules
