#pragma once
// Byte edits on one file's original bytes: choosing a set that does not overlap, and
// applying it. Every byte outside the edited ranges is kept as it was.
#include <string>
#include <string_view>
#include <vector>

#include "compiler/engine/diagnostic.hpp"

namespace pglint::fix {

// Whether two edits of the same file touch the same bytes. Insertions at one offset do not
// overlap: they are applied in the order given (the findings' order), so the result is stable.
bool edits_overlap(const engine::Edit& a, const engine::Edit& b);

// `text` with `edits` applied; edits must not overlap. Insertions at one offset keep their order.
std::string apply_edits(std::string_view text, std::vector<engine::Edit> edits);

}  // namespace pglint::fix
