#pragma once
// Runs the rules over a deployment and returns their findings in a stable order.
#include <vector>

#include "compiler/engine/diagnostic.hpp"
#include "compiler/engine/rule.hpp"

namespace pglint::engine {

std::vector<Diagnostic> run_rules(const model::Deployment& deployment, const std::vector<const Rule*>& rules);

// Orders findings by file, then position, then rule id.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace pglint::engine
