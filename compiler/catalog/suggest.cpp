#include "compiler/catalog/suggest.hpp"

#include <algorithm>
#include <vector>

namespace pglint::catalog {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Levenshtein distance with adjacent transpositions (optimal string alignment).
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string> suggest_parameter(const Catalog& catalog, std::string_view name) {
  std::string folded = fold_name(name);
  // Allow about one mistake in four letters, at least one and at most three.
  std::size_t budget = std::clamp<std::size_t>(folded.size() / 4, 1, 3);
  std::optional<std::string> best;
  std::size_t best_distance = budget + 1;
  for (const auto& [key, parameter] : catalog.parameters()) {
    if (parameter.hidden) continue;
    std::size_t distance = edit_distance(folded, key);
    if (distance < best_distance) {
      best_distance = distance;
      best = parameter.name;
    }
  }
  return best;
}

}  // namespace pglint::catalog
