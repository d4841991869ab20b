// V211 ident-invalid-record: pg_ident.conf lines PostgreSQL rejects.
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V211",
    .name = "ident-invalid-record",
    .summary = "PostgreSQL rejects this pg_ident.conf line",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Checks each user name map line (`map-name system-user pg-user`) as parse_ident_line does: three "
                "fields, one value each, valid regular expressions for a system user starting with `/` (and, "
                "from 16, for a pg-user starting with `/`), readable @files.",
        .why = "PostgreSQL keeps the previous maps when pg_ident.conf has an error, and logs it; the server still "
               "starts, so the mistake is easy to miss until a login through the map fails.",
        .example = "mymap  bob",
        .use_instead = "mymap  bob  alice",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/auth-username-maps.html"},
    }};

class IdentInvalidRecordRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::IdentSet& set : deployment.ident_sets) {
      for (const auto& problem : set.problems) sink.report(set.tree.file, problem.span, problem.message);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_ident_invalid_record_rule() { return std::make_unique<IdentInvalidRecordRule>(); }

}  // namespace pglint::rules
