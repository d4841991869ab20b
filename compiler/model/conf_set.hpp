#pragma once
// A postgresql.conf with everything PostgreSQL reads along with it: the files it
// includes (include, include_if_exists, include_dir, spliced in place) and the
// postgresql.auto.conf next to it, read last. Settings are kept in the order
// PostgreSQL applies them, so "the last one wins" is simply the last one here.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/source/file_provider.hpp"
#include "compiler/syntax/conf/tree.hpp"

namespace pglint::model {

struct ConfFile {
  conf::Tree tree;
  int depth = 0;  // 0 for the main file and postgresql.auto.conf
  bool is_auto_conf = false;
};

// A place in a file: which file, which bytes. `file` is the configuration file when the
// place is in one; settings given on a server's command line (a compose `command:`) have
// only `source`.
struct Location {
  const ConfFile* file = nullptr;
  Span span;
  SourceFilePtr source;
};

struct Setting {
  Location name;           // the name token
  Location value;          // the value token
  conf::Entry entry;       // name, raw and decoded value
  std::string key;         // lower-case name; for an alias, the parameter it sets
  bool dead = false;       // a later entry with the same spelling replaces it (PostgreSQL skips it)
  bool overridden = false; // a later entry for the same parameter wins
  bool from_command_line = false;  // postgres -c name=value: beats every file
};

enum class IncludeProblemKind { Missing, Empty, Recursion, DepthExceeded, Cycle, UnreadableDirectory, Unreadable };

struct IncludeProblem {
  Location directive;  // the include line's value
  IncludeProblemKind kind;
  std::string message;  // PostgreSQL's wording where it has one
  bool fatal = true;    // PostgreSQL refuses the configuration (include_if_exists only logs)
};

struct ConfSet {
  std::vector<std::unique_ptr<ConfFile>> files;  // in the order PostgreSQL reads them
  std::vector<Setting> settings;                 // in the order PostgreSQL applies them
  std::vector<IncludeProblem> include_problems;
  std::vector<std::string> skipped_missing;      // include_if_exists targets that were absent
  // A whole server configuration (a postgresql.conf, or a file named on the command
  // line), as opposed to a lone conf.d fragment: only there do defaults count as choices.
  bool is_server_config = true;

  // Index into `settings` of the entry that wins for a parameter key, if any.
  [[nodiscard]] const Setting* effective(std::string_view key) const;
  [[nodiscard]] const ConfFile* main_file() const { return files.empty() ? nullptr : files.front().get(); }

  std::map<std::string, std::size_t, std::less<>> winners;  // key -> index into settings
};

struct ConfLoadOptions {
  // Read postgresql.auto.conf from the main file's directory (as PostgreSQL reads it
  // from the data directory, where postgresql.conf usually lives too).
  bool read_auto_conf = true;
  // Where included files and postgresql.auto.conf are read from (the disk when null).
  const FileProvider* files = nullptr;
};

// Adds settings given on the server's command line (`postgres -c name=value`): they win
// over every file, but do not make file entries dead (PostgreSQL still reads those).
void add_command_line_settings(ConfSet& set, std::vector<Setting> settings);

// Loads `main` and everything it pulls in. Never throws: unreadable includes become
// IncludeProblems. Returns nullopt only when `main` itself cannot be read.
std::optional<ConfSet> load_conf_set(const SourceFilePtr& main, const catalog::Catalog& catalog,
                                     const ConfLoadOptions& options = {});

// Lexically normalised absolute path, as PostgreSQL's canonicalize_path does it
// (symlinks are not followed).
std::filesystem::path canonical_config_path(const std::filesystem::path& path);

// Maximum include depth (CONF_FILE_MAX_DEPTH): depth 10 is read, 11 is refused.
constexpr int max_include_depth = 10;

}  // namespace pglint::model
