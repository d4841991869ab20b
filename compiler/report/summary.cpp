#include "compiler/report/report.hpp"

namespace pglint::report {

Summary summarize(const std::vector<engine::Diagnostic>& diagnostics, std::size_t files) {
  Summary summary;
  summary.files = files;
  for (const auto& diagnostic : diagnostics) {
    switch (diagnostic.severity) {
      case engine::Severity::Error: ++summary.errors; break;
      case engine::Severity::Warning: ++summary.warnings; break;
      case engine::Severity::Info: ++summary.infos; break;
    }
    if (diagnostic.fix && !diagnostic.fix->edits.empty()) {
      ++(diagnostic.fix->applicability == engine::Applicability::Safe ? summary.fixable_safe : summary.fixable_unsafe);
    }
  }
  return summary;
}

}  // namespace pglint::report
