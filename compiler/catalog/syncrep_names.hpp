#pragma once
// The grammar of synchronous_standby_names (replication/syncrep_gram.y, syncrep_scanner.l):
//   standby_list | [FIRST] NUM '(' standby_list ')' | ANY NUM '(' standby_list ')'
#include <optional>
#include <string>
#include <string_view>

namespace pglint::catalog {

struct SyncRepError {
  std::string message;  // errmsg when it replaces the default, else empty
  std::string detail;
};

// nullopt when PostgreSQL accepts the value.
std::optional<SyncRepError> check_synchronous_standby_names(std::string_view text);

}  // namespace pglint::catalog
