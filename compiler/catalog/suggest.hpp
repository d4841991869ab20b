#pragma once
// "Did you mean": the closest parameter name by edit distance.
#include <optional>
#include <string>
#include <string_view>

#include "compiler/catalog/catalog.hpp"

namespace pglint::catalog {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The catalogue name closest to `name`, when it is close enough to be a plausible typo.
std::optional<std::string> suggest_parameter(const Catalog& catalog, std::string_view name);

}  // namespace pglint::catalog
