#pragma once
// Output formats. Each takes the findings and writes one complete document.
#include <filesystem>
#include <ostream>
#include <string_view>
#include <vector>

#include "compiler/engine/diagnostic.hpp"

namespace pglint::engine {
struct RuleInfo;
}

namespace pglint::report {

struct Summary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t fixable_safe = 0;    // findings `pglint fix` would fix
  std::size_t fixable_unsafe = 0;  // findings only `pglint fix --unsafe-fixes` would fix
  std::size_t fixed = 0;           // set by fix: findings it fixed
};

Summary summarize(const std::vector<engine::Diagnostic>& diagnostics, std::size_t files);

struct TextOptions {
  bool color = false;
};

void write_text(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics, const Summary& summary,
                const TextOptions& options);
void write_json(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics, const Summary& summary);

// The version reports name (SARIF tool.driver.version).
inline constexpr std::string_view tool_version = "0.1.0";

// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. `rules` are all rules' metadata
// (tool.driver.rules; rules of diagnostics missing from it are added with their id and name);
// `repository_root` makes artifact URIs relative (uriBaseId %SRCROOT%); files outside it get
// absolute file:// URIs. Columns are UTF-16 code units (run.columnKind), end column exclusive.
void write_sarif(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics,
                 const std::vector<const engine::RuleInfo*>& rules, const std::filesystem::path& repository_root);

// GitHub Actions workflow commands (::error / ::warning / ::notice), errors first, then warnings,
// then notices; paths as displayed (run pglint from the repository root).
void write_github(std::ostream& out, const std::vector<engine::Diagnostic>& diagnostics);

// The text of a diagnostic's message (and help) with every secret of its files masked, for
// formats that show messages outside the terminal.
std::string masked_message(const engine::Diagnostic& diagnostic, std::string_view text);

}  // namespace pglint::report
