#pragma once
// Finds secrets written into setting values: `password=...` in libpq connection strings
// (primary_conninfo ...), the password of a postgresql:// URI, PGPASSWORD=... and
// --password=... in commands (archive_command, restore_command ...).
#include <string_view>
#include <vector>

#include "compiler/source/span.hpp"

namespace pglint {

// Byte ranges of the secret parts, relative to `text`.
std::vector<Span> find_secret_ranges(std::string_view text);

}  // namespace pglint
