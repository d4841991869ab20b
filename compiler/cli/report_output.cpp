// Printing a lint result: the chosen format, colour, the --output file, the exit code.
#include "compiler/cli/report_output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "rules/registry.hpp"

namespace pglint::cli {

namespace fs = std::filesystem;

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) != 0;
}

void write_report(std::ostream& out, const std::string& format, const std::vector<engine::Diagnostic>& diagnostics,
                  const report::Summary& summary, bool color) {
  if (format == "json") {
    report::write_json(out, diagnostics, summary);
  } else if (format == "sarif") {
    std::vector<const engine::RuleInfo*> infos;
    for (const auto& rule : rules::all_rules()) infos.push_back(&rule->info());
    report::write_sarif(out, diagnostics, infos, fs::current_path());
  } else if (format == "github") {
    report::write_github(out, diagnostics);
  } else {
    report::write_text(out, diagnostics, summary, {color});
  }
}

// Writes atomically: a temporary file renamed over the target, never half a report.
void write_output_file(const std::string& path, const std::string& content) {
  std::string temporary = path + ".pglint-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) throw pipeline::PipelineError(fmt::format("could not write \"{}\"", path));
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw pipeline::PipelineError(fmt::format("could not write \"{}\": {}", path, ec.message()));
  }
}

bool fails(const std::vector<engine::Diagnostic>& diagnostics, const std::string& fail_on) {
  if (fail_on == "never") return false;
  engine::Severity threshold = *engine::parse_severity(fail_on);
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const auto& d) { return d.severity >= threshold; });
}

int report_findings(const CheckOptions& options, const pipeline::LintPlan& plan,
                    const std::vector<engine::Diagnostic>& diagnostics, const report::Summary& summary) {
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

pipeline::LintRequest lint_request(const GlobalOptions& global, const CheckOptions& options) {
  pipeline::LintRequest request;
  request.paths = options.paths;
  if (global.kind) request.forced_kind = model::parse_file_kind(*global.kind);
  request.pg_version = global.pg_version;
  request.intent = options.intent;
  request.config = options.config;
  request.profile = options.profile;
  request.select = options.select;
  request.ignore = options.ignore;
  return request;
}

}  // namespace pglint::cli
