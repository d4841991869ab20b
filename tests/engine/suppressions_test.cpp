// Suppression comments: the three scopes, quotes, malformed directives, unknown and unused
// suppressions with their fixes, CRLF and BOM.
#include "compiler/engine/suppressions.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "tests/test_support.hpp"

using namespace pglint;
using namespace pglint::engine;

namespace {

// A tiny registry: V101 syntax-error, V103 invalid-value, S301 trust-auth.
const std::vector<std::pair<std::string, std::string>> kRules = {
    {"V101", "syntax-error"}, {"V103", "invalid-value"}, {"S301", "trust-auth"}};

bool rule_exists(std::string_view id_or_name) {
  return std::any_of(kRules.begin(), kRules.end(),
                     [&](const auto& r) { return r.first == id_or_name || r.second == id_or_name; });
}

std::string canonical_id(std::string_view id_or_name) {
  for (const auto& r : kRules) {
    if (r.first == id_or_name || r.second == id_or_name) return r.first;
  }
  return {};
}

// A diagnostic of `rule` at the first occurrence of `needle` (from line `line` on).
Diagnostic at(const SourceFilePtr& file, const std::string& rule, std::size_t line, std::string_view needle) {
  std::size_t begin = file->text().find(needle, file->line_start(line));
  REQUIRE(begin != std::string_view::npos);
  REQUIRE(file->position(begin).line == line);
  Diagnostic d;
  d.rule_id = rule;
  d.rule_name = canonical_id(rule) == rule
                    ? std::find_if(kRules.begin(), kRules.end(), [&](const auto& r) { return r.first == rule; })->second
                    : "";
  d.severity = Severity::Error;
  d.file = file;
  d.span = Span{begin, begin + needle.size()};
  d.message = "finding";
  return d;
}

SuppressionResult apply(std::vector<Diagnostic> diagnostics, const std::vector<SourceFilePtr>& files = {}) {
  return apply_suppressions(std::move(diagnostics), files, rule_exists, canonical_id);
}

std::vector<std::string> ids_of(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics)
    out.push_back(d.rule_id + "@" + std::to_string(d.file->position(d.span.begin).line));
  return out;
}

std::string apply_fix(const Diagnostic& d) {
  REQUIRE(d.fix);
  std::string text(d.file->text());
  auto edits = d.fix->edits;
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.span.begin > b.span.begin; });
  for (const Edit& e : edits) text.replace(e.span.begin, e.span.size(), e.replacement);
  return text;
}

}  // namespace

TEST_CASE("suppressions: a trailing disable silences its line only, by id or name") {
  auto file = testing::source(
      "work_mem = '64KB'   # pglint: disable=V103\n"
      "maintenance_work_mem = '1KB'\n"
      "shared_buffers = 'x'  # pglint: disable=invalid-value,syntax-error\n"
      "x = = 1 # pglint: disable=syntax-error\n");
  auto found = find_suppressions(file);
  REQUIRE(found.size() == 3);
  CHECK(found[0].scope == Suppression::Scope::Line);
  CHECK(found[0].target_line == 1);
  CHECK(found[0].ids == std::vector<std::string>{"V103"});
  CHECK(file->text(found[0].comment) == "# pglint: disable=V103");
  CHECK(file->text(found[0].id_spans[0]) == "V103");
  CHECK(found[1].ids == std::vector<std::string>{"invalid-value", "syntax-error"});
  CHECK(file->text(found[1].id_spans[1]) == "syntax-error");
  CHECK_FALSE(found[0].own_line);

  auto result = apply({at(file, "V103", 1, "'64KB'"), at(file, "V103", 2, "'1KB'"), at(file, "V103", 3, "'x'"),
                       at(file, "V101", 4, "=")});
  CHECK(ids_of(result.kept) == std::vector<std::string>{"V103@2"});
  // syntax-error on line 3 silenced nothing.
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].rule_id == "M001");
  CHECK(result.problems[0].rule_name == "unused-suppression");
  CHECK(result.problems[0].severity == Severity::Info);
  CHECK(result.problems[0].category == Category::Maintenance);
  CHECK(file->text(result.problems[0].span) == "syntax-error");
  CHECK(result.problems[0].message == "the suppression of syntax-error (V101) silences nothing");
  CHECK(apply_fix(result.problems[0]) ==
        "work_mem = '64KB'   # pglint: disable=V103\n"
        "maintenance_work_mem = '1KB'\n"
        "shared_buffers = 'x'  # pglint: disable=invalid-value\n"
        "x = = 1 # pglint: disable=syntax-error\n");
}

TEST_CASE("suppressions: disable-next-line skips blank and comment lines") {
  auto file = testing::source(
      "# pglint: disable-next-line=V103\n"
      "\n"
      "# a comment\n"
      "   # pglint: disable-next-line=S301\n"
      "work_mem = '64KB'\n"
      "work_mem = '65KB'\n");
  auto found = find_suppressions(file);
  REQUIRE(found.size() == 2);
  CHECK(found[0].scope == Suppression::Scope::NextLine);
  CHECK(found[0].target_line == 5);
  CHECK(found[1].target_line == 5);
  CHECK(found[0].own_line);
  auto result = apply({at(file, "V103", 5, "'64KB'"), at(file, "S301", 5, "work_mem"), at(file, "V103", 6, "'65KB'")});
  CHECK(ids_of(result.kept) == std::vector<std::string>{"V103@6"});
  CHECK(result.problems.empty());
}

TEST_CASE("suppressions: disable-file before the first entry silences the whole file") {
  auto file = testing::source(
      "# deployment tuning\n"
      "\n"
      "# pglint: disable-file=V103, S301 -- legacy values, ticket 42\n"
      "work_mem = '64KB'\n"
      "# pglint: disable-file=V101\n"
      "host all all 0.0.0.0/0 trust # pglint: disable-file=S301\n");
  auto found = find_suppressions(file);
  REQUIRE(found.size() == 3);
  CHECK(found[0].scope == Suppression::Scope::File);
  CHECK(found[0].ids == std::vector<std::string>{"V103", "S301"});
  CHECK(found[0].has_reason);
  CHECK(found[0].error.empty());
  CHECK(found[1].error == "\"disable-file\" must come before the first line that is not blank or a comment");
  CHECK_FALSE(found[2].error.empty());

  auto result = apply({at(file, "V103", 4, "'64KB'"), at(file, "S301", 6, "trust"), at(file, "V101", 4, "work_mem")});
  CHECK(ids_of(result.kept) == std::vector<std::string>{"V101@4"});
  REQUIRE(result.problems.size() == 2);
  CHECK(result.problems[0].rule_id == "M003");
  CHECK(result.problems[0].file->position(result.problems[0].span.begin).line == 5);
  CHECK(result.problems[1].rule_id == "M003");
}

TEST_CASE("suppressions: a '#' inside quotes is not a comment") {
  auto file = testing::source(
      "application_name = 'a # pglint: disable=V103'\n"
      "application_name = 'it''s' # pglint: disable=V103\n"
      "application_name = 'x\\' # pglint: disable=V103'\n"
      "host \"db # pglint: disable=S301\" all 10.0.0.0/8 trust\n"
      "host \"a\"\"b\" all 10.0.0.0/8 trust # pglint: disable=S301\n"
      "x = 1# pglint: disable=V103\n"
      "#pglint:disable=V101\n"
      "x = 1 # just a comment # pglint: disable=V103\n");
  auto found = find_suppressions(file);
  REQUIRE(found.size() == 3);
  CHECK(file->position(found[0].comment.begin).line == 2);
  CHECK(file->position(found[1].comment.begin).line == 5);
  CHECK(file->position(found[2].comment.begin).line == 7);
  CHECK(found[2].ids == std::vector<std::string>{"V101"});
  CHECK(found[2].error ==
        "\"disable\" on a line of its own silences nothing; use \"disable-next-line\" to silence the next line");
}

TEST_CASE("suppressions: unknown rules, malformed directives") {
  auto file = testing::source(
      "a = 1 # pglint: disable=V999,V103\n"
      "b = 2 # pglint: disable\n"
      "c = 3 # pglint: enable=V103\n"
      "d = 4 # pglint: disable=V103;V101\n"
      "e = 5 # pglint: disable=V103,\n"
      "f = 6 # pglint: disable-next-line=V103\n"
      "# pglint: disable-next-line=V103\n");
  auto result = apply({at(file, "V103", 1, "1")});
  CHECK(result.kept.empty());
  std::vector<std::string> problems;
  for (const auto& p : result.problems) {
    problems.push_back(p.rule_id + "@" + std::to_string(p.file->position(p.span.begin).line) + " " + p.message);
  }
  CHECK(problems == std::vector<std::string>{
                        "M002@1 unknown rule \"V999\" in a suppression",
                        "M003@2 \"disable\" must name the rules it silences, as in \"# pglint: disable=V101\"; there "
                        "is no blanket form",
                        "M003@3 unknown pglint directive \"enable\"; use disable, disable-next-line or disable-file",
                        "M003@4 unexpected \";\" in the rule list; separate rules with commas",
                        "M003@5 expected a rule id or name after \",\"",
                        "M003@6 \"disable-next-line\" must be on a line of its own; use \"disable\" to silence this "
                        "line",
                        "M003@7 \"disable-next-line\" is not followed by any line to silence",
                    });
  CHECK(file->text(result.problems[0].span) == "V999");
  CHECK(unknown_suppression_rule().id == "M002");
  CHECK(invalid_suppression_rule().name == "invalid-suppression");
}

TEST_CASE("suppressions: unused suppressions, their fixes and files without findings") {
  auto conf = testing::source(
      "# pglint: disable-file=S301\n"
      "work_mem = '64MB'   # pglint: disable=V103\n"
      "# pglint: disable-next-line=invalid-value -- see ticket 7\n"
      "shared_buffers = '1GB'\n"
      "max_connections = 100 # pglint: disable=V103, V101\n",
      "postgresql.conf");
  auto hba = testing::source("local all all trust # pglint: disable=S301\n", "pg_hba.conf");
  auto result = apply({at(conf, "V101", 5, "100")}, {conf, hba});
  CHECK(result.kept.empty());
  REQUIRE(result.problems.size() == 5);
  // Whole directives that silence nothing: one finding for the comment, fix removes it.
  const Diagnostic& file_scope = result.problems[0];
  CHECK(file_scope.rule_id == "M001");
  CHECK(file_scope.message == "\"# pglint: disable-file\" silences nothing");
  CHECK(conf->text(file_scope.span) == "# pglint: disable-file=S301");
  CHECK(file_scope.fix->applicability == Applicability::Safe);
  CHECK_THAT(apply_fix(file_scope), Catch::StartsWith("work_mem = '64MB'   # pglint: disable=V103\n"));

  const Diagnostic& trailing = result.problems[1];
  CHECK(apply_fix(trailing) ==
        "# pglint: disable-file=S301\n"
        "work_mem = '64MB'\n"
        "# pglint: disable-next-line=invalid-value -- see ticket 7\n"
        "shared_buffers = '1GB'\n"
        "max_connections = 100 # pglint: disable=V103, V101\n");

  const Diagnostic& with_reason = result.problems[2];
  CHECK(with_reason.fix->applicability == Applicability::Unsafe);
  CHECK_THAT(apply_fix(with_reason), !Catch::Contains("ticket 7"));

  // Partly used: the unused id is removed with its comma.
  const Diagnostic& partial = result.problems[3];
  CHECK(conf->text(partial.span) == "V103");
  CHECK(partial.fix->applicability == Applicability::Safe);
  CHECK_THAT(apply_fix(partial), Catch::EndsWith("max_connections = 100 # pglint: disable=V101\n"));

  // A file no finding is in: its suppressions are checked too.
  CHECK(result.problems[4].file == hba);
  CHECK(apply_fix(result.problems[4]) == "local all all trust\n");
}

TEST_CASE("suppressions: M00x rules can be suppressed") {
  auto file = testing::source(
      "# pglint: disable-file=unused-suppression\n"
      "a = 1 # pglint: disable=V103\n"
      "b = 2 # pglint: disable=M002,V999\n");
  auto result = apply({}, {file});
  CHECK(result.problems.empty());
  auto unused_meta = testing::source("# pglint: disable-file=M003\na = 1\n");
  result = apply({}, {unused_meta});
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].rule_id == "M001");
  CHECK(result.problems[0].message == "\"# pglint: disable-file\" silences nothing");
}

TEST_CASE("suppressions: CRLF and BOM") {
  auto file = testing::source(
      "\xEF\xBB\xBF# pglint: disable-file=S301\r\n"
      "work_mem = '64KB' # pglint: disable=V103\r\n"
      "# pglint: disable-next-line=V101\r\n"
      "\r\n"
      "x = = 1\r\n"
      "# pglint: disable-next-line=V103\r\n"
      "y = 2\r\n");
  auto found = find_suppressions(file);
  REQUIRE(found.size() == 4);
  CHECK(found[0].scope == Suppression::Scope::File);
  CHECK(found[0].error.empty());
  CHECK(file->text(found[0].id_spans[0]) == "S301");
  CHECK(file->text(found[1].comment) == "# pglint: disable=V103");  // no '\r'
  CHECK(found[2].target_line == 5);
  auto result = apply({at(file, "V103", 2, "'64KB'"), at(file, "V101", 5, "= 1"), at(file, "S301", 5, "x")});
  CHECK(result.kept.empty());
  REQUIRE(result.problems.size() == 1);
  CHECK(apply_fix(result.problems[0]) ==
        "\xEF\xBB\xBF# pglint: disable-file=S301\r\n"
        "work_mem = '64KB' # pglint: disable=V103\r\n"
        "# pglint: disable-next-line=V101\r\n"
        "\r\n"
        "x = = 1\r\n"
        "y = 2\r\n");
  // The last line without a newline: removing it takes the newline before it.
  auto last = testing::source("a = 1\r\n# pglint: disable-file=V103");
  result = apply({}, {last});
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].rule_id == "M003");  // disable-file after an entry
  auto tail = testing::source("a = 1 # pglint: disable=V103");
  result = apply({}, {tail});
  REQUIRE(result.problems.size() == 1);
  CHECK(apply_fix(result.problems[0]) == "a = 1");
  auto own = testing::source("# hello\r\n# pglint: disable-file=V103");
  result = apply({}, {own});
  REQUIRE(result.problems.size() == 1);
  CHECK(apply_fix(result.problems[0]) == "# hello");
}

TEST_CASE("suppressions: one file loaded twice counts once") {
  std::string text = "a = 1 # pglint: disable=V103\n";
  auto first = std::make_shared<const SourceFile>("conf.d/a.conf", "/etc/pg/conf.d/a.conf", text);
  auto second = std::make_shared<const SourceFile>("a.conf", "/etc/pg/conf.d/../conf.d/a.conf", text);
  auto result = apply({at(second, "V103", 1, "1")}, {first, second});
  CHECK(result.kept.empty());
  CHECK(result.problems.empty());
  // A diagnostic in a file not listed brings that file's suppressions with it.
  result = apply_suppressions({at(first, "V103", 1, "1")}, rule_exists, canonical_id);
  CHECK(result.kept.empty());
}

TEST_CASE("suppressions: the rules' documentation is complete") {
  for (const RuleInfo* info : suppression_rules()) {
    CAPTURE(info->id);
    CHECK(info->severity == Severity::Info);
    CHECK_FALSE(info->summary.empty());
    CHECK_FALSE(info->docs.what.empty());
    CHECK_FALSE(info->docs.why.empty());
    CHECK_FALSE(info->docs.example.empty());
    CHECK_FALSE(info->docs.use_instead.empty());
    CHECK_FALSE(info->docs.references.empty());
    CHECK((info->fix == FixAvailability::None) == info->docs.fix_safety.empty());
  }
  CHECK(unused_suppression_rule().id == "M001");
  CHECK(unused_suppression_rule().name == "unused-suppression");
}
