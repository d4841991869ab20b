#pragma once
// PostgreSQL's list splitters used by parameter check hooks (utils/adt/varlena.c).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pglint::catalog {

// SplitIdentifierString: comma-separated identifiers, "quoted" names keep their case,
// unquoted names are lower-cased and truncated to 63 bytes. nullopt = invalid syntax.
std::optional<std::vector<std::string>> split_identifier_string(std::string_view text, char separator = ',');

// SplitGUCList: the same syntax, but names are neither lower-cased nor truncated.
std::optional<std::vector<std::string>> split_guc_list(std::string_view text, char separator = ',');

// scanner_isspace: the white space of PostgreSQL's SQL scanner.
bool scanner_isspace(char c);

}  // namespace pglint::catalog
