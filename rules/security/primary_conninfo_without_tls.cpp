// S109 primary-conninfo-without-tls: the standby connects to the primary without TLS.
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S109",
    .name = "primary-conninfo-without-tls",
    .summary = "primary_conninfo does not require TLS for replication",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .docs = {
        .what = "Reports a `primary_conninfo` without `sslmode=require`, `verify-ca` or `verify-full`; with "
                "`require` in the strict profile too, since it does not check the primary's certificate.",
        .why = "libpq's default sslmode=prefer silently falls back to plaintext: the whole WAL stream, every "
               "change to every table, crosses the network readable. CIS PostgreSQL 16 Benchmark 7.5.",
        .example = "primary_conninfo = 'host=10.0.1.10 user=replicator passfile=/var/lib/postgresql/.pgpass'",
        .use_instead = "primary_conninfo = 'host=10.0.1.10 user=replicator passfile=/var/lib/postgresql/.pgpass sslmode=verify-full'",
        .references = {"https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-PROTECTION"},
        .profiles = "balanced and cis: require, verify-ca and verify-full pass. strict: only verify-ca and "
                    "verify-full.",
    },
    .cis = {"7.5"}};

class PrimaryConninfoWithoutTlsRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "primary_conninfo");
    std::string conninfo = view.text();
    if (conninfo.empty()) return;
    bool verified = conninfo.find("sslmode=verify-ca") != std::string::npos ||
                    conninfo.find("sslmode=verify-full") != std::string::npos;
    bool required = verified || conninfo.find("sslmode=require") != std::string::npos;
    if (verified || (required && d.profile != model::Profile::Strict)) return;
    report_setting(sink, view,
                   required ? "primary_conninfo uses TLS without checking the primary's certificate"
                            : "primary_conninfo does not require TLS: the WAL stream may travel in clear",
                   "add sslmode=verify-full (with sslrootcert) to primary_conninfo");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_primary_conninfo_without_tls_rule() {
  return std::make_unique<PrimaryConninfoWithoutTlsRule>();
}

}  // namespace pglint::rules
