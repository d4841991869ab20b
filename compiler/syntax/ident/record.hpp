#pragma once
// A pg_ident.conf mapping (map-name system-user pg-user), as parse_ident_line reads it.
#include <string>
#include <variant>

#include "compiler/syntax/hba/tree.hpp"

namespace pglint::ident {

struct Mapping {
  std::size_t line_index = 0;
  hba::Token map;
  hba::Token system_user;
  hba::Token pg_user;
};

struct MappingError {
  std::size_t line_index = 0;
  std::string message;
  Span span;
};

std::variant<Mapping, MappingError> parse_mapping(const hba::AuthFile& file, std::size_t line_index, int major);

// 16+: `include`, `include_if_exists` and `include_dir` lines (two fields).
bool is_include_line(const hba::LogicalLine& line, int major);

}  // namespace pglint::ident
