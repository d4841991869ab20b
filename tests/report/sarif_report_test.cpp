// SARIF output: valid against the official 2.1.0 schema, and the fields GitHub code scanning
// relies on (relative URIs, regions, levels, rule metadata, stable fingerprints, masked secrets).
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "compiler/engine/rule_docs.hpp"
#include "compiler/engine/suppressions.hpp"
#include "compiler/report/report.hpp"
#include "tests/schema_support.hpp"
#include "tests/test_support.hpp"

using namespace pglint;
using nlohmann::json;

namespace {

engine::RuleInfo rule(std::string id, std::string name, engine::Category category, engine::Severity severity) {
  engine::RuleInfo info;
  info.id = std::move(id);
  info.name = std::move(name);
  info.summary = "Summary of " + info.name;
  info.category = category;
  info.severity = severity;
  info.docs.what = "What " + info.name + " does.";
  info.docs.why = "Why.";
  info.docs.example = "x = 1";
  info.docs.use_instead = "x = 2";
  info.docs.references = {"https://www.postgresql.org/docs/current/"};
  return info;
}

const engine::RuleInfo kInvalidValue =
    rule("V103", "invalid-value", engine::Category::Validity, engine::Severity::Error);
const engine::RuleInfo kPasswordAuth =
    rule("S301", "password-auth", engine::Category::Security, engine::Severity::Warning);

SourceFilePtr read(const std::filesystem::path& path, const std::string& display) {
  std::string error;
  auto file = read_source_file(path, display, error);
  REQUIRE(file);
  return *file;
}

engine::Diagnostic diagnostic(const engine::RuleInfo& info, const SourceFilePtr& file, std::size_t line,
                              std::string_view needle, std::string message, engine::Severity severity) {
  std::size_t begin = file->text().find(needle, file->line_start(line));
  REQUIRE(begin != std::string_view::npos);
  engine::Diagnostic d;
  d.rule_id = info.id;
  d.rule_name = info.name;
  d.severity = severity;
  d.category = info.category;
  d.file = file;
  d.span = Span{begin, begin + needle.size()};
  d.message = std::move(message);
  return d;
}

std::string sarif(const std::vector<engine::Diagnostic>& diagnostics, const std::filesystem::path& root) {
  std::vector<const engine::RuleInfo*> rules{&kInvalidValue, &kPasswordAuth, &engine::unused_suppression_rule()};
  std::ostringstream out;
  report::write_sarif(out, diagnostics, rules, root);
  return out.str();
}

struct Fixture {
  testing::TempDir root;
  testing::TempDir elsewhere;
  SourceFilePtr conf, hba, outside;
  std::vector<engine::Diagnostic> diagnostics;

  explicit Fixture(const std::string& secret = "hunter2secret") {
    conf = read(root.write("postgresql.conf",
                           "# tuning\n"
                           "work_mem = '64KB'\n"
                           "shared_buffers = '128MB'\n"
                           "work_mem = '64KB'\n"
                           "application_name = '\xC3\xA9\xF0\x9F\x98\x80x'\n"),
                "postgresql.conf");
    hba = read(root.write("my dir/pg_hba.conf",
                          "host all all 0.0.0.0/0 password\n"
                          "host all all ::/0 radius radiusservers=r radiussecrets=" +
                              secret + "\n"),
               "my dir/pg_hba.conf");
    std::size_t at = hba->text().find(secret);
    hba->mark_secret(Span{at, at + secret.size()});
    outside = read(elsewhere.write("other.conf", "port = 5432\n"), "../other.conf");

    auto d1 = diagnostic(kInvalidValue, conf, 2, "'64KB'", "invalid value for parameter \"work_mem\": \"64KB\"",
                         engine::Severity::Error);
    d1.apply = "restart";
    d1.help = "valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\"";
    std::size_t later = conf->line_start(4);
    d1.related.push_back({conf, Span{later, later + 8}, "set again here"});
    auto d2 = diagnostic(kInvalidValue, conf, 4, "'64KB'", "invalid value again", engine::Severity::Error);
    auto d3 = diagnostic(kInvalidValue, conf, 3, "'128MB'", "a different line", engine::Severity::Error);
    auto d4 = diagnostic(kPasswordAuth, hba, 1, "password", "clear-text passwords", engine::Severity::Warning);
    auto d5 = diagnostic(kPasswordAuth, hba, 2, "radius", "the RADIUS secret \"" + secret + "\" is weak",
                         engine::Severity::Info);
    auto d6 = diagnostic(kInvalidValue, conf, 5, "x", "after an emoji", engine::Severity::Error);
    d6.fix = engine::Fix{"replace it", {{Span{d6.span.begin, d6.span.end}, "y"}}, engine::Applicability::Safe};
    auto d7 = diagnostic(kInvalidValue, outside, 1, "5432", "outside the repository", engine::Severity::Error);
    auto d8 = d7;
    d8.rule_id = "X999";
    d8.rule_name = "not-listed";
    diagnostics = {d1, d2, d3, d4, d5, d6, d7, d8};
  }
};

const json& result(const json& doc, std::size_t i) { return doc["runs"][0]["results"][i]; }
std::string fingerprint(const json& doc, std::size_t i) {
  return result(doc, i)["partialFingerprints"]["primaryLocationLineHash"];
}

}  // namespace

TEST_CASE("sarif: the output is valid SARIF 2.1.0") {
  Fixture f;
  std::string text = sarif(f.diagnostics, f.root.path());
  const auto schema = testing::source_dir() / "tests/data/sarif-schema-2.1.0.json";
  auto good = f.root.write("out.sarif", text);
  auto verdict = testing::validate_against_schema(schema, good);
  if (verdict == testing::SchemaVerdict::Unavailable) {
    WARN("skipped: /usr/bin/python3 with jsonschema is needed to validate SARIF");
    return;
  }
  CHECK(verdict == testing::SchemaVerdict::Valid);

  // The validator does reject invalid SARIF.
  json doc = json::parse(text);
  doc["runs"][0]["results"][0]["level"] = "fatal";
  auto bad = f.root.write("bad.sarif", doc.dump());
  CHECK(testing::validate_against_schema(schema, bad) == testing::SchemaVerdict::Invalid);
  // And an empty run is valid too.
  auto empty = f.root.write("empty.sarif", sarif({}, f.root.path()));
  CHECK(testing::validate_against_schema(schema, empty) == testing::SchemaVerdict::Valid);
}

TEST_CASE("sarif: run, tool and rule metadata") {
  Fixture f;
  json doc = json::parse(sarif(f.diagnostics, f.root.path()));
  CHECK(doc["version"] == "2.1.0");
  CHECK_THAT(doc["$schema"].get<std::string>(), Catch::EndsWith("sarif-schema-2.1.0.json"));
  REQUIRE(doc["runs"].size() == 1);
  const json& run = doc["runs"][0];
  CHECK(run["columnKind"] == "utf16CodeUnits");
  std::string root_uri = run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  CHECK_THAT(root_uri, Catch::StartsWith("file:///") && Catch::EndsWith("/"));
  CHECK(root_uri == "file://" + std::filesystem::weakly_canonical(f.root.path()).generic_string() + "/");

  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "pglint");
  CHECK(driver["version"] == std::string(report::tool_version));
  CHECK(driver["informationUri"] == "https://github.com/pglint/pglint");
  const json& rules = driver["rules"];
  REQUIRE(rules.size() == 4);  // three listed, one added for X999
  CHECK(rules[0]["id"] == "V103");
  CHECK(rules[0]["name"] == "invalid-value");
  CHECK(rules[0]["shortDescription"]["text"] == "Summary of invalid-value");
  CHECK(rules[0]["fullDescription"]["text"] == "What invalid-value does.");
  CHECK(rules[0]["help"]["markdown"] == engine::rule_markdown(kInvalidValue));
  CHECK(rules[0]["help"]["text"] == engine::rule_markdown(kInvalidValue));
  CHECK(rules[0]["helpUri"] == "https://github.com/pglint/pglint/blob/main/docs/rules/V103.md");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "error");
  CHECK(rules[0]["properties"]["tags"] == json::array({"validity"}));
  CHECK(rules[0]["properties"]["problem.severity"] == "error");
  CHECK_FALSE(rules[0]["properties"].contains("security-severity"));
  CHECK(rules[1]["properties"]["tags"] == json::array({"security"}));
  CHECK(rules[1]["properties"]["security-severity"] == "5.0");
  CHECK(rules[1]["defaultConfiguration"]["level"] == "warning");
  CHECK(rules[2]["id"] == "M001");
  CHECK(rules[2]["defaultConfiguration"]["level"] == "note");
  CHECK(rules[2]["properties"]["problem.severity"] == "recommendation");
  CHECK(rules[3]["id"] == "X999");
  CHECK(rules[3]["name"] == "not-listed");
}

TEST_CASE("sarif: results, locations and levels") {
  Fixture f;
  json doc = json::parse(sarif(f.diagnostics, f.root.path()));
  const json& rules = doc["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(doc["runs"][0]["results"].size() == 8);
  for (const json& r : doc["runs"][0]["results"]) CHECK(rules[r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);

  const json& first = result(doc, 0);
  CHECK(first["ruleId"] == "V103");
  CHECK(first["level"] == "error");
  CHECK(first["message"]["text"] ==
        "invalid value for parameter \"work_mem\": \"64KB\"\nhelp: valid units for this parameter are \"B\", \"kB\", "
        "\"MB\", \"GB\", and \"TB\"");
  CHECK(first["properties"]["apply"] == "restart");
  CHECK_FALSE(result(doc, 1).contains("properties"));
  const json& location = first["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "postgresql.conf");
  CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(location["region"] == json{{"startLine", 2}, {"startColumn", 12}, {"endLine", 2}, {"endColumn", 18}});
  const json& related = first["relatedLocations"][0];
  CHECK(related["id"] == 1);
  CHECK(related["message"]["text"] == "set again here");
  CHECK(related["physicalLocation"]["region"]["startLine"] == 4);

  CHECK(result(doc, 3)["level"] == "warning");
  CHECK(result(doc, 3)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20dir/pg_hba.conf");
  CHECK(result(doc, 4)["level"] == "note");

  // Columns in UTF-16 code units: é is one, the emoji two.
  const json& emoji = result(doc, 5)["locations"][0]["physicalLocation"]["region"];
  CHECK(emoji["startColumn"] == 24);
  CHECK(emoji["endColumn"] == 25);
  const json& fix = result(doc, 5)["fixes"][0];
  CHECK(fix["description"]["text"] == "replace it");
  CHECK(fix["artifactChanges"][0]["artifactLocation"]["uri"] == "postgresql.conf");
  const json& replacement = fix["artifactChanges"][0]["replacements"][0];
  CHECK(replacement["deletedRegion"]["byteLength"] == 1);
  CHECK(replacement["deletedRegion"]["byteOffset"] == f.diagnostics[5].span.begin);
  CHECK(replacement["insertedContent"]["text"] == "y");

  // Outside the repository: an absolute URI, no base.
  const json& outside = result(doc, 6)["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(outside["uri"] ==
        "file://" + std::filesystem::weakly_canonical(f.elsewhere.path() / "other.conf").generic_string());
  CHECK_FALSE(outside.contains("uriBaseId"));
}

TEST_CASE("sarif: secrets are masked in messages") {
  Fixture f;
  std::string text = sarif(f.diagnostics, f.root.path());
  CHECK(text.find("hunter2secret") == std::string::npos);
  json doc = json::parse(text);
  CHECK(result(doc, 4)["message"]["text"] == "the RADIUS secret \"*************\" is weak");
}

TEST_CASE("sarif: fingerprints are stable and tell lines apart") {
  Fixture f;
  std::string once = sarif(f.diagnostics, f.root.path());
  CHECK(once == sarif(f.diagnostics, f.root.path()));
  json doc = json::parse(once);
  // Lines 2 and 4 read the same: same hash, occurrences 1 and 2.
  std::string line2 = fingerprint(doc, 0), line4 = fingerprint(doc, 1), line3 = fingerprint(doc, 2);
  CHECK_THAT(line2, Catch::Matches("[0-9a-f]{16}:1"));
  CHECK(line4 == line2.substr(0, 16) + ":2");
  CHECK(line3.substr(0, 16) != line2.substr(0, 16));
  CHECK(fingerprint(doc, 3) != line2);
  // The same findings in another checkout (another root) fingerprint the same.
  Fixture other;
  json moved = json::parse(sarif(other.diagnostics, other.root.path()));
  for (std::size_t i = 0; i < 6; ++i) CHECK(fingerprint(moved, i) == fingerprint(doc, i));
  // A changed secret of the same length does not change the fingerprint (it is masked first).
  Fixture rotated("hunter3secret");
  json rotated_doc = json::parse(sarif(rotated.diagnostics, rotated.root.path()));
  CHECK(fingerprint(rotated_doc, 4) == fingerprint(doc, 4));
  // A different rule on the same line does not share it.
  auto same_line = f.diagnostics[0];
  same_line.rule_id = "S301";
  json mixed = json::parse(sarif({f.diagnostics[0], same_line}, f.root.path()));
  CHECK(fingerprint(mixed, 0) != fingerprint(mixed, 1));
  CHECK_THAT(fingerprint(mixed, 1), Catch::EndsWith(":1"));
}
