// pglint explain-access: which pg_hba.conf line a connection meets, and with which method.
#include <fmt/format.h>

#include <iostream>

#include "compiler/analysis/hba_access.hpp"
#include "compiler/cli/commands.hpp"
#include "compiler/pipeline/load_deployment.hpp"
#include "rules/hba/hba_support.hpp"

namespace pglint::cli {

namespace {

std::string describe(const ExplainOptions& o) {
  std::string how = o.local ? "over the local socket"
                            : fmt::format("from {} {}", o.address,
                                          o.ssl ? "with TLS" : o.gss ? "with GSSAPI encryption" : "without TLS");
  std::string what = o.replication ? "physical replication" : fmt::format("database \"{}\"", o.database);
  return fmt::format("{}, user \"{}\", {}", what, o.user, how);
}

std::string line_text(const model::HbaRecord& record) {
  return record.file->tree.file->redacted(rules::record_span(record));
}

}  // namespace

int run_explain(const GlobalOptions& global, const ExplainOptions& options) {
  analysis::Connection connection;
  connection.transport = options.local ? analysis::Transport::Local
                         : options.ssl ? analysis::Transport::Ssl
                         : options.gss ? analysis::Transport::Gss
                                       : analysis::Transport::Plain;
  connection.database = options.database;
  connection.user = options.user;
  connection.physical_replication = options.replication;
  if (!options.local) {
    hba::NumericAddress address;
    std::string error;
    if (hba::parse_numeric_address(options.address, address, error) != hba::AddressParse::Numeric) {
      std::cerr << "pglint: error: --addr \"" << options.address << "\" is not a numeric IPv4 or IPv6 address\n";
      return exit_failure;
    }
    connection.address = address;
  }
  std::vector<pipeline::InputError> errors;
  std::optional<model::FileKind> kind;
  if (global.kind) kind = model::parse_file_kind(*global.kind);
  auto inputs = pipeline::collect_inputs(options.paths, kind, errors);
  pipeline::LoadResult loaded = pipeline::load_deployment(inputs, global.pg_version, errors);
  for (const auto& error : errors) std::cerr << "pglint: error: " << error.message << '\n';
  if (!errors.empty()) return exit_failure;
  if (loaded.deployment.hba_sets.empty()) {
    std::cerr << "pglint: error: no pg_hba.conf among the given paths\n";
    return exit_failure;
  }
  for (const model::HbaSet& set : loaded.deployment.hba_sets) {
    std::cout << fmt::format("{}: {}\n", set.main_file()->tree.file->display_path(), describe(options));
    auto match = analysis::first_match(set, connection);
    for (const model::HbaRecord* maybe : match.maybe_before) {
      std::cout << fmt::format("  line {} might match first (role membership, host names, samehost/samenet or a "
                               "regular expression decide): {}\n",
                               maybe->record.line_number, line_text(*maybe));
    }
    if (!match.record) {
      std::cout << "  no line matches: PostgreSQL rejects the connection (\"no pg_hba.conf entry\")\n";
      continue;
    }
    const hba::Record& record = match.record->record;
    std::cout << fmt::format("  matches line {} of {}: {}\n", record.line_number,
                             match.record->file->tree.file->display_path(), line_text(*match.record));
    std::cout << fmt::format("  method: {}{}\n", record.method,
                             record.method == "reject" ? " (the connection is refused)" : "");
  }
  return exit_clean;
}

}  // namespace pglint::cli
