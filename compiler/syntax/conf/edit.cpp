#include "compiler/syntax/conf/edit.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace pglint::conf {

namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

// A bare name (guc-file.l ID: a letter or '_' first) or an integer with its unit.
bool reads_back_bare(std::string_view value) {
  if (value.empty()) return false;
  bool name = std::isalpha(static_cast<unsigned char>(value[0])) || value[0] == '_';
  if (name) return std::all_of(value.begin(), value.end(), [](char c) { return is_name_char(c) && c != '.'; });
  // guc-file.l's INTEGER: digits, then unit letters ("512MB", "30s"); a fraction needs quotes.
  auto letters = std::find_if(value.begin(), value.end(), [](char c) { return !std::isdigit(static_cast<unsigned char>(c)); });
  bool digits = letters != value.begin();
  return digits && std::all_of(letters, value.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// Whether a whole-line comment is `#name = ...` (the sample's commented default).
bool comments_out(std::string_view comment, std::string_view name) {
  std::size_t i = 1;
  while (i < comment.size() && (comment[i] == ' ' || comment[i] == '\t')) ++i;
  if (comment.size() < i + name.size() || !names_equal(comment.substr(i, name.size()), name)) return false;
  i += name.size();
  if (i < comment.size() && is_name_char(comment[i])) return false;
  while (i < comment.size() && (comment[i] == ' ' || comment[i] == '\t')) ++i;
  return i < comment.size() && comment[i] == '=';
}

}  // namespace

std::string value_literal(std::string_view value) {
  if (reads_back_bare(value)) return std::string(value);
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += "''";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out + "'";
}

std::string_view line_ending(std::string_view text) {
  std::size_t newline = text.find('\n');
  return newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
}

namespace {

// "ssl_min_protocol_version" -> "ssl": parameters of one family share the word before the first '_'.
std::string_view family_of(std::string_view name) { return name.substr(0, name.find('_')); }

bool in_family(std::string_view name, std::string_view family) {
  return name.size() >= family.size() && names_equal(name.substr(0, family.size()), family) &&
         (name.size() == family.size() || name[family.size()] == '_');
}

// The column (from the line start) of the trailing comment of the entry line that ends at
// `offset`, when it is indented with spaces only; 0 otherwise.
std::size_t comment_column_before(const Tree& tree, std::size_t offset) {
  for (const Line& line : tree.lines) {
    if (line.span.end != offset) continue;
    if (line.kind != LineKind::Entry || line.comment < 0) return 0;
    Span comment = line.tokens[static_cast<std::size_t>(line.comment)].span;
    std::string_view before = tree.file->text().substr(line.span.begin, comment.begin - line.span.begin);
    return before.find('\t') == std::string_view::npos ? before.size() : 0;
  }
  return 0;
}

}  // namespace

std::size_t insertion_point(const Tree& tree, std::string_view name) {
  std::string_view text = tree.file->text();
  std::optional<std::size_t> after_family;
  std::string_view family = family_of(name);
  for (const Line& line : tree.lines) {
    if (line.kind == LineKind::Entry && line.name >= 0) {
      Span span = line.tokens[static_cast<std::size_t>(line.name)].span;
      if (in_family(text.substr(span.begin, span.size()), family)) after_family = line.span.end;
    }
    if (line.kind != LineKind::Blank || line.comment < 0) continue;
    const Token& comment = line.tokens[static_cast<std::size_t>(line.comment)];
    // Whole-line comments only: the comment is the first thing but blanks.
    bool whole_line = std::all_of(line.tokens.begin(), line.tokens.begin() + line.comment,
                                  [](const Token& t) { return t.kind == TokenKind::Whitespace; });
    if (whole_line && comments_out(text.substr(comment.span.begin, comment.span.size()), name)) return line.span.end;
  }
  return after_family.value_or(text.size());
}

std::string inserted_line(const Tree& tree, std::size_t offset, std::string_view name, std::string_view literal,
                          std::string_view comment) {
  std::string_view text = tree.file->text();
  std::string_view eol = line_ending(text);
  std::string out;
  if (offset > 0 && text[offset - 1] != '\n') out += eol;
  std::string setting = std::string(name) + " = " + std::string(literal);
  out += setting;
  if (!comment.empty()) {
    // Line the comment up with the one on the line above, as hand-written files do.
    std::size_t column = comment_column_before(tree, offset);
    out += column > setting.size() ? std::string(column - setting.size(), ' ') : std::string("\t");
    out += "# " + std::string(comment);
  }
  // A line inserted at the very end of a file without a final newline keeps that state.
  bool at_unterminated_end = offset == text.size() && !text.empty() && text.back() != '\n';
  if (!at_unterminated_end) out += eol;
  return out;
}

}  // namespace pglint::conf
