#include "rules/hba/hba_fixes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "rules/fix_support.hpp"

namespace pglint::rules {

namespace {

const hba::LogicalLine& line_of(const model::HbaRecord& record) {
  return record.file->tree.lines.at(record.record.line_index);
}

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// A token can be rewritten in place when its bytes are its own: not the reference of an
// expanded @file, and not inside the line's comment.
bool editable(const model::HbaRecord& record, const hba::Token& token) {
  if (token.from_at_file || token.span.empty() || token.file != record.file->tree.file) return false;
  const auto& comments = line_of(record).comments;
  return std::none_of(comments.begin(), comments.end(), [&](Span comment) { return overlaps(comment, token.span); });
}

std::optional<engine::Fix> replace_token_fix(const model::HbaRecord& record, const hba::Token& token,
                                             std::string_view replacement, std::string description,
                                             engine::Applicability applicability) {
  if (!editable(record, token)) return std::nullopt;
  return engine::Fix{std::move(description),
                     {{token.span, std::string(replacement), record.file->tree.file}},
                     applicability};
}

// The end-of-line bytes the file uses: those of `line`, else of its first line, else "\n".
std::string line_ending(const SourceFile& file, Span line) {
  std::string_view text = file.text(line);
  if (text.ends_with("\r\n")) return "\r\n";
  if (text.ends_with("\n")) return "\n";
  std::size_t newline = file.text().find('\n');
  if (newline != std::string_view::npos && newline > 0 && file.text()[newline - 1] == '\r') return "\r\n";
  return "\n";
}

// A role name that needs no quoting and is no keyword, group (+), regex (/) or @file.
bool plain_role_name(std::string_view role) {
  static constexpr std::array keywords{"all", "sameuser", "samerole", "samegroup", "replication"};
  if (role.empty() || std::find(keywords.begin(), keywords.end(), role) != keywords.end()) return false;
  unsigned char first = static_cast<unsigned char>(role.front());
  if (!std::isalnum(first) && first != '_') return false;
  return std::all_of(role.begin(), role.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == '$';
  });
}

}  // namespace

std::optional<engine::Fix> replace_method_fix(const model::HbaRecord& record, std::string_view method,
                                              engine::Applicability applicability) {
  return replace_token_fix(record, record.record.method_token, method, fmt::format("use {}", method), applicability);
}

std::optional<engine::Fix> replace_type_fix(const model::HbaRecord& record, std::string_view type,
                                            engine::Applicability applicability) {
  return replace_token_fix(record, record.record.type_token, type, fmt::format("use {}", type), applicability);
}

engine::Fix comment_out_record_fix(const model::HbaRecord& record, engine::Applicability applicability) {
  const SourceFilePtr& file = record.file->tree.file;
  Span span = line_of(record).span;
  engine::Fix fix{"comment out the line", {}, applicability};
  // Each physical line of a continued line, so the result reads as a comment line by line.
  std::string_view text = file->text();
  std::size_t at = span.begin;
  while (at < span.end) {
    fix.edits.push_back(comment_out_line(file, at));
    std::size_t newline = text.find('\n', at);
    if (newline == std::string_view::npos) break;
    at = newline + 1;
  }
  return fix;
}

std::optional<engine::Fix> reject_role_before_fix(const model::HbaRecord& record, std::string_view databases,
                                                  std::string_view role, std::string_view why,
                                                  engine::Applicability applicability) {
  if (!plain_role_name(role)) return std::nullopt;
  const SourceFilePtr& file = record.file->tree.file;
  Span line = line_of(record).span;
  std::string eol = line_ending(*file, line);
  std::string text = fmt::format("# added by pglint fix: {}{}host {} {} all reject{}", why, eol, databases, role, eol);
  return engine::Fix{fmt::format("reject {} over the network", role), {{{line.begin, line.begin}, std::move(text), file}},
                     applicability};
}

}  // namespace pglint::rules
