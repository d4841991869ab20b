#pragma once
// What the catalogues of all versions say about a parameter name: in which majors it
// exists, when it was removed or added, and what replaced it. Derived from the
// generated catalogues (schemas/catalog/pg*.json), plus renames.json for successors.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pglint::catalog {

struct NameHistory {
  std::vector<int> majors;          // majors whose catalogue knows the name (aliases included)
  std::optional<std::string> successor;  // the new name, when it was renamed
  std::optional<int> renamed_in;
};

NameHistory name_history(std::string_view name);

// The first major after `major` that no longer knows `name`, if it was removed later.
std::optional<int> removed_after(std::string_view name, int major);

}  // namespace pglint::catalog
