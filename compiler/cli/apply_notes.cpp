#include "compiler/cli/apply_notes.hpp"

namespace pglint::cli {

void add_apply_notes(const model::Deployment& deployment, std::vector<engine::Diagnostic>& diagnostics) {
  for (auto& d : diagnostics) {
    if (!d.apply.empty()) continue;
    for (const auto& set : deployment.conf_sets) {
      for (const auto& setting : set.settings) {
        if (setting.name.file->tree.file != d.file || !setting.entry.line_span.contains(d.span.begin)) continue;
        const catalog::Parameter* parameter = deployment.catalog->find(setting.entry.name);
        if (parameter && !parameter->is_internal()) d.apply = parameter->needs_restart() ? "restart" : "reload";
      }
    }
  }
}

}  // namespace pglint::cli
