#pragma once
// The subcommands. Each returns the process exit code:
// 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or I/O error.
#include <optional>
#include <string>
#include <vector>

namespace pglint::cli {

constexpr int exit_clean = 0;
constexpr int exit_findings = 1;
constexpr int exit_failure = 2;

struct GlobalOptions {
  std::optional<int> pg_version;
  std::optional<std::string> kind;
};

struct CheckOptions {
  std::vector<std::string> paths;
  std::optional<std::string> intent;
  std::string format = "text";
  std::optional<std::string> fail_on;  // default: the config's, else warning
  std::optional<std::string> output;   // write the report here; text still goes to stdout
  std::optional<std::string> profile;
  std::optional<std::string> config;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
};

int run_check(const GlobalOptions& global, const CheckOptions& options);

struct FixCommandOptions {
  CheckOptions check;         // the same inputs, config and selection as check
  bool unsafe_fixes = false;  // apply unsafe fixes too
  bool diff = false;          // print a unified diff; write nothing
};

int run_fix(const GlobalOptions& global, const FixCommandOptions& options);

struct ParseOptions {
  std::string path;
  bool json = false;
};

int run_parse(const GlobalOptions& global, const ParseOptions& options);

struct ExplainOptions {
  std::vector<std::string> paths;
  std::string database = "postgres";
  std::string user = "postgres";
  std::string address = "127.0.0.1";
  bool local = false;
  bool ssl = false;
  bool gss = false;
  bool replication = false;
};

int run_explain(const GlobalOptions& global, const ExplainOptions& options);

int run_rules(const std::string& format);
int run_rule(const std::string& id);

}  // namespace pglint::cli
