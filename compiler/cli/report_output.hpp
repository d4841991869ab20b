#pragma once
// Printing a lint result, shared by check and fix: the chosen format, colour, the --output
// file, and the exit code the findings give.
#include <ostream>
#include <string>
#include <vector>

#include "compiler/cli/commands.hpp"
#include "compiler/pipeline/lint.hpp"
#include "compiler/report/report.hpp"

namespace pglint::cli {

// Colour on a terminal, unless NO_COLOR is set.
bool use_color();

void write_report(std::ostream& out, const std::string& format, const std::vector<engine::Diagnostic>& diagnostics,
                  const report::Summary& summary, bool color);

// Writes atomically: a temporary file renamed over the target, never half a report.
void write_output_file(const std::string& path, const std::string& content);

// Whether any finding is at or above `fail_on` (error|warning|info; never: none).
bool fails(const std::vector<engine::Diagnostic>& diagnostics, const std::string& fail_on);

// Prints the findings in the chosen format (to --output too) and returns the exit code they give
// under --fail-on (else the config's fail-on, else warning).
int report_findings(const CheckOptions& options, const pipeline::LintPlan& plan,
                    const std::vector<engine::Diagnostic>& diagnostics, const report::Summary& summary);

// The pipeline's request from the command line's options.
pipeline::LintRequest lint_request(const GlobalOptions& global, const CheckOptions& options);

}  // namespace pglint::cli
