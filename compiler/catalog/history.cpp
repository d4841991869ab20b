#include "compiler/catalog/history.hpp"

#include "compiler/catalog/catalog.hpp"

namespace pglint::catalog {

NameHistory name_history(std::string_view name) {
  NameHistory history;
  for (int major : catalog_majors()) {
    const Catalog* catalog = catalog_for(major);
    // Parameters only some builds have (Debian patches, newer minor releases) say
    // nothing about when a name was added or removed.
    const Parameter* parameter = catalog ? catalog->find(name) : nullptr;
    if (parameter && !parameter->build_dependent) history.majors.push_back(major);
  }
  std::string folded = fold_name(name);
  for (const Rename& rename : renames()) {
    if (fold_name(rename.from) == folded) {
      history.successor = rename.to;
      history.renamed_in = rename.in;
    }
  }
  return history;
}

std::optional<int> removed_after(std::string_view name, int major) {
  for (int later : catalog_majors()) {
    if (later <= major) continue;
    const Catalog* catalog = catalog_for(later);
    if (!catalog) continue;
    const Parameter* parameter = catalog->find(name);
    if (!parameter) return later;
  }
  return std::nullopt;
}

}  // namespace pglint::catalog
