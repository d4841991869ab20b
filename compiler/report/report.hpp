#pragma once
// Output formats. Each takes the findings and writes one complete document.
#include <ostream>
#include <vector>

#include "compiler/engine/diagnostic.hpp"

namespace pglint::report {

struct Summary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
};

Summary summarize(const std::vector<engine::Diagnostic>& diagnostics, std::size_t files);

struct TextOptions {
  bool color = false;
};

void write_text(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics, const Summary& summary,
                const TextOptions& options);
void write_json(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics, const Summary& summary);

}  // namespace pglint::report
