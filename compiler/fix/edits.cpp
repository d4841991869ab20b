#include "compiler/fix/edits.hpp"

#include <algorithm>
#include <stdexcept>

namespace pglint::fix {

bool edits_overlap(const engine::Edit& a, const engine::Edit& b) {
  if (a.span.empty() && b.span.empty()) return false;  // both insert: applied in the order given
  if (a.span.empty()) return a.span.begin > b.span.begin && a.span.begin < b.span.end;
  if (b.span.empty()) return b.span.begin > a.span.begin && b.span.begin < a.span.end;
  return a.span.begin < b.span.end && b.span.begin < a.span.end;
}

std::string apply_edits(std::string_view text, std::vector<engine::Edit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const auto& edit : edits) {
    if (edit.span.begin < at || edit.span.end > text.size() || edit.span.begin > edit.span.end) {
      throw std::logic_error("overlapping or out-of-range edits");
    }
    out.append(text.substr(at, edit.span.begin - at));
    out.append(edit.replacement);
    at = edit.span.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace pglint::fix
