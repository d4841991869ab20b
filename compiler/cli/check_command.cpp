// pglint check: read the deployment, run the rules, apply suppressions and project
// configuration, report, and exit 0/1/2.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "compiler/cli/commands.hpp"
#include "compiler/cli/report_output.hpp"
#include "compiler/pipeline/lint.hpp"
#include "compiler/report/report.hpp"
#include "rules/registry.hpp"

namespace pglint::cli {

namespace {

namespace fs = std::filesystem;

int check(const GlobalOptions& global, const CheckOptions& options) {
  pipeline::LintPlan plan = pipeline::plan_lint(lint_request(global, options));
  pipeline::LintResult result = pipeline::run_lint(plan);
  report::Summary summary = report::summarize(result.diagnostics, result.file_count);
  return report_findings(options, plan, result.diagnostics, summary);
}

}  // namespace

int run_check(const GlobalOptions& global, const CheckOptions& options) {
  try {
    return check(global, options);
  } catch (const pipeline::PipelineError& e) {
    std::cerr << "pglint: error: " << e.what() << '\n';
    return exit_failure;
  }
}

}  // namespace pglint::cli
