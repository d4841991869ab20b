// Human output in the style of rustc and Ruff: location, severity[rule], message,
// the source line with a caret under the span, and a help line.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/report/report.hpp"

namespace pglint::report {

namespace {

struct Palette {
  std::string_view error, warning, info, bold, dim, help, reset;
};

Palette palette(bool color) {
  if (!color) return {};
  return {"\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[1m", "\x1b[34m", "\x1b[1;32m", "\x1b[0m"};
}

std::string_view severity_color(const Palette& p, engine::Severity severity) {
  switch (severity) {
    case engine::Severity::Error: return p.error;
    case engine::Severity::Warning: return p.warning;
    case engine::Severity::Info: return p.info;
  }
  return p.reset;
}

std::string apply_note(const std::string& apply) {
  return apply == "restart" ? "a change takes effect after a server restart"
                            : "a change takes effect after a reload (pg_ctl reload, SELECT pg_reload_conf())";
}

// Shows at most this many bytes of a source line, so huge lines stay readable.
constexpr std::size_t max_shown_line = 160;

// Tabs are shown as spaces so the caret lines up.
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\t' || c == '\r') ? ' ' : c;
  return sanitize_utf8(out);
}

bool fixable(const engine::Diagnostic& d) { return d.fix && !d.fix->edits.empty(); }

// Ruff's marker: [*] when `pglint fix` fixes it, [~] when only --unsafe-fixes does.
std::string fix_marker(const engine::Diagnostic& d) {
  if (!fixable(d)) return "";
  return d.fix->applicability == engine::Applicability::Safe ? " [*]" : " [~]";
}

std::string fix_line(const engine::Diagnostic& d, std::string_view gutter, const Palette& p) {
  if (!fixable(d)) return "";
  bool safe = d.fix->applicability == engine::Applicability::Safe;
  return fmt::format("{}{} = {}fix{}:{} {}\n", p.dim, gutter, p.help, safe ? "" : " (unsafe, --unsafe-fixes)", p.reset,
                     sanitize_utf8(d.fix->description));
}

void write_snippet(std::ostream& out, const engine::Diagnostic& d, const Palette& p) {
  const SourceFile& file = *d.file;
  LineColumn begin = file.position(d.span.begin);
  std::string line_storage = file.redacted({file.line_start(begin.line), file.line_start(begin.line) + file.line_text(begin.line).size()});
  std::string_view line = line_storage;
  std::size_t column = begin.column - 1;
  std::size_t width = std::max<std::size_t>(1, std::min(d.span.size(), line.size() > column ? line.size() - column : 1));
  std::size_t window_start = column > max_shown_line / 2 ? column - max_shown_line / 2 : 0;
  std::string_view shown = line.substr(std::min(window_start, line.size()), max_shown_line);
  std::string gutter(fmt::formatted_size("{}", begin.line), ' ');
  out << fmt::format("{}{} |{} {}{}\n", p.dim, begin.line, p.reset, window_start > 0 ? "..." : "", printable(shown));
  std::size_t caret_at = column - window_start + (window_start > 0 ? 3 : 0);
  width = std::min(width, max_shown_line);
  out << fmt::format("{}{} |{} {}{}{}{}\n", p.dim, gutter, p.reset, std::string(caret_at, ' '),
                     severity_color(p, d.severity), std::string(width, '^'), p.reset);
  if (!d.help.empty()) out << fmt::format("{}{} = {}help:{} {}\n", p.dim, gutter, p.help, p.reset, sanitize_utf8(d.help));
  out << fix_line(d, gutter, p);
  if (!d.apply.empty()) out << fmt::format("{}{} = {}note:{} {}\n", p.dim, gutter, p.bold, p.reset, apply_note(d.apply));
  for (const auto& related : d.related) {
    LineColumn at = related.file->position(related.span.begin);
    out << fmt::format("{}{} = {}note:{} {} ({}:{}:{})\n", p.dim, gutter, p.bold, p.reset, sanitize_utf8(related.message),
                       sanitize_utf8(related.file->display_path()), at.line, at.column);
  }
}

}  // namespace

void write_text(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics, const Summary& summary,
                const TextOptions& options) {
  Palette p = palette(options.color);
  for (const auto& d : diagnostics) {
    if (d.span.begin == 0 && d.span.end == 0) {
      // About the file as a whole (a setting left at its default): no line to show.
      out << fmt::format("{}{}:{} {}{}[{}]{}{}: {}{}{}\n", p.bold, sanitize_utf8(d.file->display_path()), p.reset,
                         severity_color(p, d.severity), engine::severity_name(d.severity), d.rule_id, p.reset,
                         fix_marker(d), p.bold, sanitize_utf8(d.message), p.reset);
      if (!d.help.empty()) out << fmt::format("  = {}help:{} {}\n", p.help, p.reset, sanitize_utf8(d.help));
      out << fix_line(d, " ", p);
      if (!d.apply.empty()) out << fmt::format("  = {}note:{} {}\n", p.bold, p.reset, apply_note(d.apply));
      out << '\n';
      continue;
    }
    LineColumn begin = d.file->position(d.span.begin);
    out << fmt::format("{}{}:{}:{}:{} {}{}[{}]{}{}: {}{}{}\n", p.bold, sanitize_utf8(d.file->display_path()), begin.line,
                       begin.column, p.reset, severity_color(p, d.severity), engine::severity_name(d.severity),
                       d.rule_id, p.reset, fix_marker(d), p.bold, sanitize_utf8(d.message), p.reset);
    write_snippet(out, d, p);
    out << '\n';
  }
  std::size_t total = summary.errors + summary.warnings + summary.infos;
  if (summary.fixed > 0) {
    out << fmt::format("Fixed {} problem{}.\n", summary.fixed, summary.fixed == 1 ? "" : "s");
  }
  if (total == 0) {
    out << fmt::format("No problems found in {} file{}.\n", summary.files, summary.files == 1 ? "" : "s");
    return;
  }
  out << fmt::format("Found {} problem{} in {} file{}: {} error{}, {} warning{}, {} info.\n", total,
                     total == 1 ? "" : "s", summary.files, summary.files == 1 ? "" : "s", summary.errors,
                     summary.errors == 1 ? "" : "s", summary.warnings, summary.warnings == 1 ? "" : "s",
                     summary.infos);
  if (summary.fixable_safe > 0) {
    out << fmt::format("{} fixable with `pglint fix`{}.\n", summary.fixable_safe,
                       summary.fixable_unsafe > 0 ? fmt::format(" ({} more with --unsafe-fixes)", summary.fixable_unsafe)
                                                  : "");
  } else if (summary.fixable_unsafe > 0) {
    out << fmt::format("{} fixable with `pglint fix --unsafe-fixes`.\n", summary.fixable_unsafe);
  }
}

}  // namespace pglint::report
