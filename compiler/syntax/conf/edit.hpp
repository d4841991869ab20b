#pragma once
// Writing into a postgresql.conf-format file without disturbing it: how to spell a value,
// where a new line for a parameter goes, and the bytes of such a line.
#include <string>
#include <string_view>

#include "compiler/syntax/conf/tree.hpp"

namespace pglint::conf {

// The literal for `value`: bare when PostgreSQL reads it back as the same value (a name, or an
// integer with its unit such as 512MB), else single-quoted with quotes and backslashes escaped.
std::string value_literal(std::string_view value);

// The offset where a line setting `name` should be inserted: after its commented-out default
// (`#name = ...`, as in postgresql.conf.sample), else after the last line setting a parameter of
// its family (`ssl_ciphers` for `ssl_min_protocol_version`, `log_*` for `log_connections`),
// else at the end of the file.
std::size_t insertion_point(const Tree& tree, std::string_view name);

// The bytes to insert at `offset` for `name = literal` with a trailing comment: the file's
// own line ending (CRLF or LF), and a newline first when `offset` ends a last line that has none.
// The comment must not start with "pglint:" (that would be a suppression directive).
std::string inserted_line(const Tree& tree, std::size_t offset, std::string_view name, std::string_view literal,
                          std::string_view comment);

// The line ending the file uses ("\r\n" when its first line ends so, else "\n").
std::string_view line_ending(std::string_view text);

}  // namespace pglint::conf
