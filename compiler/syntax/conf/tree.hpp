#pragma once
// Lossless syntax tree of a postgresql.conf-format file (postgresql.conf,
// postgresql.auto.conf, conf.d fragments). Every byte of the file belongs to exactly
// one token of exactly one line, including the bytes of lines PostgreSQL rejects.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source_file.hpp"

namespace pglint::conf {

enum class TokenKind { Eol, Whitespace, Comment, Id, QualifiedId, String, UnquotedString, Integer, Real, Equals, Error };

struct Token {
  TokenKind kind;
  Span span;
};

enum class LineKind {
  Blank,  // empty, white space, or a comment only
  Entry,  // name [=] value
  Error,  // anything PostgreSQL's parser rejects
};

struct SyntaxError {
  Span at;              // the offending token, or the end of the line
  std::string message;  // PostgreSQL's wording, without the file and line prefix
};

struct Line {
  Span span;                  // the whole physical line, '\n' included when present
  std::vector<Token> tokens;  // cover `span` exactly, in order, trivia included
  LineKind kind = LineKind::Blank;
  // Indices into `tokens` for entries; -1 when absent.
  int name = -1;
  int equals = -1;
  int value = -1;
  int comment = -1;  // a trailing or whole-line comment
  std::optional<SyntaxError> error;
};

// One `name = value` setting or include directive, as the model sees it.
struct Entry {
  std::string name;            // as written
  std::string raw_value;       // the value token as written (quotes included)
  std::string value;           // the value PostgreSQL uses: de-escaped, NUL-truncated
  Span name_span;
  Span value_span;
  Span line_span;
  std::size_t line_index = 0;  // into Tree::lines
};

struct Tree {
  SourceFilePtr file;
  std::vector<Line> lines;

  [[nodiscard]] std::vector<Entry> entries() const;
  [[nodiscard]] Entry entry(std::size_t line_index) const;
};

Tree parse(SourceFilePtr file);

// The file's bytes, re-assembled from the tree's tokens.
std::string print(const Tree& tree);

// PostgreSQL's DeescapeQuotedString: strips the quotes, '' -> ', \b \f \n \r \t,
// \ooo octal bytes, \x -> x; the result stops at the first NUL byte.
std::string decode_quoted_string(std::string_view quoted);

// Case-insensitive ASCII comparison, as guc_name_compare does for parameter names.
bool names_equal(std::string_view a, std::string_view b);

std::string_view token_kind_name(TokenKind kind);

}  // namespace pglint::conf
