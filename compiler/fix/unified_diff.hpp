#pragma once
// Unified diffs of whole files, as `git diff` prints them (`--- a/PATH`, `+++ b/PATH`,
// three lines of context), so that `git apply` and `patch -p1` take them. The edit script
// comes from dtl (Debian's libdtl-dev, Wu's O(NP) algorithm); the hunks are grouped here.
#include <string>
#include <string_view>

namespace pglint::fix {

// "" when the texts are equal. `path` is the path both headers name (after a/ and b/).
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace pglint::fix
