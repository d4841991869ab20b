#pragma once
#include <string_view>

#include "compiler/syntax/conf/tree.hpp"

namespace pglint::conf {

// The next token of `text` starting at `offset`, as PostgreSQL's flex scanner picks it:
// the longest match over all token classes, the earliest class on a tie.
// Requires offset < text.size().
Token next_token(std::string_view text, std::size_t offset);

}  // namespace pglint::conf
