#include "compiler/pipeline/apply_notes.hpp"

#include <algorithm>
#include <map>

namespace pglint::pipeline {

void add_apply_notes(const model::Deployment& deployment, std::vector<engine::Diagnostic>& diagnostics) {
  // Settings by file, in file order, so each finding finds its line by binary search.
  std::map<const SourceFile*, std::vector<const model::Setting*>> by_file;
  for (const auto& set : deployment.conf_sets) {
    for (const auto& setting : set.settings) by_file[setting.name.source.get()].push_back(&setting);
  }
  for (auto& [file, settings] : by_file) {
    std::sort(settings.begin(), settings.end(),
              [](const auto* a, const auto* b) { return a->entry.line_span.begin < b->entry.line_span.begin; });
  }
  for (auto& d : diagnostics) {
    if (!d.apply.empty()) continue;
    auto it = by_file.find(d.file.get());
    if (it == by_file.end()) continue;
    const auto& settings = it->second;
    auto after = std::upper_bound(settings.begin(), settings.end(), d.span.begin,
                                  [](std::size_t offset, const auto* s) { return offset < s->entry.line_span.begin; });
    if (after == settings.begin()) continue;
    const model::Setting* setting = *std::prev(after);
    if (!setting->entry.line_span.contains(d.span.begin)) continue;
    const catalog::Parameter* parameter = deployment.catalog->find(setting->entry.name);
    if (parameter && !parameter->is_internal()) d.apply = parameter->needs_restart() ? "restart" : "reload";
  }
}

}  // namespace pglint::pipeline
