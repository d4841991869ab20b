#pragma once
// Who pg_hba.conf lets in: each record is the set of connections it can match
// (connection type x databases x roles x client addresses); the first record that
// matches decides. Answers "which line matches this connection" and "which lines can
// never match because an earlier line takes every connection they could".
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/hba_set.hpp"
#include "compiler/syntax/hba/address.hpp"

namespace pglint::analysis {

enum class Transport { Local, Plain, Ssl, Gss };  // Local: Unix socket; the others: TCP

struct Connection {
  Transport transport = Transport::Plain;
  std::string database;
  bool physical_replication = false;  // a walsender for physical replication
  std::string user;
  std::optional<hba::NumericAddress> address;  // TCP only
};

// Unknown: depends on what pglint cannot see (role membership, DNS, the server's own
// addresses, a regular expression pglint cannot evaluate exactly).
enum class Match { No, Yes, Unknown };

Match record_matches(const hba::Record& record, const Connection& connection);

struct FirstMatch {
  const model::HbaRecord* record = nullptr;          // the first record that surely matches
  std::vector<const model::HbaRecord*> maybe_before;  // earlier records that might match
};

FirstMatch first_match(const model::HbaSet& set, const Connection& connection);

// Which connection kinds can happen at all: TLS needs ssl = on, GSS encryption a build
// with GSSAPI (the full builds) and a keytab.
struct TransportAvailability {
  bool ssl = true;
  bool gss = true;
};

struct Shadowed {
  const model::HbaRecord* record = nullptr;
  const model::HbaRecord* covered_by = nullptr;
};

// Records every one of whose possible connections an earlier single record matches.
// Where containment cannot be known (host names, samehost, regular expressions that
// differ), the record is not reported.
std::vector<Shadowed> find_shadowed(const model::HbaSet& set, TransportAvailability availability);

// Whether `outer` matches every connection `inner` can match (both non-local or both
// local), given the transports that can happen.
bool covers(const hba::Record& outer, const hba::Record& inner, TransportAvailability availability);

}  // namespace pglint::analysis
