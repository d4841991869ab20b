// The pg_hba.conf access model: hand-written cases with exact expectations, and a
// property test against a direct first-match evaluation written independently here.
#include <arpa/inet.h>

#include <catch2/catch.hpp>
#include <random>

#include "compiler/analysis/hba_access.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

namespace {

model::HbaSet load(const std::string& text, int major = 16, std::optional<bool> ssl = true) {
  hba::HbaContext context;
  context.major = major;
  context.ssl_enabled = ssl;
  return model::load_hba_set(testing::source(text, "pg_hba.conf"), context);
}

analysis::Connection tcp(std::string db, std::string user, const char* address,
                         analysis::Transport transport = analysis::Transport::Ssl) {
  analysis::Connection c;
  c.transport = transport;
  c.database = std::move(db);
  c.user = std::move(user);
  hba::NumericAddress a;
  std::string error;
  REQUIRE(hba::parse_numeric_address(address, a, error) == hba::AddressParse::Numeric);
  c.address = a;
  return c;
}

std::size_t first_line(const model::HbaSet& set, const analysis::Connection& c) {
  auto match = analysis::first_match(set, c);
  return match.record ? match.record->record.line_number : 0;
}

std::vector<std::size_t> shadowed_lines(const model::HbaSet& set, bool ssl = true) {
  std::vector<std::size_t> lines;
  for (const auto& s : analysis::find_shadowed(set, {ssl, true})) lines.push_back(s.record->record.line_number);
  return lines;
}

}  // namespace

TEST_CASE("first match wins, by type, database, user and address") {
  auto set = load(
      "local all all peer\n"
      "hostssl app alice 10.1.0.0/16 cert\n"
      "hostssl all all 10.0.0.0/8 scram-sha-256\n"
      "host replication repl 10.0.5.5/32 scram-sha-256\n"
      "host all all ::/0 reject\n");
  CHECK(first_line(set, tcp("app", "alice", "10.1.2.3")) == 2);
  CHECK(first_line(set, tcp("app", "bob", "10.1.2.3")) == 3);
  CHECK(first_line(set, tcp("app", "alice", "10.1.2.3", analysis::Transport::Plain)) == 0);
  CHECK(first_line(set, tcp("app", "alice", "192.168.0.1")) == 0);
  CHECK(first_line(set, tcp("app", "alice", "2001:db8::1", analysis::Transport::Plain)) == 5);
  auto replication = tcp("", "repl", "10.0.5.5", analysis::Transport::Plain);
  replication.physical_replication = true;
  CHECK(first_line(set, replication) == 4);  // `all` does not match physical replication
  analysis::Connection local;
  local.transport = analysis::Transport::Local;
  local.database = "x";
  local.user = "y";
  CHECK(first_line(set, local) == 1);
}

TEST_CASE("unknowable matches are reported as maybe, not guessed") {
  auto set = load("hostssl all +admins 10.0.0.0/8 cert\nhostssl all all samenet scram-sha-256\nhostssl all all all reject\n");
  auto match = analysis::first_match(set, tcp("db", "alice", "10.0.0.1"));
  REQUIRE(match.record);
  CHECK(match.record->record.line_number == 3);
  CHECK(match.maybe_before.size() == 2);
}

TEST_CASE("shadowing: exact containment, named covering line") {
  CHECK(shadowed_lines(load("host all all 10.0.0.0/8 md5\nhost all bob 10.1.0.0/16 md5\n")) == std::vector<std::size_t>{2});
  CHECK(shadowed_lines(load("host all bob 10.1.0.0/16 md5\nhost all all 10.0.0.0/8 md5\n")).empty());
  // IPv4 does not cover IPv6; `all` covers both.
  CHECK(shadowed_lines(load("host all all 0.0.0.0/0 md5\nhost all all ::1/128 md5\n")).empty());
  CHECK(shadowed_lines(load("host all all all md5\nhost all all ::1/128 md5\n")) == std::vector<std::size_t>{2});
  // hostssl does not cover host (plain TCP is still possible) ...
  CHECK(shadowed_lines(load("hostssl all all all md5\nhost all all all md5\n")).empty());
  // ... unless TLS is impossible, and then a hostnossl line covers a host line.
  CHECK(shadowed_lines(load("hostnossl all all all md5\nhost all all all md5\n", 16, false), false) ==
        std::vector<std::size_t>{2});
  // all databases do not include physical replication.
  CHECK(shadowed_lines(load("host all all all md5\nhost replication all all md5\n")).empty());
  CHECK(shadowed_lines(load("host all,replication all all md5\nhost replication all all md5\n")) ==
        std::vector<std::size_t>{2});
  // host names and samenet: containment unknowable, nothing said.
  CHECK(shadowed_lines(load("host all all samenet md5\nhost all all 10.0.0.0/8 md5\n")).empty());
  CHECK(shadowed_lines(load("host all all .example.com md5\nhost all all a.example.com md5\n")).empty());
  // a non-contiguous netmask column is modelled exactly
  CHECK(shadowed_lines(load("host all all 10.0.0.0 255.0.0.255 md5\nhost all all 10.5.6.0/24 md5\n")).empty());
  CHECK(shadowed_lines(load("host all all 10.0.0.0 255.0.0.0 md5\nhost all all 10.5.6.0 255.255.255.0 md5\n")) ==
        std::vector<std::size_t>{2});
}

namespace {

// A direct evaluation of one generated line (words separated by single spaces), written
// from the PostgreSQL documentation without the model's code.
struct Line {
  std::vector<std::string> words;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == separator) {
      out.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  out.push_back(current);
  return out;
}

bool in_network(const std::string& client, const std::string& network, const std::string& netmask) {
  unsigned char c[16] = {}, n[16] = {}, m[16] = {};
  bool client_v6 = client.find(':') != std::string::npos;
  std::string base = network.substr(0, network.find('/'));
  bool network_v6 = base.find(':') != std::string::npos;
  if (client_v6 != network_v6) return false;
  int family = client_v6 ? AF_INET6 : AF_INET;
  int bytes = client_v6 ? 16 : 4;
  inet_pton(family, client.c_str(), c);
  inet_pton(family, base.c_str(), n);
  if (!netmask.empty()) {
    inet_pton(family, netmask.c_str(), m);
  } else {
    int bits = std::stoi(network.substr(network.find('/') + 1));
    for (int i = 0; i < bits; ++i) m[i / 8] |= static_cast<unsigned char>(0x80 >> (i % 8));
  }
  for (int i = 0; i < bytes; ++i) {
    if ((c[i] & m[i]) != (n[i] & m[i])) return false;
  }
  return true;
}

bool naive_matches(const std::string& text, const analysis::Connection& c, const std::string& client) {
  std::vector<std::string> w = split(text, ' ');
  const std::string& type = w[0];
  bool plain = c.transport == analysis::Transport::Plain, ssl = c.transport == analysis::Transport::Ssl,
       gss = c.transport == analysis::Transport::Gss;
  bool type_ok = type == "host" || (type == "hostssl" && ssl) || (type == "hostnossl" && !ssl) ||
                 (type == "hostgssenc" && gss) || (type == "hostnogssenc" && !gss);
  (void)plain;
  if (!type_ok) return false;
  bool db_ok = false;
  for (const auto& d : split(w[1], ',')) {
    if (c.physical_replication) db_ok = db_ok || d == "replication";
    else db_ok = db_ok || d == "all" || d == c.database || (d == "sameuser" && c.database == c.user);
  }
  if (!db_ok) return false;
  bool user_ok = false;
  for (const auto& u : split(w[2], ',')) user_ok = user_ok || u == "all" || u == c.user;
  if (!user_ok) return false;
  if (w[3] == "all") return true;
  std::string netmask = w.size() == 6 ? w[4] : "";
  return in_network(client, w[3], netmask);
}

}  // namespace

TEST_CASE("property: the model's first match is the direct first match, and never an unreachable line") {
  // Vocabulary without unknowable parts, so the direct evaluation is exact.
  const char* types[] = {"host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc"};
  const char* databases[] = {"all", "app", "other", "app,other", "replication", "all,replication", "sameuser"};
  const char* users[] = {"all", "alice", "bob", "alice,bob"};
  const char* addresses[] = {"all", "0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3/32",
                             "192.168.0.0/16", "::/0", "2001:db8::/32", "10.0.0.0 255.255.0.255"};
  const char* methods[] = {"md5", "reject", "scram-sha-256", "trust"};
  const char* clients[] = {"10.1.2.3", "10.1.9.9", "10.200.0.1", "192.168.3.4", "8.8.8.8", "2001:db8::5", "::1"};
  const char* database_names[] = {"app", "other", "alice", "bob"};
  const char* user_names[] = {"alice", "bob"};
  const analysis::Transport transports[] = {analysis::Transport::Plain, analysis::Transport::Ssl,
                                            analysis::Transport::Gss};

  std::mt19937 random(20261124);
  auto pick = [&](const auto& array) { return array[random() % std::size(array)]; };
  std::size_t shadowed_total = 0, matched_total = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> lines;
    std::string text;
    int count = 2 + static_cast<int>(random() % 7);
    for (int i = 0; i < count; ++i) {
      lines.push_back(std::string(pick(types)) + " " + pick(databases) + " " + pick(users) + " " + pick(addresses) +
                      " " + pick(methods));
      text += lines.back() + "\n";
    }
    auto set = load(text);
    REQUIRE(set.problems.empty());
    REQUIRE(set.records.size() == lines.size());
    auto shadowed = shadowed_lines(set);
    shadowed_total += shadowed.size();
    for (int n = 0; n < 60; ++n) {
      std::string client = pick(clients);
      analysis::Connection c = tcp(pick(database_names), pick(user_names), client.c_str(), pick(transports));
      c.physical_replication = random() % 5 == 0;
      std::size_t expected = 0;
      for (std::size_t i = 0; i < lines.size() && expected == 0; ++i) {
        if (naive_matches(lines[i], c, client)) expected = i + 1;
      }
      INFO(text << "client " << client << " db " << c.database << " user " << c.user);
      CHECK(first_line(set, c) == expected);
      if (expected != 0) {
        ++matched_total;
        CHECK(std::find(shadowed.begin(), shadowed.end(), expected) == shadowed.end());
      }
    }
  }
  CHECK(shadowed_total > 100);  // the generator does produce unreachable lines
  CHECK(matched_total > 1000);
}
