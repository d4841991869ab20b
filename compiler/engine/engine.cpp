#include "compiler/engine/engine.hpp"

#include <algorithm>
#include <tuple>

namespace pglint::engine {

std::vector<Diagnostic> run_rules(const model::Deployment& deployment, const std::vector<const Rule*>& rules) {
  std::vector<Diagnostic> diagnostics;
  DiagnosticSink sink(diagnostics);
  for (const Rule* rule : rules) {
    sink.set_rule(&rule->info());
    rule->check(deployment, sink);
  }
  sort_diagnostics(diagnostics);
  return diagnostics;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file->display_path(), a.span.begin, a.rule_id) <
           std::tie(b.file->display_path(), b.span.begin, b.rule_id);
  });
}

}  // namespace pglint::engine
