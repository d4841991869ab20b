// Line grammar of postgresql.conf, as ParseConfigFp in guc-file.l reads it:
//   line := EOL | name [ '=' ] value ( EOL | EOF )
//   name := ID | QUALIFIED_ID ; value := ID | STRING | INTEGER | REAL | UNQUOTED_STRING
// On an error PostgreSQL skips to the next end of line, so every line is parsed alone.
#include <fmt/format.h>

#include "compiler/syntax/conf/lexer.hpp"
#include "compiler/syntax/conf/tree.hpp"

namespace pglint::conf {

namespace {

bool is_trivia(TokenKind kind) { return kind == TokenKind::Whitespace || kind == TokenKind::Comment; }

bool is_name(TokenKind kind) { return kind == TokenKind::Id || kind == TokenKind::QualifiedId; }

bool is_value(TokenKind kind) {
  return kind == TokenKind::Id || kind == TokenKind::String || kind == TokenKind::Integer ||
         kind == TokenKind::Real || kind == TokenKind::UnquotedString;
}

// Lexes one physical line starting at `begin`: the tokens up to and including its '\n'.
Line lex_line(std::string_view text, std::size_t begin) {
  Line line;
  std::size_t offset = begin;
  while (offset < text.size()) {
    Token token = next_token(text, offset);
    line.tokens.push_back(token);
    offset = token.span.end;
    if (token.kind == TokenKind::Eol) break;
  }
  line.span = {begin, offset};
  return line;
}

// Walks the significant tokens of a lexed line and classifies it.
class LineParser {
 public:
  LineParser(std::string_view text, Line& line) : text_(text), line_(line) {}

  void run() {
    for (std::size_t i = 0; i < line_.tokens.size(); ++i) {
      if (line_.tokens[i].kind == TokenKind::Comment) line_.comment = static_cast<int>(i);
    }
    int token = next();
    if (token < 0 || kind(token) == TokenKind::Eol) return;  // blank or comment-only
    if (!is_name(kind(token))) return fail(token);
    line_.name = token;
    token = next();
    if (token >= 0 && kind(token) == TokenKind::Equals) {
      line_.equals = token;
      token = next();
    }
    if (token < 0 || !is_value(kind(token))) return fail(token);
    line_.value = token;
    token = next();
    if (token >= 0 && kind(token) != TokenKind::Eol) return fail(token);
    line_.kind = LineKind::Entry;
  }

 private:
  // Index of the next significant token, or -1 at the end of the file.
  int next() {
    while (position_ < line_.tokens.size() && is_trivia(line_.tokens[position_].kind)) ++position_;
    if (position_ == line_.tokens.size()) return -1;
    return static_cast<int>(position_++);
  }

  [[nodiscard]] TokenKind kind(int index) const { return line_.tokens[static_cast<std::size_t>(index)].kind; }

  void fail(int token) {
    line_.kind = LineKind::Error;
    line_.name = line_.equals = line_.value = -1;
    if (token < 0 || kind(token) == TokenKind::Eol) {
      std::size_t end = token < 0 ? line_.span.end : line_.tokens[static_cast<std::size_t>(token)].span.begin;
      line_.error = SyntaxError{{end, end}, "syntax error, near end of line"};
      return;
    }
    Span span = line_.tokens[static_cast<std::size_t>(token)].span;
    line_.error = SyntaxError{span, fmt::format("syntax error, near token \"{}\"", text_.substr(span.begin, span.size()))};
  }

  std::string_view text_;
  Line& line_;
  std::size_t position_ = 0;
};

}  // namespace

Tree parse(SourceFilePtr file) {
  Tree tree;
  tree.file = file;
  std::string_view text = file->text();
  std::size_t offset = 0;
  while (offset < text.size()) {
    Line line = lex_line(text, offset);
    LineParser(text, line).run();
    offset = line.span.end;
    tree.lines.push_back(std::move(line));
  }
  return tree;
}

}  // namespace pglint::conf
