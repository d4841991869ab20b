#include "compiler/fix/unified_diff.hpp"

#include <dtl/dtl.hpp>
#include <fmt/format.h>

#include <vector>

namespace pglint::fix {

namespace {

constexpr std::size_t context_lines = 3;

// Lines with their end-of-line bytes, so that CRLF and a missing final newline survive.
std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t newline = text.find('\n', begin);
    std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.emplace_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

struct ScriptLine {
  char mark;  // ' ', '-', '+'
  const std::string* text;
};

std::vector<ScriptLine> edit_script(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.compose();
  std::vector<ScriptLine> script;
  for (const auto& [line, info] : diff.getSes().getSequence()) {
    char mark = info.type == dtl::SES_ADD ? '+' : info.type == dtl::SES_DELETE ? '-' : ' ';
    // Point into a or b (the SES holds copies).
    const std::string* text = info.type == dtl::SES_ADD ? &b[info.afterIdx - 1] : &a[info.beforeIdx - 1];
    script.push_back({mark, text});
  }
  return script;
}

void append_line(std::string& out, char mark, const std::string& text) {
  out += mark;
  out += text;
  if (text.empty() || text.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// "-start,count": an empty range names the line before it.
std::string range(std::size_t first, std::size_t count) {
  return fmt::format("{},{}", count == 0 ? first - 1 : first, count);
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  auto a = split_lines(before);
  auto b = split_lines(after);
  auto script = edit_script(a, b);
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  std::size_t i = 0;
  std::size_t scanned = 0, a_line = 1, b_line = 1;  // line numbers of script[scanned] in a and b
  while (i < script.size()) {
    if (script[i].mark == ' ') {
      ++i;
      continue;
    }
    // A hunk: from up to three common lines before the change to three after the last change
    // that is followed by fewer than seven common lines.
    std::size_t start = i >= context_lines ? i - context_lines : 0;
    std::size_t end = i;
    while (end < script.size()) {
      std::size_t common = 0;
      while (end + common < script.size() && script[end + common].mark == ' ') ++common;
      if (end + common == script.size() || common > 2 * context_lines) {
        end += std::min(common, context_lines);
        break;
      }
      end += common;
      while (end < script.size() && script[end].mark != ' ') ++end;
    }
    for (; scanned < start; ++scanned) {
      if (script[scanned].mark != '+') ++a_line;
      if (script[scanned].mark != '-') ++b_line;
    }
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t k = start; k < end; ++k) {
      if (script[k].mark != '+') ++a_count;
      if (script[k].mark != '-') ++b_count;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(a_line, a_count), range(b_line, b_count));
    // Within a run of changes, removed lines come first, as git prints them.
    for (std::size_t k = start; k < end;) {
      if (script[k].mark == ' ') {
        append_line(out, ' ', *script[k++].text);
        continue;
      }
      std::size_t run_end = k;
      while (run_end < end && script[run_end].mark != ' ') ++run_end;
      for (char mark : {'-', '+'}) {
        for (std::size_t r = k; r < run_end; ++r) {
          if (script[r].mark == mark) append_line(out, mark, *script[r].text);
        }
      }
      k = run_end;
    }
    i = end;
  }
  return out;
}

}  // namespace pglint::fix
