// M201 unreachable-hba-record and S213 unreachable-reject: lines an earlier line hides.
#include <fmt/format.h>

#include "compiler/analysis/hba_access.hpp"
#include "rules/hba/hba_fixes.hpp"
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo unreachable_info{
    .id = "M201",
    .name = "unreachable-hba-record",
    .summary = "An earlier pg_hba.conf line matches every connection this line could match",
    .category = engine::Category::Maintenance,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Models each line as the set of connections it matches (connection type, databases, roles, "
                "address range, IPv4 and IPv6) and reports a line when a single earlier line matches all of them: "
                "PostgreSQL uses the first match, so this line is never used. Lines whose reach cannot be known "
                "(host names, samehost, different regular expressions) are not reported. `reject` lines count as "
                "matches. With ssl off, TLS connections cannot happen and are left out.",
        .why = "A dead line usually means the file does not do what its author believes: a narrower rule placed "
               "after a broader one never applies. `pglint explain-access` shows which line a connection meets.",
        .example = "hostssl  all  all  10.0.0.0/8   scram-sha-256\nhostssl  all  bob  10.1.0.0/16  cert",
        .use_instead = "hostssl  all  bob  10.1.0.0/16  cert\nhostssl  all  all  10.0.0.0/8   scram-sha-256",
        .fix_safety = "Safe: the fix comments the line out (every physical line of a continued line), so it "
                      "stays readable. The line matches no connection (with the ssl setting in force), so no "
                      "client is let in or refused differently.",
        .references = {"https://www.postgresql.org/docs/current/auth-pg-hba-conf.html"},
    }};

const engine::RuleInfo reject_info{
    .id = "S213",
    .name = "unreachable-reject",
    .summary = "This reject line never applies: an earlier line lets the same connections in",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Like M201, for `reject` lines hidden behind an earlier line that is not itself a `reject`.",
        .why = "The author meant to lock these connections out; they are admitted by the earlier line instead.",
        .example = "hostssl  all  all       0.0.0.0/0  scram-sha-256\nhostssl  all  postgres  0.0.0.0/0  reject",
        .use_instead = "hostssl  all  postgres  0.0.0.0/0  reject\nhostssl  all  all       0.0.0.0/0  scram-sha-256",
        .fix_safety = "",
        .references = {"https://www.postgresql.org/docs/current/auth-pg-hba-conf.html"},
    }};

class UnreachableRule final : public engine::Rule {
 public:
  explicit UnreachableRule(bool rejects) : rejects_(rejects) {}

  [[nodiscard]] const engine::RuleInfo& info() const override { return rejects_ ? reject_info : unreachable_info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::HbaSet& set : deployment.hba_sets) {
      analysis::TransportAvailability availability{set.context.ssl_enabled.value_or(true), true};
      for (const analysis::Shadowed& shadowed : analysis::find_shadowed(set, availability)) {
        const hba::Record& record = shadowed.record->record;
        const hba::Record& cover = shadowed.covered_by->record;
        bool hidden_reject = record.method == "reject" && cover.method != "reject";
        if (hidden_reject != rejects_) continue;
        auto& d = sink.report(
            file_of(*shadowed.record), record_span(*shadowed.record),
            fmt::format("this line can never match: line {} of {} ({}) matches every connection it could", cover.line_number,
                        file_of(*shadowed.covered_by)->display_path(), cover.method),
            "move this line above the broader one, or remove it");
        d.related.push_back({file_of(*shadowed.covered_by), record_span(*shadowed.covered_by), "the line that matches first"});
        // A reject that an earlier line hides may be meant to move up rather than go: no fix there.
        if (!rejects_) d.fix = comment_out_record_fix(*shadowed.record, engine::Applicability::Safe);
      }
    }
  }

 private:
  bool rejects_;
};

}  // namespace

std::unique_ptr<engine::Rule> make_unreachable_hba_record_rule() { return std::make_unique<UnreachableRule>(false); }
std::unique_ptr<engine::Rule> make_unreachable_reject_rule() { return std::make_unique<UnreachableRule>(true); }

}  // namespace pglint::rules
