// pglint fix: apply the fixes of the findings, in place or as a unified diff, then report
// what remains and exit as check would on it.
#include <fmt/format.h>

#include <iostream>

#include "compiler/cli/commands.hpp"
#include "compiler/cli/report_output.hpp"
#include "compiler/fix/fix_engine.hpp"
#include "compiler/fix/unified_diff.hpp"
#include "compiler/fix/write_files.hpp"

namespace pglint::cli {

namespace {

namespace fs = std::filesystem;

// The path a diff names: relative to the current directory, as git prints it.
std::string diff_path(const fix::FileChange& change) {
  std::error_code ec;
  fs::path absolute = fs::absolute(change.path, ec).lexically_normal();
  fs::path relative = absolute.lexically_relative(fs::current_path(ec));
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return fs::path(change.display).lexically_normal().generic_string();
}

void print_records(std::ostream& out, const std::vector<fix::FixRecord>& records, std::string_view verb) {
  for (const auto& r : records) {
    out << fmt::format("{} {}:{}: [{}] {}{}\n", verb, sanitize_utf8(r.display), r.line, r.rule_id,
                       sanitize_utf8(r.description), r.reason.empty() ? "" : " (" + sanitize_utf8(r.reason) + ")");
  }
}

int fix(const GlobalOptions& global, const FixCommandOptions& options) {
  const CheckOptions& check = options.check;
  pipeline::LintPlan plan = pipeline::plan_lint(lint_request(global, check));
  fix::FixOptions fix_options;
  fix_options.unsafe_fixes = options.unsafe_fixes;
  fix::FixResult result = fix::fix_deployment(plan, fix_options);
  bool text = check.format == "text";
  // Reports that are documents (json, sarif) own stdout; the account of fixes goes to stderr.
  std::ostream& notes = text && !options.diff ? std::cout : std::cerr;
  print_records(notes, result.rejected, "Not fixed");

  if (options.diff) {
    // Secrets never reach the output: a hunk that shows one shows it masked (and so will not apply).
    std::string diff;
    bool masked = false;
    for (const auto& change : result.changes) {
      diff += fix::unified_diff(diff_path(change), change.before_masked, change.after_masked);
      masked = masked || change.before_masked != change.before || change.after_masked != change.after;
    }
    std::cout << diff;
    std::cout.flush();
    std::cerr << fmt::format("{} fix{} would change {} file{}.\n", result.applied.size(),
                             result.applied.size() == 1 ? "" : "es", result.changes.size(),
                             result.changes.size() == 1 ? "" : "s");
    if (masked) {
      std::cerr << "note: the diff masks secrets with '*'; hunks that show one will not apply: use pglint fix\n";
    }
    return diff.empty() ? exit_clean : exit_findings;
  }

  fix::write_changes(result.changes);
  print_records(notes, result.applied, "Fixed");
  if (!result.applied.empty()) notes << '\n';
  const auto& diagnostics = result.remaining.diagnostics;
  report::Summary summary = report::summarize(diagnostics, result.remaining.file_count);
  summary.fixed = result.applied.size();
  return report_findings(check, plan, diagnostics, summary);
}

}  // namespace

int run_fix(const GlobalOptions& global, const FixCommandOptions& options) {
  try {
    return fix(global, options);
  } catch (const pipeline::PipelineError& e) {
    std::cerr << "pglint: error: " << e.what() << '\n';
    return exit_failure;
  }
}

}  // namespace pglint::cli
