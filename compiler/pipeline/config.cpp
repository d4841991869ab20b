#include "compiler/pipeline/config.hpp"

#include <fnmatch.h>
#include <fmt/format.h>

#include <toml++/toml.h>

namespace pglint::pipeline {

namespace fs = std::filesystem;

namespace {

std::string where(const fs::path& path, const toml::source_region& region) {
  return fmt::format("{}:{}:{}", path.string(), region.begin.line, region.begin.column);
}

bool read_string_list(const toml::node& node, std::vector<std::string>& out) {
  const toml::array* array = node.as_array();
  if (!array) return false;
  for (const auto& item : *array) {
    auto text = item.value<std::string>();
    if (!text) return false;
    out.push_back(*text);
  }
  return true;
}

}  // namespace

std::optional<Config> read_config(const fs::path& path, std::string& error) {
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    error = fmt::format("{}: {}", where(path, e.source()), e.description());
    return std::nullopt;
  }
  Config config;
  config.path = path;
  auto fail = [&](const toml::node& node, const std::string& message) {
    error = fmt::format("{}: {}", where(path, node.source()), message);
    return std::nullopt;
  };
  for (const auto& [key, node] : root) {
    std::string name(key.str());
    if (name == "select" || name == "ignore") {
      if (!read_string_list(node, name == "select" ? config.select : config.ignore)) {
        return fail(node, fmt::format("\"{}\" must be a list of rule ids or names", name));
      }
    } else if (name == "fail-on") {
      auto value = node.value<std::string>();
      if (!value || (*value != "error" && *value != "warning" && *value != "info" && *value != "never")) {
        return fail(node, "\"fail-on\" must be one of error, warning, info, never");
      }
      config.fail_on = *value;
    } else if (name == "profile") {
      auto value = node.value<std::string>();
      if (!value || (*value != "balanced" && *value != "cis" && *value != "strict")) {
        return fail(node, "\"profile\" must be one of balanced, cis, strict");
      }
      config.profile = *value;
    } else if (name == "intent") {
      auto value = node.value<std::string>();
      if (!value) return fail(node, "\"intent\" must be a path");
      config.intent = (path.parent_path() / *value).lexically_normal();
    } else if (name == "pg-version") {
      auto value = node.value<int64_t>();
      if (!value || *value < 13 || *value > 18) return fail(node, "\"pg-version\" must be a number from 13 to 18");
      config.pg_version = static_cast<int>(*value);
    } else if (name == "severity") {
      const toml::table* table = node.as_table();
      if (!table) return fail(node, "[severity] must be a table of rule = \"error|warning|info\"");
      for (const auto& [rule, level] : *table) {
        auto value = level.value<std::string>();
        if (!value || (*value != "error" && *value != "warning" && *value != "info")) {
          return fail(level, "a severity is one of error, warning, info");
        }
        config.severity[std::string(rule.str())] = *value;
      }
    } else if (name == "per-path-ignores") {
      const toml::table* table = node.as_table();
      if (!table) return fail(node, "[per-path-ignores] must be a table of \"glob\" = [rules]");
      for (const auto& [glob, rules] : *table) {
        std::vector<std::string> list;
        if (!read_string_list(rules, list)) return fail(rules, "per-path ignores take a list of rule ids or names");
        config.per_path_ignores.emplace_back(std::string(glob.str()), std::move(list));
      }
    } else {
      return fail(node, fmt::format("unknown key \"{}\" (known: select, ignore, fail-on, profile, intent, pg-version, "
                                    "severity, per-path-ignores)",
                                    name));
    }
  }
  return config;
}

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (!dir.empty()) {
    if (fs::is_regular_file(dir / ".pglint.toml", ec)) return dir / ".pglint.toml";
    if (fs::exists(dir / ".git", ec) || dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

bool pattern_matches_rule(const std::string& pattern, const std::string& id, const std::string& name) {
  return pattern == name || (!pattern.empty() && id.starts_with(pattern));
}

bool glob_matches(const std::string& glob, const std::string& path) {
  std::string normalized = fs::path(path).lexically_normal().generic_string();
  if (normalized.starts_with("./")) normalized = normalized.substr(2);
  // Like .gitignore: a pattern without "/" matches the file name in any directory.
  if (glob.find('/') == std::string::npos) {
    return fnmatch(glob.c_str(), fs::path(normalized).filename().c_str(), 0) == 0;
  }
  // "*" stays within a directory; a pattern with "**" may cross them.
  int flags = glob.find("**") == std::string::npos ? FNM_PATHNAME : 0;
  return fnmatch(glob.c_str(), normalized.c_str(), flags) == 0;
}

}  // namespace pglint::pipeline
