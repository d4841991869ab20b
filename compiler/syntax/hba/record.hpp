#pragma once
// A pg_hba.conf record as parse_hba_line builds it, or the error PostgreSQL gives.
#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/syntax/hba/tree.hpp"

namespace pglint::hba {

enum class ConnectionType { Local, Host, HostSsl, HostNoSsl, HostGssEnc, HostNoGssEnc };

std::string_view connection_type_name(ConnectionType type);

enum class AddressKind { All, SameHost, SameNet, Network, HostName };

struct Address {
  AddressKind kind = AddressKind::All;
  int family = 0;                      // 4 or 6, for Network
  std::array<unsigned char, 16> bytes{};  // network-order address, for Network
  std::array<unsigned char, 16> mask{};   // network-order mask, for Network
  std::string host_name;               // for HostName (a leading '.' is a suffix match)
  Span span;                           // the address token (and the mask column, if any)
  std::string text;                    // as written
};

struct Option {
  std::string name;
  std::string value;
  Span span;
};

struct Record {
  std::size_t line_index = 0;  // into AuthFile::lines
  std::size_t line_number = 0;
  int major = 18;  // the version it was read for: regular expressions count from 16
  ConnectionType type = ConnectionType::Local;
  Token type_token;
  Field databases;
  Field users;
  std::optional<Address> address;  // absent for local
  std::string method;              // after PostgreSQL's fix-ups (ident on local is peer)
  Token method_token;
  std::vector<Option> options;
  // An error PostgreSQL reports for the line but still loads it (hostssl with ssl off).
  std::optional<std::string> warning;

  [[nodiscard]] const Option* option(std::string_view name) const;
};

struct RecordError {
  std::size_t line_index = 0;
  std::string message;  // PostgreSQL's text
  Span span;            // the offending token, or the line
  bool record_still_loads = false;
};

// What the rest of the deployment says, where PostgreSQL's verdict depends on it.
struct HbaContext {
  int major = 18;
  std::optional<bool> ssl_enabled;        // postgresql.conf's ssl; unknown when not given
  bool db_user_namespace = false;         // 13-16
  std::string oauth_validator_libraries;  // 18
};

// Methods a full build (Debian's, the official Docker images) supports; bsd and sspi are
// platform-specific and unsupported on Linux.
bool method_supported_by_full_build(std::string_view method);

std::variant<Record, RecordError> parse_record(const AuthFile& file, std::size_t line_index, const HbaContext& context);

}  // namespace pglint::hba
