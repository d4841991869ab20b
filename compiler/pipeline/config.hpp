#pragma once
// .pglint.toml: project settings for pglint, found by walking up from the first input
// to the repository root (the directory holding .git), or given with --config.
//
//   select = ["V", "S2", "fsync-off"]   # rule ids, id prefixes or names; default: all
//   ignore = ["O104"]
//   fail-on = "warning"                 # error | warning | info | never
//   profile = "balanced"                # balanced | cis | strict
//   intent = "deploy/intent.toml"       # relative to the config file
//   pg-version = 16
//   [severity]
//   O101 = "error"
//   [per-path-ignores]
//   "legacy/*.conf" = ["M101"]
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pglint::pipeline {

struct Config {
  std::filesystem::path path;  // empty when no file was found
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::optional<std::string> fail_on;
  std::optional<std::string> profile;
  std::optional<std::filesystem::path> intent;  // resolved against the config file's directory
  std::optional<int> pg_version;
  std::map<std::string, std::string> severity;             // rule id or name -> error|warning|info
  std::vector<std::pair<std::string, std::vector<std::string>>> per_path_ignores;  // glob -> rules
};

// Reads `path`; on error returns nullopt and sets `error` (with file:line:column).
std::optional<Config> read_config(const std::filesystem::path& path, std::string& error);

// The .pglint.toml for `start`: the nearest one in it or its parents, stopping at the
// directory that holds .git.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// Whether `pattern` (a rule id, an id prefix such as "S2", or a kebab name) names the rule.
bool pattern_matches_rule(const std::string& pattern, const std::string& id, const std::string& name);

// fnmatch-style glob against a path ("*" does not cross "/", "**" does).
bool glob_matches(const std::string& glob, const std::string& path);

}  // namespace pglint::pipeline
