#pragma once
// A pg_ident.conf: user name maps that pg_hba.conf's map= options refer to.
#include <vector>

#include "compiler/syntax/ident/record.hpp"
#include "compiler/source/source_file.hpp"

namespace pglint::model {

struct IdentSet {
  hba::AuthFile tree;
  std::vector<ident::Mapping> mappings;
  std::vector<ident::MappingError> problems;
};

IdentSet load_ident_set(const SourceFilePtr& file, int major);

}  // namespace pglint::model
