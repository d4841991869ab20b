#pragma once
// The one pipeline: load a deployment through a file provider, run the rules, and finish the
// findings (suppression comments, selection, .pglint.toml, reload/restart notes, masking,
// order). `check`, `fix`, `compile` and the tests all call it; the CLI only prints.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/engine/diagnostic.hpp"
#include "compiler/engine/rule.hpp"
#include "compiler/model/deployment.hpp"
#include "compiler/pipeline/config.hpp"
#include "compiler/pipeline/inputs.hpp"
#include "compiler/source/file_provider.hpp"
#include "compiler/syntax/intent/intent.hpp"

namespace pglint::pipeline {

// A run that cannot proceed: a usage error, an unreadable input, a bad intent or config
// file. The message names the file (and line); the CLI exits 2 with it.
struct PipelineError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What the user asked for, as given on the command line.
struct LintRequest {
  std::vector<std::string> paths;
  std::optional<model::FileKind> forced_kind;
  std::optional<int> pg_version;
  std::optional<std::string> intent;   // --intent
  std::optional<std::string> config;   // --config
  std::optional<std::string> profile;  // --profile
  std::vector<std::string> select;
  std::vector<std::string> ignore;
};

// The request resolved once: configuration, intent, the files to read and the rules to run.
// Loading and linting it again (through another overlay) gives the findings of edited buffers.
struct LintPlan {
  Config config;
  std::optional<intent::Intent> intent;
  std::vector<InputFile> inputs;
  std::optional<int> pg_major;
  model::Profile profile = model::Profile::Balanced;
  std::vector<const engine::Rule*> rules;
};

struct LintResult {
  model::Deployment deployment;
  std::vector<engine::Diagnostic> diagnostics;  // finished and sorted
  std::size_t file_count = 0;                   // files read, the intent included
  std::vector<SourceFilePtr> files;             // every file read, in the order read
};

// Throws PipelineError.
LintPlan plan_lint(const LintRequest& request);
LintResult run_lint(const LintPlan& plan, const FileProvider& files = disk_files());

// Every file a deployment was read from.
std::vector<SourceFilePtr> files_read(const model::Deployment& deployment);

}  // namespace pglint::pipeline
