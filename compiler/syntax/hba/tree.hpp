#pragma once
// Lossless tree of an authentication file (pg_hba.conf, pg_ident.conf): logical lines
// (physical lines joined by backslash continuations in 14+) that cover every byte, each
// split into fields of comma-separated tokens the way hba.c's next_token does it.
#include <optional>
#include <string>
#include <vector>

#include "compiler/source/file_provider.hpp"
#include "compiler/source/source_file.hpp"

namespace pglint::hba {

struct Token {
  std::string text;     // de-quoted
  bool quoted = false;  // a quote came before the first character: "all" is not the keyword
  Span span;            // in `file`
  SourceFilePtr file;   // the file the token was read from (an @file for expanded tokens)
  bool from_at_file = false;
};

using Field = std::vector<Token>;

struct LogicalLine {
  Span span;                     // physical lines included, their end-of-line bytes too
  std::size_t line_number = 0;   // of the first physical line, 1-based
  std::vector<Field> fields;     // empty for blank and comment lines
  // The comment: from an unquoted '#' to the end of the logical line, one span per physical
  // line it covers (a comment ending in '\' swallows the next line in 14+). Line endings and
  // continuation backslashes are not part of it. Empty without a comment, and after a
  // tokenizing error (the rest of the line is not read).
  std::vector<Span> comments;
  std::optional<std::string> error;  // an error found while tokenizing (@file missing ...)
  Span error_span;
};

struct AuthFile {
  SourceFilePtr file;
  std::vector<LogicalLine> lines;
};

struct TokenizeOptions {
  int major = 18;
  int at_file_depth = 0;  // nesting of @file references
  const FileProvider* files = nullptr;  // where @files are read from (the disk when null)
};

// Splits a file into logical lines and fields; expands @file references relative to
// the file's directory.
AuthFile tokenize(SourceFilePtr file, const TokenizeOptions& options);

// The file's bytes, re-assembled from the tree.
std::string print(const AuthFile& file);

// Whether the token is the unquoted keyword `keyword`.
inline bool is_keyword(const Token& token, std::string_view keyword) { return !token.quoted && token.text == keyword; }

}  // namespace pglint::hba
