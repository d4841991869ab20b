// GitHub Actions workflow commands: one annotation per finding.
//   ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=V101 syntax-error::message
#include <fmt/format.h>

#include <algorithm>

#include "compiler/report/report.hpp"
#include "compiler/report/report_support.hpp"

namespace pglint::report {

namespace {

std::string_view command(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::Error: return "error";
    case engine::Severity::Warning: return "warning";
    case engine::Severity::Info: return "notice";
  }
  return "error";
}

int rank(engine::Severity severity) {
  switch (severity) {
    case engine::Severity::Error: return 0;
    case engine::Severity::Warning: return 1;
    case engine::Severity::Info: return 2;
  }
  return 0;
}

// The escaping of @actions/core (toCommandValue / escapeData / escapeProperty).
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

// Property values also escape ':' and ','; escape_data adds neither.
std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void write_github(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics) {
  std::vector<const engine::Diagnostic*> ordered;
  for (const auto& d : diagnostics) ordered.push_back(&d);
  std::stable_sort(ordered.begin(), ordered.end(), [](const engine::Diagnostic* a, const engine::Diagnostic* b) {
    return rank(a->severity) < rank(b->severity);
  });
  for (const engine::Diagnostic* d : ordered) {
    std::string properties;
    if (d->file) {
      LineColumn begin = utf16_position(*d->file, d->span.begin);
      LineColumn end = utf16_position(*d->file, std::max(d->span.begin, d->span.end));
      properties = fmt::format("file={},line={},col={},endLine={},endColumn={},",
                               escape_property(sanitize_utf8(d->file->display_path())), begin.line, begin.column,
                               end.line, end.column);
    }
    std::string title = d->rule_name.empty() ? d->rule_id : d->rule_id + " " + d->rule_name;
    properties += "title=" + escape_property(title);
    std::string message = masked_message(*d, d->message);
    if (!d->help.empty()) message += "\nhelp: " + masked_message(*d, d->help);
    if (d->fix && !d->fix->edits.empty()) {
      bool safe = d->fix->applicability == engine::Applicability::Safe;
      message += "\nfix: " + masked_message(*d, d->fix->description) +
                 (safe ? " (pglint fix)" : " (pglint fix --unsafe-fixes)");
    }
    out << "::" << command(d->severity) << ' ' << properties << "::" << escape_data(message) << '\n';
  }
}

}  // namespace pglint::report
