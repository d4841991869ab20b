#include "compiler/syntax/conf/tree.hpp"

namespace pglint::conf {

std::string print(const Tree& tree) {
  std::string out;
  out.reserve(tree.file->text().size());
  for (const Line& line : tree.lines) {
    for (const Token& token : line.tokens) out += tree.file->text(token.span);
  }
  return out;
}

std::string decode_quoted_string(std::string_view quoted) {
  std::string out;
  if (quoted.size() < 2) return out;
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\\' && i + 1 < body.size()) {
      char escaped = body[++i];
      switch (escaped) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        default:
          if (escaped >= '0' && escaped <= '7') {
            // Up to three octal digits make one byte; larger values wrap as a C char does.
            unsigned value = 0;
            std::size_t digits = 0;
            while (digits < 3 && i + digits < body.size() && body[i + digits] >= '0' && body[i + digits] <= '7') {
              value = (value << 3) + static_cast<unsigned>(body[i + digits] - '0');
              ++digits;
            }
            i += digits - 1;
            out += static_cast<char>(value & 0xFF);
          } else {
            out += escaped;
          }
      }
    } else if (c == '\'' && i + 1 < body.size() && body[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else {
      out += c;
    }
  }
  // PostgreSQL keeps the value as a C string: a NUL byte ends it.
  if (auto nul = out.find('\0'); nul != std::string::npos) out.resize(nul);
  return out;
}

bool names_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

Entry Tree::entry(std::size_t line_index) const {
  const Line& line = lines.at(line_index);
  const Token& name = line.tokens.at(static_cast<std::size_t>(line.name));
  const Token& value = line.tokens.at(static_cast<std::size_t>(line.value));
  Entry entry;
  entry.name = file->text(name.span);
  entry.raw_value = file->text(value.span);
  entry.value = value.kind == TokenKind::String ? decode_quoted_string(entry.raw_value) : std::string(entry.raw_value);
  entry.name_span = name.span;
  entry.value_span = value.span;
  entry.line_span = line.span;
  entry.line_index = line_index;
  return entry;
}

std::vector<Entry> Tree::entries() const {
  std::vector<Entry> result;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind == LineKind::Entry) result.push_back(entry(i));
  }
  return result;
}

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::Eol: return "eol";
    case TokenKind::Whitespace: return "whitespace";
    case TokenKind::Comment: return "comment";
    case TokenKind::Id: return "id";
    case TokenKind::QualifiedId: return "qualified_id";
    case TokenKind::String: return "string";
    case TokenKind::UnquotedString: return "unquoted_string";
    case TokenKind::Integer: return "integer";
    case TokenKind::Real: return "real";
    case TokenKind::Equals: return "equals";
    case TokenKind::Error: return "error";
  }
  return "unknown";
}

}  // namespace pglint::conf
