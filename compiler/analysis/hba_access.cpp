#include "compiler/analysis/hba_access.hpp"

#include <algorithm>
#include <functional>
#include <regex>
#include <set>

namespace pglint::analysis {

namespace {

constexpr std::size_t max_records_for_shadowing = 5000;

using hba::ConnectionType;

// The transports each connection type admits.
std::set<Transport> transports_of(ConnectionType type) {
  switch (type) {
    case ConnectionType::Local: return {Transport::Local};
    case ConnectionType::Host: return {Transport::Plain, Transport::Ssl, Transport::Gss};
    case ConnectionType::HostSsl: return {Transport::Ssl};
    case ConnectionType::HostNoSsl: return {Transport::Plain, Transport::Gss};
    case ConnectionType::HostGssEnc: return {Transport::Gss};
    case ConnectionType::HostNoGssEnc: return {Transport::Plain, Transport::Ssl};
  }
  return {};
}

std::set<Transport> possible_transports(ConnectionType type, TransportAvailability availability) {
  std::set<Transport> result = transports_of(type);
  if (!availability.ssl) result.erase(Transport::Ssl);
  if (!availability.gss) result.erase(Transport::Gss);
  return result;
}

bool is_regex(const hba::Token& token) { return !token.text.empty() && token.text.front() == '/'; }

Match combine(Match a, Match b) {
  if (a == Match::No || b == Match::No) return Match::No;
  if (a == Match::Unknown || b == Match::Unknown) return Match::Unknown;
  return Match::Yes;
}

Match any_of(const hba::Field& field, const std::function<Match(const hba::Token&)>& test) {
  Match result = Match::No;
  for (const hba::Token& token : field) {
    Match m = test(token);
    if (m == Match::Yes) return Match::Yes;
    if (m == Match::Unknown) result = Match::Unknown;
  }
  return result;
}

// PostgreSQL's regular expressions are ARE; std::regex's ECMAScript agrees on the
// common subset. Where they might differ pglint says Unknown rather than guess.
Match regex_search(const hba::Token& token, const std::string& subject) {
  try {
    std::regex re(token.text.substr(1), std::regex::ECMAScript);
    return std::regex_search(subject, re) ? Match::Yes : Match::No;
  } catch (const std::regex_error&) {
    return Match::Unknown;
  }
}

Match database_matches(const hba::Record& record, const Connection& c, int major) {
  return any_of(record.databases, [&](const hba::Token& t) {
    // A physical walsender matches only the keyword replication, and nothing else does.
    if (hba::is_keyword(t, "replication")) return c.physical_replication ? Match::Yes : Match::No;
    if (c.physical_replication) return Match::No;
    if (hba::is_keyword(t, "all")) return Match::Yes;
    if (hba::is_keyword(t, "sameuser")) return c.database == c.user ? Match::Yes : Match::No;
    if (hba::is_keyword(t, "samerole") || hba::is_keyword(t, "samegroup")) {
      return c.database == c.user ? Match::Yes : Match::Unknown;  // a role is a member of itself
    }
    if (major >= 16 && is_regex(t)) return regex_search(t, c.database);
    return t.text == c.database ? Match::Yes : Match::No;
  });
}

Match user_matches(const hba::Record& record, const Connection& c, int major) {
  return any_of(record.users, [&](const hba::Token& t) {
    if (hba::is_keyword(t, "all")) return Match::Yes;
    if (!t.quoted && t.text.size() > 1 && t.text.front() == '+') {
      return t.text.substr(1) == c.user ? Match::Yes : Match::Unknown;  // membership is not visible here
    }
    if (major >= 16 && is_regex(t)) return regex_search(t, c.user);
    return t.text == c.user ? Match::Yes : Match::No;
  });
}

Match address_matches(const hba::Record& record, const Connection& c) {
  if (record.type == ConnectionType::Local) return Match::Yes;
  const hba::Address& a = *record.address;
  switch (a.kind) {
    case hba::AddressKind::All: return Match::Yes;
    case hba::AddressKind::SameHost:
    case hba::AddressKind::SameNet:
    case hba::AddressKind::HostName: return Match::Unknown;
    case hba::AddressKind::Network: {
      if (!c.address || c.address->family != a.family) return Match::No;
      std::size_t bytes = a.family == 4 ? 4 : 16;
      for (std::size_t i = 0; i < bytes; ++i) {
        if (((c.address->bytes[i] ^ a.bytes[i]) & a.mask[i]) != 0) return Match::No;
      }
      return Match::Yes;
    }
  }
  return Match::Unknown;
}

bool same_token(const hba::Token& a, const hba::Token& b) { return a.quoted == b.quoted && a.text == b.text; }

bool field_contains(const hba::Field& field, const hba::Token& token) {
  return std::any_of(field.begin(), field.end(), [&](const hba::Token& t) { return same_token(t, token); });
}

bool field_has_keyword(const hba::Field& field, std::string_view keyword) {
  return std::any_of(field.begin(), field.end(), [&](const hba::Token& t) { return hba::is_keyword(t, keyword); });
}

bool databases_cover(const hba::Field& outer, const hba::Field& inner) {
  bool outer_all = field_has_keyword(outer, "all");
  return std::all_of(inner.begin(), inner.end(), [&](const hba::Token& t) {
    if (hba::is_keyword(t, "replication")) return field_has_keyword(outer, "replication");
    if (hba::is_keyword(t, "samegroup")) return outer_all || field_has_keyword(outer, "samerole") || field_contains(outer, t);
    if (hba::is_keyword(t, "samerole")) return outer_all || field_has_keyword(outer, "samegroup") || field_contains(outer, t);
    // all, sameuser, names and regular expressions only ever match ordinary databases.
    return outer_all || field_contains(outer, t);
  });
}

bool users_cover(const hba::Field& outer, const hba::Field& inner) {
  if (field_has_keyword(outer, "all")) return true;
  return std::all_of(inner.begin(), inner.end(), [&](const hba::Token& t) { return field_contains(outer, t); });
}

bool addresses_cover(const hba::Record& outer, const hba::Record& inner) {
  if (inner.type == ConnectionType::Local) return outer.type == ConnectionType::Local;
  if (outer.type == ConnectionType::Local) return false;
  const hba::Address& o = *outer.address;
  const hba::Address& i = *inner.address;
  if (o.kind == hba::AddressKind::All) return true;
  if (o.kind != i.kind) return false;
  switch (o.kind) {
    case hba::AddressKind::SameHost:
    case hba::AddressKind::SameNet: return true;
    case hba::AddressKind::HostName: {
      std::string a = o.host_name, b = i.host_name;
      std::transform(a.begin(), a.end(), a.begin(), ::tolower);
      std::transform(b.begin(), b.end(), b.begin(), ::tolower);
      return a == b;
    }
    case hba::AddressKind::Network: {
      if (o.family != i.family) return false;
      std::size_t bytes = o.family == 4 ? 4 : 16;
      for (std::size_t k = 0; k < bytes; ++k) {
        if ((o.mask[k] & ~i.mask[k]) != 0) return false;                    // outer's network is not wider
        if (((i.bytes[k] ^ o.bytes[k]) & o.mask[k]) != 0) return false;  // not inside outer's network
      }
      return true;
    }
    default: return false;
  }
}

}  // namespace

Match record_matches(const hba::Record& record, const Connection& c) {
  std::set<Transport> transports = transports_of(record.type);
  if (!transports.contains(c.transport)) return Match::No;
  int major = record.major;
  Match m = database_matches(record, c, major);
  m = combine(m, user_matches(record, c, major));
  return combine(m, address_matches(record, c));
}

FirstMatch first_match(const model::HbaSet& set, const Connection& connection) {
  FirstMatch result;
  for (const model::HbaRecord& record : set.records) {
    Match m = record_matches(record.record, connection);
    if (m == Match::Yes) {
      result.record = &record;
      return result;
    }
    if (m == Match::Unknown) result.maybe_before.push_back(&record);
  }
  return result;
}

bool covers(const hba::Record& outer, const hba::Record& inner, TransportAvailability availability) {
  std::set<Transport> inner_transports = possible_transports(inner.type, availability);
  if (inner_transports.empty()) return false;  // it never matches anyway (reported elsewhere)
  std::set<Transport> outer_transports = transports_of(outer.type);
  for (Transport t : inner_transports) {
    if (!outer_transports.contains(t)) return false;
  }
  return databases_cover(outer.databases, inner.databases) && users_cover(outer.users, inner.users) &&
         addresses_cover(outer, inner);
}

std::vector<Shadowed> find_shadowed(const model::HbaSet& set, TransportAvailability availability) {
  std::vector<Shadowed> result;
  // Pairwise comparison is quadratic; real files have hundreds of lines, generated ones
  // can have a hundred thousand. Past this size the analysis is skipped rather than slow.
  if (set.records.size() > max_records_for_shadowing) return result;
  for (std::size_t i = 0; i < set.records.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (covers(set.records[j].record, set.records[i].record, availability)) {
        result.push_back({&set.records[i], &set.records[j]});
        break;
      }
    }
  }
  return result;
}

}  // namespace pglint::analysis
