// pg_hba.conf tokenizing and record parsing, case by case (PostgreSQL's answers, checked
// with real servers; the hba oracle covers thousands more).
#include <catch2/catch.hpp>

#include "compiler/syntax/hba/record.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

namespace {

// The error for the single record, or "" when it parses.
std::string verdict(const std::string& line, int major = 16, std::optional<bool> ssl = true) {
  hba::AuthFile file = hba::tokenize(testing::source(line + "\n", "pg_hba.conf"), {major, 0});
  REQUIRE(file.lines.size() == 1);
  if (file.lines[0].error) return *file.lines[0].error;
  hba::HbaContext context;
  context.major = major;
  context.ssl_enabled = ssl;
  auto parsed = hba::parse_record(file, 0, context);
  if (auto* error = std::get_if<hba::RecordError>(&parsed)) return error->message;
  const auto& record = std::get<hba::Record>(parsed);
  return record.warning.value_or("");
}

hba::Record record(const std::string& line, int major = 16) {
  hba::AuthFile file = hba::tokenize(testing::source(line + "\n", "pg_hba.conf"), {major, 0});
  hba::HbaContext context;
  context.major = major;
  auto parsed = hba::parse_record(file, 0, context);
  REQUIRE(std::holds_alternative<hba::Record>(parsed));
  return std::get<hba::Record>(parsed);
}

}  // namespace

TEST_CASE("fields, lists and quoting follow next_token") {
  CHECK(verdict("host db1 ,db2 all 10.0.0.0/8 md5") == "invalid authentication method \"10.0.0.0/8\"");
  CHECK(record("host db1, db2 all 10.0.0.0/8 md5").databases.size() == 2);
  CHECK(verdict("local ,,all,, all trust") == "end-of-line before authentication method");
  auto quoted = record("host \"all\" all 0.0.0.0/0 md5");
  CHECK(quoted.databases[0].quoted);
  CHECK_FALSE(hba::is_keyword(quoted.databases[0], "all"));
  CHECK(hba::is_keyword(record("local all\"\" all trust").databases[0], "all"));
  CHECK(record("local a\"b c\"d all trust").databases[0].text == "ab cd");
  CHECK(verdict("local all#x all trust") == "end-of-line before role specification");
  CHECK(verdict("\"local\" all all trust").empty());
}

TEST_CASE("methods and connection types are case-sensitive; local ident is peer") {
  CHECK(verdict("Host all all 10.0.0.0/8 md5") == "invalid connection type \"Host\"");
  CHECK(verdict("host all all 10.0.0.0/8 MD5") == "invalid authentication method \"MD5\"");
  CHECK(record("local all all ident").method == "peer");
  CHECK(verdict("local all all gss") == "gssapi authentication is not supported on local sockets");
  CHECK(verdict("host all all 10.0.0.0/8 peer") == "peer authentication is only supported on local sockets");
  CHECK(verdict("host all all 10.0.0.0/8 cert") == "cert authentication is only supported on hostssl connections");
  CHECK(verdict("host all all 10.0.0.0/8 oauth", 17) == "invalid authentication method \"oauth\"");
}

TEST_CASE("addresses, masks and host names") {
  CHECK(verdict("host all all 192.168.1.5/24 md5").empty());
  CHECK(verdict("host all all 10.0.0.0/33 md5") == "invalid CIDR mask in address \"10.0.0.0/33\"");
  CHECK(verdict("host all all 10.0.0.0/ md5") == "invalid CIDR mask in address \"10.0.0.0/\"");
  CHECK(verdict("host all all 10.0.0.0/+24 md5").empty());
  CHECK(verdict("host all all 192.168.1.0 md5") == "invalid IP mask \"md5\": Name or service not known");
  CHECK(verdict("host all all 192.168.1.0 255.255.0.255 md5").empty());
  CHECK(verdict("host all all 192.168.1.0 ffff:: md5") == "IP address and mask do not match");
  CHECK(verdict("host all all example.com/24 md5") ==
        "specifying both host name and CIDR mask is invalid: \"example.com/24\"");
  CHECK(record("host all all \"all\" md5").address->kind == hba::AddressKind::HostName);
  CHECK(verdict("host all all 10.0.0.0/8,10.1.0.0/16 md5") == "multiple values specified for host address");
}

TEST_CASE("options: format, names, methods, values per version") {
  CHECK(verdict("local all all trust MAP=x") == "unrecognized authentication option name: \"MAP\"");
  CHECK(verdict("local all all trust map=x") ==
        "authentication option \"map\" is only valid for authentication methods ident, peer, gssapi, sspi, and cert");
  CHECK(verdict("host all all 10.0.0.0/8 md5 foo") == "authentication option not in name=value format: foo");
  CHECK(verdict("host all all 10.0.0.0/8 md5 clientcert=verify-full") ==
        "clientcert can only be configured for \"hostssl\" rows");
  CHECK(verdict("hostssl all all 10.0.0.0/8 md5 clientcert=1", 13).empty());
  CHECK(verdict("hostssl all all 10.0.0.0/8 md5 clientcert=1", 14) == "invalid value for clientcert: \"1\"");
  CHECK(verdict("hostssl all all 10.0.0.0/8 cert clientcert=verify-ca", 14) ==
        "clientcert only accepts \"verify-full\" when using \"cert\" authentication");
  CHECK(verdict("host all all 10.0.0.0/8 radius radiusservers=127.0.0.1") ==
        "authentication method \"radius\" requires argument \"radiussecrets\" to be set");
  CHECK(verdict("host all all 10.0.0.0/8 ldap ldapserver=x ldapbasedn=dc=example,dc=net") ==
        "unrecognized authentication option name: \"dc\"");
  CHECK(verdict("host all all 10.0.0.0/8 ldap ldapserver=x \"ldapbasedn=dc=example, dc=net\"").empty());
}

TEST_CASE("hostssl with ssl off loads but is reported; regular expressions from 16") {
  CHECK(verdict("hostssl all all 10.0.0.0/8 scram-sha-256", 16, false) ==
        "hostssl record cannot match because SSL is disabled");
  CHECK(verdict("hostssl all all 10.0.0.0/8 scram-sha-256", 16, std::nullopt).empty());
  CHECK(verdict("local /( all trust", 15).empty());
  CHECK(verdict("local /( all trust", 16) == "invalid regular expression \"(\": parentheses () not balanced");
  CHECK(verdict("include other.conf", 15) == "invalid connection type \"include\"");
}

TEST_CASE("continuation lines from 14, and a comment swallows the next line") {
  auto file = hba::tokenize(testing::source("local all \\\nall trust\n", "pg_hba.conf"), {14, 0});
  REQUIRE(file.lines.size() == 1);
  CHECK(file.lines[0].fields.size() == 4);
  CHECK(hba::tokenize(testing::source("local all \\\nall trust\n", "pg_hba.conf"), {13, 0}).lines.size() == 2);
  auto swallowed = hba::tokenize(testing::source("local all all trust # note \\\nhost x\n", "pg_hba.conf"), {16, 0});
  CHECK(swallowed.lines.size() == 1);
  CHECK(hba::print(swallowed) == "local all all trust # note \\\nhost x\n");
}
