// pglint: a configuration compiler and linter for PostgreSQL.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "compiler/cli/commands.hpp"

namespace {

// check and fix take the same inputs, configuration, selection and output options.
void add_check_options(CLI::App& command, pglint::cli::CheckOptions& check) {
  command.fallthrough();
  command.add_option("paths", check.paths, "files or directories")->required();
  command.add_option("--intent", check.intent, "intent file (TOML)");
  command.add_option("--format", check.format, "output format")->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  command.add_option("--fail-on", check.fail_on, "lowest severity that makes the exit code 1 (default warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  command.add_option("--output", check.output, "write the report to FILE (text goes to stdout as well)");
  command.add_option("--profile", check.profile, "how to settle contested guidance")
      ->check(CLI::IsMember({"balanced", "cis", "strict"}));
  command.add_option("--config", check.config, "configuration file (default: the nearest .pglint.toml)");
  command.add_option("--select", check.select, "only these rules (ids, id prefixes or names)")->delimiter(',');
  command.add_option("--ignore", check.ignore, "not these rules (ids, id prefixes or names)")->delimiter(',');
}

}  // namespace

int main(int argc, char** argv) {
  using namespace pglint::cli;
  CLI::App app{"pglint: lint, fix and compile PostgreSQL configuration"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "pglint 0.1.0");

  GlobalOptions global;
  app.add_option("--pg-version", global.pg_version, "PostgreSQL major version (13-18); default: the intent's, else 18")
      ->check(CLI::Range(13, 18));
  app.add_option("--kind", global.kind, "file kind, overriding detection by name")
      ->check(CLI::IsMember({"conf", "hba", "ident", "compose", "dockerfile", "intent"}));

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "report problems in configuration files and directories");
  add_check_options(*check_cmd, check);

  FixCommandOptions fix;
  auto* fix_cmd = app.add_subcommand("fix", "fix what check reports, in place or as a unified diff (--diff)");
  add_check_options(*fix_cmd, fix.check);
  fix_cmd->add_flag("--unsafe-fixes", fix.unsafe_fixes,
                    "also apply fixes that may refuse a client, change resource use or need a restart");
  fix_cmd->add_flag("--diff", fix.diff, "print a unified diff of the fixes and write nothing (exit 1 when not empty)");

  ParseOptions parse;
  auto* parse_cmd = app.add_subcommand("parse", "print a file back from its syntax tree, or the tree as JSON");
  parse_cmd->fallthrough();
  parse_cmd->add_option("path", parse.path, "file")->required();
  parse_cmd->add_flag("--json", parse.json, "print the tree as JSON");

  ExplainOptions explain;
  auto* explain_cmd =
      app.add_subcommand("explain-access", "show which pg_hba.conf line a connection meets, and its method");
  explain_cmd->fallthrough();
  explain_cmd->add_option("paths", explain.paths, "pg_hba.conf files or directories")->required();
  explain_cmd->add_option("--db", explain.database, "database name");
  explain_cmd->add_option("--user", explain.user, "role name");
  auto* addr = explain_cmd->add_option("--addr", explain.address, "client IP address");
  explain_cmd->add_flag("--local", explain.local, "connect over the Unix socket")->excludes(addr);
  auto* ssl = explain_cmd->add_flag("--ssl", explain.ssl, "the client uses TLS");
  explain_cmd->add_flag("--gss", explain.gss, "the client uses GSSAPI encryption")->excludes(ssl);
  explain_cmd->add_flag("--replication", explain.replication, "a physical replication connection");

  std::string rules_format = "text";
  auto* rules_cmd = app.add_subcommand("rules", "list every rule");
  rules_cmd->add_option("--format", rules_format)->check(CLI::IsMember({"text", "json"}));

  std::string rule_id;
  auto* rule_cmd = app.add_subcommand("rule", "print a rule's documentation");
  rule_cmd->add_option("id", rule_id, "rule id or name")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : exit_failure;
  }

  try {
    if (*check_cmd) return run_check(global, check);
    if (*fix_cmd) return run_fix(global, fix);
    if (*parse_cmd) return run_parse(global, parse);
    if (*explain_cmd) return run_explain(global, explain);
    if (*rules_cmd) return run_rules(rules_format);
    if (*rule_cmd) return run_rule(rule_id);
  } catch (const std::exception& e) {
    std::cerr << "pglint: internal error: " << e.what() << '\n';
    return exit_failure;
  }
  return exit_failure;
}
