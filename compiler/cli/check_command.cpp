#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "compiler/cli/commands.hpp"
#include "compiler/cli/load_deployment.hpp"
#include "compiler/engine/engine.hpp"
#include "compiler/report/report.hpp"
#include "rules/registry.hpp"

namespace pglint::cli {

namespace {

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) != 0;
}

bool fails(const std::vector<engine::Diagnostic>& diagnostics, const std::string& fail_on) {
  if (fail_on == "never") return false;
  engine::Severity threshold = *engine::parse_severity(fail_on);
  for (const auto& d : diagnostics) {
    if (d.severity >= threshold) return true;
  }
  return false;
}

std::vector<const engine::Rule*> enabled_rules() {
  std::vector<const engine::Rule*> list;
  for (const auto& rule : rules::all_rules()) list.push_back(rule.get());
  return list;
}

}  // namespace

int run_check(const GlobalOptions& global, const CheckOptions& options) {
  std::optional<model::FileKind> kind;
  if (global.kind) kind = model::parse_file_kind(*global.kind);
  std::vector<InputError> errors;
  std::vector<InputFile> inputs = collect_inputs(options.paths, kind, errors);
  int major = global.pg_version.value_or(catalog::newest_supported_major);
  LoadResult loaded = load_deployment(inputs, major, errors);
  if (!errors.empty()) {
    for (const auto& error : errors) std::cerr << "pglint: error: " << error.message << '\n';
    return exit_failure;
  }
  std::vector<engine::Diagnostic> diagnostics = engine::run_rules(loaded.deployment, enabled_rules());
  report::Summary summary = report::summarize(diagnostics, loaded.file_count);
  if (options.format == "json") {
    report::write_json(std::cout, diagnostics, summary);
  } else {
    report::write_text(std::cout, diagnostics, summary, {use_color()});
  }
  std::cout.flush();
  return fails(diagnostics, options.fail_on) ? exit_findings : exit_clean;
}

}  // namespace pglint::cli
