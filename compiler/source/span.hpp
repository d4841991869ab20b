#pragma once
// A half-open byte range [begin, end) in one source file. Diagnostics, tree nodes and
// fixes all speak in byte offsets; lines and columns are computed only when rendering.
#include <cstddef>

namespace pglint {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  [[nodiscard]] std::size_t size() const { return end - begin; }
  [[nodiscard]] bool empty() const { return begin == end; }
  [[nodiscard]] bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace pglint
