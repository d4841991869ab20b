// The fix engine, the edit application and the diff printer, on real files in a temporary
// directory, with a test rule whose fix can be made to break the file.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "compiler/fix/edits.hpp"
#include "compiler/fix/fix_engine.hpp"
#include "compiler/fix/unified_diff.hpp"
#include "compiler/fix/write_files.hpp"
#include "compiler/syntax/conf/edit.hpp"
#include "rules/registry.hpp"
#include "rules/rule_support.hpp"
#include "tests/test_support.hpp"

namespace pglint {

namespace {

using testing::TempDir;

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Flags every `work_mem` line and offers to replace its value (and, with `to_line_end`, the rest
// of the line, comment included) by `replacement`.
class ReplaceWorkMemRule final : public engine::Rule {
 public:
  explicit ReplaceWorkMemRule(std::string replacement, bool to_line_end = false)
      : replacement_(std::move(replacement)), to_line_end_(to_line_end) {}
  [[nodiscard]] const engine::RuleInfo& info() const override { return info_; }
  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    rules::for_each_setting(deployment, [&](const model::ConfSet&, const model::Setting& setting) {
      if (setting.key != "work_mem" || setting.entry.raw_value == replacement_) return;
      auto& d = sink.report(setting.value.source, setting.value.span, "test finding");
      Span span = setting.value.span;
      if (to_line_end_) span.end = setting.value.source->text().find('\n', span.begin);
      d.fix = engine::Fix{"set work_mem", {{span, replacement_, nullptr}}, engine::Applicability::Safe};
    });
  }

 private:
  engine::RuleInfo info_{.id = "X901", .name = "test-replace-work-mem", .summary = "test",
                         .category = engine::Category::Performance, .severity = engine::Severity::Warning};
  std::string replacement_;
  bool to_line_end_ = false;
};

pipeline::LintPlan plan_for(const TempDir& dir, const engine::Rule& rule) {
  pipeline::LintPlan plan;
  plan.inputs = {{dir.path() / "postgresql.conf", "postgresql.conf", model::FileKind::Conf, true}};
  plan.rules = {&rule, rules::find_rule("V103")};
  return plan;
}

}  // namespace

TEST_CASE("apply_edits keeps every byte outside the edits", "[fix]") {
  std::string text = "a = 1\r\nb = 2  # keep\nc";
  std::vector<engine::Edit> edits = {{{11, 12}, "20", nullptr}, {{0, 0}, "# top\n", nullptr}, {{22, 22}, "\n", nullptr}};
  CHECK(fix::apply_edits(text, edits) == "# top\na = 1\r\nb = 20  # keep\nc\n");
}

TEST_CASE("overlapping edits are recognised; insertions at one point keep their order", "[fix]") {
  CHECK(fix::edits_overlap({{2, 5}, "", nullptr}, {{4, 6}, "", nullptr}));
  CHECK_FALSE(fix::edits_overlap({{2, 5}, "", nullptr}, {{5, 6}, "", nullptr}));
  CHECK_FALSE(fix::edits_overlap({{3, 3}, "x", nullptr}, {{3, 3}, "y", nullptr}));
  CHECK(fix::apply_edits("ab", {{{1, 1}, "x", nullptr}, {{1, 1}, "y", nullptr}}) == "axyb");
  CHECK_FALSE(fix::edits_overlap({{5, 5}, "x", nullptr}, {{2, 5}, "", nullptr}));
  CHECK(fix::edits_overlap({{4, 4}, "x", nullptr}, {{2, 5}, "", nullptr}));
}

TEST_CASE("unified diffs mark a missing final newline and use three lines of context", "[fix]") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12";
  std::string after = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
  std::string diff = fix::unified_diff("x/postgresql.conf", before, after);
  CHECK(diff ==
        "--- a/x/postgresql.conf\n+++ b/x/postgresql.conf\n"
        "@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n"
        "@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n\\ No newline at end of file\n+12\n");
  CHECK(fix::unified_diff("p", "same\n", "same\n").empty());
  // Removed lines come before added ones within a change, as git prints them.
  CHECK(fix::unified_diff("p", "a\nb\n", "x\nb\ny\n") == "--- a/p\n+++ b/p\n@@ -1,2 +1,3 @@\n-a\n+x\n b\n+y\n");
  CHECK(fix::unified_diff("p", "", "new\n") == "--- a/p\n+++ b/p\n@@ -0,0 +1,1 @@\n+new\n");
}

TEST_CASE("a new line goes after its commented default, else after its family, aligned", "[fix]") {
  auto tree = conf::parse(testing::source("ssl = on                  # TLS\nwork_mem = 4MB\n#log_connections = off\n"));
  std::size_t after_ssl = std::string_view("ssl = on                  # TLS\n").size();
  CHECK(conf::insertion_point(tree, "ssl_min_protocol_version") == after_ssl);
  CHECK(conf::insertion_point(tree, "log_connections") == tree.file->text().size());
  CHECK(conf::insertion_point(tree, "shared_buffers") == tree.file->text().size());
  CHECK(conf::inserted_line(tree, after_ssl, "ssl_ciphers", "'HIGH'", "why") ==
        "ssl_ciphers = 'HIGH'      # why\n");
  CHECK(conf::value_literal("512MB") == "512MB");
  CHECK(conf::value_literal("1.5GB") == "'1.5GB'");
  CHECK(conf::value_literal("scram-sha-256") == "'scram-sha-256'");
  CHECK(conf::value_literal("it's") == "'it''s'");
}

TEST_CASE("the fix engine applies fixes until nothing changes and keeps the rest of the file", "[fix]") {
  TempDir dir;
  dir.write("postgresql.conf", "# memory\nwork_mem = 4MB   # per sort\r\nshared_buffers = 1GB\n");
  ReplaceWorkMemRule rule("'8MB'");
  auto result = fix::fix_deployment(plan_for(dir, rule), {});
  REQUIRE(result.changes.size() == 1);
  CHECK(result.changes[0].after == "# memory\nwork_mem = '8MB'   # per sort\r\nshared_buffers = 1GB\n");
  CHECK(result.applied.size() == 1);
  CHECK(result.rejected.empty());
  CHECK(result.remaining.diagnostics.empty());
  CHECK(read(dir.path() / "postgresql.conf").find("4MB") != std::string::npos);  // nothing written yet
}

TEST_CASE("a fix that makes the file invalid is rolled back and reported", "[fix]") {
  TempDir dir;
  dir.write("postgresql.conf", "work_mem = 4MB\n");
  ReplaceWorkMemRule rule("'lots'");
  auto result = fix::fix_deployment(plan_for(dir, rule), {});
  CHECK(result.changes.empty());
  CHECK(result.applied.empty());
  REQUIRE(result.rejected.size() == 1);
  CHECK(result.rejected[0].reason.find("V103") != std::string::npos);
}

TEST_CASE("a safe fix that would delete a comment is unsafe", "[fix]") {
  TempDir dir;
  dir.write("postgresql.conf", "work_mem = 4MB   # tuned for the reports\nfsync = on  # pglint: disable=D101\n");
  ReplaceWorkMemRule rule("'8MB'", true);
  auto lint = pipeline::run_lint(plan_for(dir, rule));
  auto finding = std::find_if(lint.diagnostics.begin(), lint.diagnostics.end(),
                              [](const auto& d) { return d.rule_id == "X901"; });
  REQUIRE(finding != lint.diagnostics.end());
  CHECK(finding->fix->applicability == engine::Applicability::Unsafe);
  CHECK(fix::fix_deployment(plan_for(dir, rule), {}).changes.empty());
  CHECK(fix::fix_deployment(plan_for(dir, rule), {.unsafe_fixes = true}).changes.size() == 1);
}

TEST_CASE("unsafe fixes wait for unsafe_fixes", "[fix]") {
  engine::Diagnostic d;
  d.fix = engine::Fix{"x", {}, engine::Applicability::Unsafe};
  CHECK_FALSE(fix::fix_applies(d, false));
  CHECK(fix::fix_applies(d, true));
}

TEST_CASE("writing refuses a file changed on disk since it was read, and writes nothing", "[fix]") {
  TempDir dir;
  auto conf = dir.write("postgresql.conf", "work_mem = 4MB\n");
  auto other = dir.write("other.conf", "x = 1\n");
  std::vector<fix::FileChange> changes = {{other, "other.conf", "x = 1\n", "x = 2\n", "", ""},
                                          {conf, "postgresql.conf", "work_mem = 4MB\n", "work_mem = 8MB\n", "", ""}};
  dir.write("postgresql.conf", "work_mem = 16MB\n");  // someone else's edit
  CHECK_THROWS_WITH(fix::write_changes(changes), Catch::Contains("changed on disk"));
  CHECK(read(conf) == "work_mem = 16MB\n");
  CHECK(read(other) == "x = 1\n");
}

TEST_CASE("writing keeps the mode, writes through symbolic links and leaves no temporary file", "[fix]") {
  TempDir dir;
  auto real = dir.write("real/pg.conf", "work_mem = 4MB\n");
  std::filesystem::permissions(real, std::filesystem::perms(0640));
  std::filesystem::create_symlink(real, dir.path() / "postgresql.conf");
  fix::write_changes({{dir.path() / "postgresql.conf", "postgresql.conf", "work_mem = 4MB\n", "work_mem = 8MB\n", "", ""}});
  CHECK(std::filesystem::is_symlink(dir.path() / "postgresql.conf"));
  CHECK(read(real) == "work_mem = 8MB\n");
  CHECK((std::filesystem::status(real).permissions() & std::filesystem::perms::all) == std::filesystem::perms(0640));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(real.parent_path())) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("writing refuses a read-only file", "[fix]") {
  TempDir dir;
  auto conf = dir.write("postgresql.conf", "work_mem = 4MB\n");
  std::filesystem::permissions(conf, std::filesystem::perms(0444));
  CHECK_THROWS_WITH(fix::write_changes({{conf, "postgresql.conf", "work_mem = 4MB\n", "work_mem = 8MB\n", "", ""}}),
                    Catch::Contains("read-only"));
  CHECK(read(conf) == "work_mem = 4MB\n");
}

}  // namespace pglint
