// S212 hba-superuser-remote: the bootstrap superuser can log in over the network.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/analysis/hba_access.hpp"
#include "rules/hba/hba_fixes.hpp"
#include "rules/hba/hba_support.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S212",
    .name = "hba-superuser-remote",
    .summary = "The bootstrap superuser (postgres, or the image's POSTGRES_USER) can log in over the network",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "For the bootstrap superuser (`postgres`, or POSTGRES_USER of the official Docker image, which "
                "initdb then makes the superuser instead), finds the first TCP line for a non-loopback address "
                "that admits it (by name or through `all`) with a method other than `reject`, unless an earlier "
                "`reject` line already turns it away for all those addresses.",
        .why = "A superuser can read and change everything and run programs on the server (COPY ... PROGRAM): its "
               "password is the most valuable one to guess, and it should only be usable locally (peer) or from "
               "an administration network. CIS PostgreSQL 16 Benchmark recommends restricting superuser logins.",
        .example = "hostssl  all  all  10.0.0.0/8  scram-sha-256",
        .use_instead = "hostssl  all  postgres  0.0.0.0/0  reject\nhostssl  all  postgres  ::/0       reject\n"
                       "hostssl  all  all       10.0.0.0/8 scram-sha-256",
        .fix_safety = "Unsafe: the fix adds `host all <superuser> all reject` (`all,replication` when a later line "
                      "admits replication connections), after a comment saying why, "
                      "before the first line that lets the superuser in over the network. The superuser can then "
                      "only use the lines above it (the local socket, loopback lines placed earlier); remote "
                      "administration and loopback TCP lines below it stop working for that role. No fix when "
                      "the role name would need quoting, or when a TCP line names the superuser alone (it would "
                      "become dead; that access looks intended).",
        .references = {"https://www.postgresql.org/docs/current/auth-pg-hba-conf.html",
                       "CIS PostgreSQL 16 Benchmark: 4.x (superuser access)"},
    }};

class SuperuserRemoteRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::HbaSet& set : deployment.hba_sets) {
      for (const std::string& superuser : deployment.facts.superusers) check_set(set, superuser, sink);
    }
  }

 private:
  static void check_set(const model::HbaSet& set, const std::string& superuser, engine::DiagnosticSink& sink) {
    analysis::TransportAvailability availability{set.context.ssl_enabled.value_or(true), true};
    for (std::size_t i = 0; i < set.records.size(); ++i) {
      const hba::Record& record = set.records[i].record;
      if (!is_network_record(record) || is_loopback_only(record) || record.method == "reject") continue;
      if (!admits_role(record, superuser)) continue;
      // The same line narrowed to the superuser: is it already turned away by an earlier reject?
      hba::Record narrowed = record;
      narrowed.users = {hba::Token{superuser, false, {}, nullptr, false}};
      bool rejected = false;
      for (std::size_t j = 0; j < i && !rejected; ++j) {
        const hba::Record& earlier = set.records[j].record;
        rejected = earlier.method == "reject" && analysis::covers(earlier, narrowed, availability);
      }
      if (rejected) continue;
      auto& d = sink.report(file_of(set.records[i]), record.users.front().span,
                            fmt::format("the superuser \"{}\" can log in from {} with {}", superuser,
                                        describe_address(record), record.method),
                            "add reject lines for postgres before it (0.0.0.0/0 and ::/0), or name the application roles");
      if (!granted_on_purpose(set, i, superuser)) {
        // `all` does not match replication connections: name them when a later line admits them.
        std::string_view databases = replication_admitted(set, i, superuser) ? "all,replication" : "all";
        d.fix = reject_role_before_fix(set.records[i], databases, superuser,
                                       fmt::format("S212 hba-superuser-remote, no network logins for {}", superuser),
                                       engine::Applicability::Unsafe);
      }
      return;  // the first such line is the one to fix
    }
  }

  // Whether a TCP line from `from` on lets the superuser open replication connections.
  static bool replication_admitted(const model::HbaSet& set, std::size_t from, const std::string& superuser) {
    for (std::size_t i = from; i < set.records.size(); ++i) {
      const hba::Record& record = set.records[i].record;
      if (!is_network_record(record) || is_loopback_only(record) || record.method == "reject") continue;
      if (!admits_role(record, superuser)) continue;
      if (std::any_of(record.databases.begin(), record.databases.end(),
                      [](const hba::Token& token) { return hba::is_keyword(token, "replication"); }))
        return true;
    }
    return false;
  }

  // A TCP line from `from` on written for the superuser alone: the reject line would make it
  // dead, and whether that access is wanted is for the user to say.
  static bool granted_on_purpose(const model::HbaSet& set, std::size_t from, const std::string& superuser) {
    for (std::size_t i = from; i < set.records.size(); ++i) {
      const hba::Record& record = set.records[i].record;
      if (!is_network_record(record)) continue;
      bool only_superuser = std::all_of(record.users.begin(), record.users.end(), [&](const hba::Token& token) {
        return !hba::is_keyword(token, "all") && token.text == superuser;
      });
      if (only_superuser) return true;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_hba_superuser_remote_rule() { return std::make_unique<SuperuserRemoteRule>(); }

}  // namespace pglint::rules
