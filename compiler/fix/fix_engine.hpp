#pragma once
// The fix engine: lint, apply the fixes that do not overlap, re-lint the edited buffers
// through an in-memory overlay, and repeat until nothing changes. Nothing touches the disk
// here: the result says what each file would become (see write_files.hpp).
#include <filesystem>
#include <string>
#include <vector>

#include "compiler/pipeline/lint.hpp"

namespace pglint::fix {

struct FixOptions {
  bool unsafe_fixes = false;
  int max_passes = 10;
};

struct FileChange {
  std::filesystem::path path;  // as read (may be relative, may be a symlink)
  std::string display;
  std::string before;  // the bytes read at the start
  std::string after;
  // The same with every secret (passwords in conninfo strings, ...) masked: what a diff may show.
  std::string before_masked;
  std::string after_masked;
};

struct FixRecord {
  std::string rule_id;
  std::string display;  // the file of the finding
  std::size_t line = 0;  // in the file as it was when the fix was applied
  std::string description;
  std::string reason;  // for a rejected fix: why
};

struct FixResult {
  std::vector<FileChange> changes;    // files whose bytes differ, in the order read
  std::vector<FixRecord> applied;
  std::vector<FixRecord> rejected;    // fixes rolled back: they made a file invalid
  pipeline::LintResult remaining;     // the findings of the fixed buffers
  int passes = 0;
};

// Throws pipeline::PipelineError like run_lint.
FixResult fix_deployment(const pipeline::LintPlan& plan, const FixOptions& options);

// Whether a finding's fix would be applied under `unsafe_fixes`.
bool fix_applies(const engine::Diagnostic& diagnostic, bool unsafe_fixes);

}  // namespace pglint::fix
