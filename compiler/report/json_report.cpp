// The stable, versioned JSON report (schemas/report.schema.json).
#include <nlohmann/json.hpp>

#include "compiler/report/report.hpp"

namespace pglint::report {

namespace {

using nlohmann::ordered_json;

ordered_json location_json(const SourceFile& file, Span span) {
  LineColumn begin = file.position(span.begin);
  LineColumn end = file.position(span.end);
  return {{"line", begin.line}, {"column", begin.column}, {"end_line", end.line}, {"end_column", end.column}};
}

// The edits, as byte ranges and as line/column ranges of the file as it was read.
ordered_json fix_json(const engine::Diagnostic& d) {
  ordered_json edits = ordered_json::array();
  for (const auto& edit : d.fix->edits) {
    const SourceFile& file = edit.file ? *edit.file : *d.file;
    ordered_json item{{"path", sanitize_utf8(file.display_path())}};
    item.update(location_json(file, edit.span));
    item["byte_start"] = edit.span.begin;
    item["byte_end"] = edit.span.end;
    item["replacement"] = sanitize_utf8(edit.replacement);
    edits.push_back(std::move(item));
  }
  return {{"description", sanitize_utf8(d.fix->description)},
          {"applicability", d.fix->applicability == engine::Applicability::Safe ? "safe" : "unsafe"},
          {"edits", std::move(edits)}};
}

ordered_json diagnostic_json(const engine::Diagnostic& d) {
  ordered_json node;
  node["rule"] = d.rule_id;
  node["name"] = d.rule_name;
  node["severity"] = engine::severity_name(d.severity);
  node["category"] = engine::category_name(d.category);
  node["path"] = sanitize_utf8(d.file->display_path());
  node.update(location_json(*d.file, d.span));
  node["message"] = sanitize_utf8(d.message);
  if (!d.help.empty()) node["help"] = sanitize_utf8(d.help);
  node["fixable"] = d.fix.has_value() && !d.fix->edits.empty();
  if (node["fixable"]) node["fix"] = fix_json(d);
  if (!d.apply.empty()) node["apply"] = d.apply;
  if (!d.related.empty()) {
    ordered_json related = ordered_json::array();
    for (const auto& r : d.related) {
      ordered_json item{{"path", sanitize_utf8(r.file->display_path())}};
      item.update(location_json(*r.file, r.span));
      item["message"] = sanitize_utf8(r.message);
      related.push_back(std::move(item));
    }
    node["related"] = std::move(related);
  }
  return node;
}

}  // namespace

void write_json(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics, const Summary& summary) {
  ordered_json root;
  root["version"] = 1;
  ordered_json findings = ordered_json::array();
  for (const auto& d : diagnostics) findings.push_back(diagnostic_json(d));
  root["findings"] = std::move(findings);
  root["summary"] = {{"files", summary.files},
                     {"errors", summary.errors},
                     {"warnings", summary.warnings},
                     {"info", summary.infos},
                     {"fixable", summary.fixable_safe},
                     {"fixable_unsafe", summary.fixable_unsafe}};
  out << root.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace pglint::report
