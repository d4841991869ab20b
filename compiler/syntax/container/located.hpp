#pragma once
// What the container readers (docker-compose, Dockerfile) share: located values, environment
// variables, server settings passed on a command line, and how a PostgreSQL image is recognised.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/source/source_file.hpp"

namespace pglint::container {

// A value (unquoted, but otherwise as written: no ${VAR} interpolation) and the bytes it came
// from; for a quoted value the span includes the quotes.
struct Located {
  std::string text;
  Span span;
};

struct EnvVar {
  std::string name;
  std::optional<std::string> value;  // nullopt: named without a value ("- FOO", "FOO:", "ARG FOO")
  Span span;                         // the whole definition
  Span value_span;                   // the value as written; empty (at the end of the name) without one
  bool build_arg = false;            // Dockerfile ARG rather than ENV
};

// "-c name=value" (or "--name=value") on a postgres command line: the name and the value, located.
using ServerSetting = std::pair<Located, Located>;

// 1-based line and column, like every other pglint position.
struct ReadError {
  std::string message;
  std::size_t line = 1;
  std::size_t column = 1;
  Span span;
};

// An environment variable whose value is a password: its name ends with PASSWORD
// (POSTGRES_PASSWORD, PGPASSWORD, REPLICATION_PASSWORD; not POSTGRES_PASSWORD_FILE).
bool is_secret_name(std::string_view name);

// Marks what holds a secret on `file`, so that every output masks it: the value of a variable
// named like a password, and any value holding a conninfo password or a postgres:// URI with one
// (DATABASE_URL, -c primary_conninfo=...). The whole value is marked: YAML and shell quoting may
// move the secret's bytes away from where the decoded text has them.
void mark_secrets(const SourceFile& file, const EnvVar& variable);
void mark_secrets(const SourceFile& file, const ServerSetting& setting);

// An image that runs a PostgreSQL server: postgres, postgis, timescaledb, pgvector, citus,
// bitnami/postgresql, spilo, supabase/postgres... but not postgrest, exporters, pgadmin,
// pgbouncer or backup tools. ${VAR:-default} is read as its default, other variables as empty.
bool is_postgres_image(std::string_view image);

// A command's first word names the postgres server binary ("postgres", "/usr/lib/.../postgres").
bool is_postgres_command(const std::vector<Located>& command);

// The "-c name=value", "-cname=value" and "--name=value" arguments of a command, each name and
// value located in `file` (inside the argument's span when the argument is written unquoted or
// quoted as a whole; else the argument's span).
std::vector<ServerSetting> server_settings(const SourceFile& file, const std::vector<Located>& command);

// Splits a command line into words the way a shell would (quotes, backslashes; no expansion).
// `offsets[i]` is the source offset of text[i] (text.size() + 1 entries: the last is the end);
// each word's span runs from its first to its last source byte, quotes included.
std::vector<Located> split_words(std::string_view text, const std::vector<std::size_t>& offsets);

// The part of `located.span` that holds `located.text.substr(begin, length)`, when the text
// appears verbatim in the source; else the whole span.
Span sub_span(const SourceFile& file, const Located& located, std::size_t begin, std::size_t length);

ReadError make_error(const SourceFile& file, std::string message, Span span);

}  // namespace pglint::container
