#pragma once
// Every finding on a setting says what applying a change takes: a reload or a restart
// (from the parameter's pg_settings.context). Rules that report through
// report_setting() say it themselves; this fills it in for the others.
#include <vector>

#include "compiler/engine/diagnostic.hpp"
#include "compiler/model/deployment.hpp"

namespace pglint::pipeline {

void add_apply_notes(const model::Deployment& deployment, std::vector<engine::Diagnostic>& diagnostics);

}  // namespace pglint::pipeline
