// V201 hba-invalid-record: pg_hba.conf lines PostgreSQL rejects.
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V201",
    .name = "hba-invalid-record",
    .summary = "PostgreSQL rejects this pg_hba.conf line",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Parses every pg_hba.conf line as PostgreSQL's parse_hba_line does for the version in use and "
                "reports each error with PostgreSQL's own text: unknown connection types and methods (both are "
                "case-sensitive), bad addresses and CIDR masks, a missing netmask column, host names with a "
                "mask, options in the wrong format, for the wrong method or not valid in this version "
                "(`clientcert=1` before and after 14), `peer` over TCP, `cert` without `hostssl`, required "
                "options missing (ldap, radius, oauth), invalid regular expressions (16+), missing @files and "
                "include files (16+).",
        .why = "One bad line makes PostgreSQL refuse the whole file: the server does not start (`could not load "
               "pg_hba.conf`), and a reload keeps the old rules. PostgreSQL reports the first problem in its log; "
               "pglint reports every line.",
        .example = "host  all  all  10.0.0.0/33  scram-sha-256\nhost  all  all  10.0.0.0     scram-sha-256\n"
                   "local all  all  md5 clientcert=verify-full",
        .use_instead = "host  all  all  10.0.0.0/8   scram-sha-256\nhost  all  all  10.0.0.0 255.0.0.0  scram-sha-256\n"
                       "local all  all  scram-sha-256",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/auth-pg-hba-conf.html",
                       "src/backend/libpq/hba.c: parse_hba_line, parse_hba_auth_opt"},
    }};

class InvalidRecordRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::HbaSet& set : deployment.hba_sets) {
      for (const model::HbaProblem& problem : set.problems) {
        if (problem.record_still_loads) continue;  // V202
        sink.report(problem.file->tree.file, problem.span, problem.message);
      }
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_invalid_record_rule() { return std::make_unique<InvalidRecordRule>(); }

}  // namespace pglint::rules
