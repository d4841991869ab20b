// pglint check: read the deployment, run the rules, apply suppressions and project
// configuration, report, and exit 0/1/2.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

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
  const auto& diagnostics = result.diagnostics;
  report::Summary summary = report::summarize(diagnostics, result.file_count);
  if (options.output) {
    std::ostringstream buffer;
    write_report(buffer, options.format, diagnostics, summary, false);
    write_output_file(*options.output, buffer.str());
    if (options.format != "text") write_report(std::cout, "text", diagnostics, summary, use_color());
  } else {
    write_report(std::cout, options.format, diagnostics, summary, options.format == "text" && use_color());
  }
  std::cout.flush();
  std::string fail_on = options.fail_on.value_or(plan.config.fail_on.value_or("warning"));
  return fails(diagnostics, fail_on) ? exit_findings : exit_clean;
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
