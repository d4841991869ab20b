// SARIF 2.1.0 (OASIS), in the shape GitHub code scanning accepts: one run, rule metadata with
// help, repository-relative artifact URIs under %SRCROOT%, partialFingerprints.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "compiler/engine/rule.hpp"
#include "compiler/engine/rule_docs.hpp"
#include "compiler/report/report.hpp"
#include "compiler/report/report_support.hpp"

namespace pglint::report {

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/pglint/pglint";
constexpr std::string_view kRuleDocsUri = "https://github.com/pglint/pglint/blob/main/docs/rules/";
constexpr std::string_view kSrcRoot = "%SRCROOT%";

std::string_view level(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::Error: return "error";
    case engine::Severity::Warning: return "warning";
    case engine::Severity::Info: return "note";
  }
  return "error";
}

// GitHub's problem.severity: error, warning or recommendation.
std::string_view problem_severity(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::Error: return "error";
    case engine::Severity::Warning: return "warning";
    case engine::Severity::Info: return "recommendation";
  }
  return "error";
}

// GitHub's security-severity (CVSS-like 0.0-10.0) for security rules: high, medium, low.
std::string_view security_severity(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::Error: return "8.0";
    case engine::Severity::Warning: return "5.0";
    case engine::Severity::Info: return "2.0";
  }
  return "8.0";
}

// RFC 3986: everything but unreserved characters and '/' is percent-encoded, byte by byte.
std::string percent_encode(std::string_view path) {
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

fs::path absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : canonical;
}

std::string file_uri(const fs::path& absolute) { return "file://" + percent_encode(absolute.generic_string()); }

struct Artifact {
  std::string uri;
  bool relative = false;
};

class Artifacts {
 public:
  explicit Artifacts(const fs::path& root) : root_(absolute_path(root)) {}

  [[nodiscard]] std::string root_uri() const {
    std::string uri = file_uri(root_);
    if (uri.empty() || uri.back() != '/') uri += '/';
    return uri;
  }

  const Artifact& of(const SourceFile& file) {
    auto found = cache_.find(&file);
    if (found != cache_.end()) return found->second;
    fs::path path = file.real_path().empty() ? fs::path(file.display_path()) : file.real_path();
    fs::path absolute = absolute_path(path);
    fs::path relative = absolute.lexically_relative(root_);
    Artifact artifact;
    if (!relative.empty() && *relative.begin() != ".." && relative != ".") {
      artifact.uri = percent_encode(relative.generic_string());
      artifact.relative = true;
    } else {
      artifact.uri = file_uri(absolute);
    }
    return cache_.emplace(&file, std::move(artifact)).first->second;
  }

 private:
  fs::path root_;
  std::map<const SourceFile*, Artifact> cache_;
};

ordered_json artifact_location(const Artifact& artifact) {
  ordered_json node{{"uri", artifact.uri}};
  if (artifact.relative) node["uriBaseId"] = kSrcRoot;
  return node;
}

ordered_json region(const SourceFile& file, Span span) {
  LineColumn begin = utf16_position(file, span.begin);
  LineColumn end = utf16_position(file, std::max(span.begin, span.end));
  return {{"startLine", begin.line}, {"startColumn", begin.column}, {"endLine", end.line}, {"endColumn", end.column}};
}

ordered_json physical_location(Artifacts& artifacts, const SourceFile& file, Span span) {
  return {{"artifactLocation", artifact_location(artifacts.of(file))}, {"region", region(file, span)}};
}

// FNV-1a, 64 bits: stable across platforms and runs.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string_view trim(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

// The trimmed text of the diagnostic's first line, secrets masked.
std::string line_text(const SourceFile& file, std::size_t offset) {
  std::size_t line = file.position(std::min(offset, file.text().size())).line;
  std::size_t begin = file.line_start(line);
  std::string_view text = file.line_text(line);
  return std::string(trim(file.redacted(Span{begin, begin + text.size()})));
}

ordered_json rule_descriptor(const engine::RuleInfo& info) {
  ordered_json tags = ordered_json::array();
  tags.push_back(engine::category_name(info.category));  // "security" for security rules
  for (const auto& item : info.cis) tags.push_back("CIS-PostgreSQL-16-" + item);
  for (const auto& item : info.stig) tags.push_back("STIG-" + item);
  ordered_json properties{{"tags", std::move(tags)},
                          {"precision", info.category == engine::Category::Validity ? "very-high" : "high"},
                          {"problem.severity", problem_severity(info.severity)}};
  if (info.category == engine::Category::Security) {
    properties["security-severity"] = security_severity(info.severity);
  }
  std::string markdown = engine::rule_markdown(info);
  ordered_json node{{"id", info.id},
                    {"name", info.name},
                    {"shortDescription", {{"text", info.summary}}},
                    {"fullDescription", {{"text", info.docs.what.empty() ? info.summary : info.docs.what}}},
                    {"help", {{"text", markdown}, {"markdown", markdown}}},
                    {"helpUri", fmt::format("{}{}.md", kRuleDocsUri, info.id)},
                    {"defaultConfiguration", {{"level", level(info.severity)}}},
                    {"properties", std::move(properties)}};
  return node;
}

ordered_json message(std::string text) { return {{"text", std::move(text)}}; }

}  // namespace

void write_sarif(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics,
                 const std::vector<const engine::RuleInfo*>& rules, const std::filesystem::path& repository_root) {
  Artifacts artifacts(repository_root);

  ordered_json descriptors = ordered_json::array();
  std::map<std::string, std::size_t> rule_index;
  for (const engine::RuleInfo* info : rules) {
    if (!info || rule_index.count(info->id)) continue;
    rule_index[info->id] = descriptors.size();
    descriptors.push_back(rule_descriptor(*info));
  }
  // Rules the caller did not list still get a descriptor, so every ruleIndex is valid.
  for (const auto& d : diagnostics) {
    if (rule_index.count(d.rule_id)) continue;
    rule_index[d.rule_id] = descriptors.size();
    descriptors.push_back({{"id", d.rule_id},
                           {"name", d.rule_name},
                           {"shortDescription", {{"text", d.rule_name.empty() ? d.rule_id : d.rule_name}}},
                           {"defaultConfiguration", {{"level", level(d.severity)}}},
                           {"properties", {{"tags", ordered_json::array({engine::category_name(d.category)})}}}});
  }

  ordered_json results = ordered_json::array();
  std::map<std::uint64_t, std::size_t> occurrences;
  for (const auto& d : diagnostics) {
    std::string text = masked_message(d, d.message);
    if (!d.help.empty()) text += "\nhelp: " + masked_message(d, d.help);
    ordered_json result{{"ruleId", d.rule_id},
                        {"ruleIndex", rule_index.at(d.rule_id)},
                        {"level", level(d.severity)},
                        {"message", message(std::move(text))}};
    if (d.file) {
      const SourceFile& file = *d.file;
      result["locations"] = ordered_json::array({{{"physicalLocation", physical_location(artifacts, file, d.span)}}});
      if (!d.related.empty()) {
        ordered_json related = ordered_json::array();
        for (std::size_t i = 0; i < d.related.size(); ++i) {
          const engine::Related& r = d.related[i];
          if (!r.file) continue;
          related.push_back({{"id", i + 1},
                             {"physicalLocation", physical_location(artifacts, *r.file, r.span)},
                             {"message", message(masked_message(d, r.message))}});
        }
        result["relatedLocations"] = std::move(related);
      }
      std::uint64_t hash = fnv1a(d.rule_id);
      hash = fnv1a(std::string_view("\0", 1), hash);
      hash = fnv1a(artifacts.of(file).uri, hash);
      hash = fnv1a(std::string_view("\0", 1), hash);
      hash = fnv1a(line_text(file, d.span.begin), hash);
      std::size_t occurrence = ++occurrences[hash];
      result["partialFingerprints"] = {{"primaryLocationLineHash", fmt::format("{:016x}:{}", hash, occurrence)}};
      if (d.fix && !d.fix->edits.empty()) {
        // One artifactChange per file the fix edits, in the order first edited.
        std::vector<std::pair<const SourceFile*, ordered_json>> changes;
        for (const engine::Edit& edit : d.fix->edits) {
          const SourceFile& edited = edit.file ? *edit.file : file;
          auto it = std::find_if(changes.begin(), changes.end(), [&](const auto& c) { return c.first == &edited; });
          if (it == changes.end()) it = changes.insert(changes.end(), {&edited, ordered_json::array()});
          it->second.push_back({{"deletedRegion", {{"byteOffset", edit.span.begin}, {"byteLength", edit.span.size()}}},
                                {"insertedContent", {{"text", sanitize_utf8(edit.replacement)}}}});
        }
        ordered_json artifact_changes = ordered_json::array();
        for (auto& [edited, replacements] : changes) {
          artifact_changes.push_back({{"artifactLocation", artifact_location(artifacts.of(*edited))},
                                      {"replacements", std::move(replacements)}});
        }
        result["fixes"] = ordered_json::array({{{"description", message(sanitize_utf8(d.fix->description))},
                                                {"artifactChanges", std::move(artifact_changes)}}});
      }
    }
    if (!d.apply.empty()) result["properties"] = {{"apply", d.apply}};  // "reload" or "restart"
    results.push_back(std::move(result));
  }

  ordered_json driver{{"name", "pglint"},
                      {"informationUri", kInformationUri},
                      {"version", tool_version},
                      {"semanticVersion", tool_version},
                      {"rules", std::move(descriptors)}};
  ordered_json run{{"tool", {{"driver", std::move(driver)}}},
                   {"invocations", ordered_json::array({{{"executionSuccessful", true}}})},
                   {"originalUriBaseIds", {{kSrcRoot, {{"uri", artifacts.root_uri()}}}}},
                   {"columnKind", "utf16CodeUnits"},
                   {"results", std::move(results)}};
  ordered_json root{{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", ordered_json::array({std::move(run)})}};
  out << root.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace pglint::report
