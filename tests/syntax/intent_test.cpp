// The intent file: keys, defaults, units, CIDRs, every error with its position, bad input that
// is not TOML, and agreement with schemas/intent.schema.json.
#include "compiler/syntax/intent/intent.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "tests/schema_support.hpp"
#include "tests/test_support.hpp"

using namespace pglint;
using namespace pglint::intent;

namespace {

Intent parse_ok(const std::string& text) {
  auto result = parse_intent(testing::source(text, "intent.toml"));
  if (auto* errors = std::get_if<std::vector<IntentError>>(&result)) {
    for (const auto& e : *errors) UNSCOPED_INFO(e.line << ":" << e.column << ": " << e.message);
    FAIL("expected the intent to parse");
  }
  return std::get<Intent>(std::move(result));
}

std::vector<IntentError> parse_errors(const std::string& text) {
  auto result = parse_intent(testing::source(text, "intent.toml"));
  REQUIRE(std::holds_alternative<std::vector<IntentError>>(result));
  return std::get<std::vector<IntentError>>(result);
}

std::string text_of(const Intent& intent, const std::string& key) {
  return std::string(intent.file->text(intent.span_of(key)));
}

const char* const kFull = R"(# every key
[cluster]
name = "orders"
postgres_version = 17
environment = "staging"
role = "replica"
replicas = 2

[resources]
memory = "1.5GiB"
cpus = 8
storage = "network"
workload = "analytics"
max_connections = 500

[network]
exposure = "public"
allowed_cidrs = ["0.0.0.0/0", "2001:db8::/32"]

[tls]
mode = "preferred"
min_version = "TLSv1.2"

[auth]
password_encryption = "scram-sha-256"

[backup]
archiving = true
pitr = true
)";

}  // namespace

TEST_CASE("intent: the seed example parses with its values and spans") {
  std::string error;
  auto file = read_source_file(testing::source_dir() / "examples/seed-production/intent.toml", "intent.toml", error);
  REQUIRE(file);
  auto result = parse_intent(*file);
  REQUIRE(std::holds_alternative<Intent>(result));
  const Intent& intent = std::get<Intent>(result);
  CHECK(intent.postgres_version == 16);
  CHECK(intent.environment == Environment::Production);
  CHECK(intent.memory_bytes == 2ULL * 1024 * 1024 * 1024);
  CHECK(intent.cpus == 2);
  CHECK(intent.storage == Storage::Ssd);
  CHECK(intent.workload == Workload::Web);
  CHECK(intent.max_connections == 100);
  CHECK(intent.exposure == Exposure::Private);
  CHECK(intent.allowed_cidrs == std::vector<std::string>{"172.16.0.0/12"});
  CHECK(intent.tls_mode == TlsMode::Required);
  CHECK(intent.tls_min_version == "TLSv1.3");
  CHECK(text_of(intent, "resources.memory") == "\"2GB\"");
  CHECK(text_of(intent, "network.allowed_cidrs[0]") == "\"172.16.0.0/12\"");
  CHECK(text_of(intent, "cluster") == "[cluster]");
  CHECK(intent.file == *file);
}

TEST_CASE("intent: every key") {
  Intent intent = parse_ok(kFull);
  CHECK(intent.name == "orders");
  CHECK(intent.postgres_version == 17);
  CHECK(intent.environment == Environment::Staging);
  CHECK(intent.role == Role::Replica);
  CHECK(intent.replicas == 2);
  CHECK(intent.memory_bytes == 1536ULL * 1024 * 1024);
  CHECK(intent.cpus == 8);
  CHECK(intent.storage == Storage::Network);
  CHECK(intent.workload == Workload::Analytics);
  CHECK(intent.max_connections == 500);
  CHECK(intent.exposure == Exposure::Public);
  CHECK(intent.allowed_cidrs == std::vector<std::string>{"0.0.0.0/0", "2001:db8::/32"});
  CHECK(intent.tls_mode == TlsMode::Preferred);
  CHECK(intent.tls_min_version == "TLSv1.2");
  CHECK(intent.password_encryption == PasswordEncryption::ScramSha256);
  CHECK(intent.archiving == true);
  CHECK(intent.pitr == true);
  CHECK(text_of(intent, "cluster.replicas") == "2");
  CHECK(text_of(intent, "backup.pitr") == "true");

  auto json = intent_json(intent);
  CHECK(json["resources"]["memory_bytes"] == 1536ULL * 1024 * 1024);
  CHECK(json["tls"]["mode"] == "preferred");
  CHECK(json["auth"]["password_encryption"] == "scram-sha-256");
}

TEST_CASE("intent: an empty file gives the defaults") {
  Intent intent = parse_ok("# nothing yet\n");
  CHECK_FALSE(intent.postgres_version);
  CHECK(intent.environment == Environment::Production);
  CHECK(intent.role == Role::Primary);
  CHECK(intent.exposure == Exposure::Private);
  CHECK(intent.tls_mode == TlsMode::Required);
  CHECK_FALSE(intent.memory_bytes);
  CHECK_FALSE(intent.archiving);
  CHECK(intent.key_spans.empty());
  CHECK(intent.span_of("resources.memory") == Span{0, 0});
  auto json = intent_json(intent);
  CHECK(json["cluster"]["postgres_version"].is_null());
  CHECK(json["network"]["exposure"] == "private");
}

TEST_CASE("intent: dotted keys and inline tables are the same tables") {
  Intent intent = parse_ok("cluster.postgres_version = 15\nresources = { cpus = 3, memory = \"512MB\" }\n");
  CHECK(intent.postgres_version == 15);
  CHECK(intent.cpus == 3);
  CHECK(intent.memory_bytes == 512ULL * 1024 * 1024);
  CHECK(text_of(intent, "resources.memory") == "\"512MB\"");
}

TEST_CASE("intent: all errors are collected, in file order, with line and column") {
  auto errors = parse_errors(
      "[cluster]\n"
      "postgres_version = 12\n"
      "environment = \"Production\"\n"
      "[resources]\n"
      "memory = \"8gb\"\n"
      "cpus = \"4\"\n"
      "memroy = \"1GB\"\n"
      "max_connections = 1.5\n"
      "[netwrk]\n"
      "exposure = \"public\"\n");
  REQUIRE(errors.size() == 7);
  CHECK(errors[0].line == 2);
  CHECK(errors[0].column == 20);
  CHECK(errors[0].message ==
        "\"cluster.postgres_version\" = 12 is out of range (13 to 18): pglint knows PostgreSQL 13 to 18");
  CHECK(errors[1].line == 3);
  CHECK(errors[1].column == 15);
  CHECK(errors[1].message ==
        "\"cluster.environment\" = \"Production\" is not one of \"production\", \"staging\" or \"development\"; did "
        "you mean \"production\"?");
  CHECK(errors[2].line == 5);
  CHECK(errors[2].column == 10);
  CHECK_THAT(errors[2].message, Catch::Contains("unknown unit \"gb\"") && Catch::Contains("did you mean \"GB\"?"));
  CHECK(errors[3].line == 6);
  CHECK(errors[3].message == "\"resources.cpus\" must be an integer, not a string");
  CHECK(errors[4].line == 7);
  CHECK(errors[4].column == 1);
  CHECK(errors[4].message == "unknown key \"memroy\" in [resources]; did you mean \"memory\"?");
  CHECK(errors[4].span.size() == 6);
  CHECK(errors[5].line == 8);
  CHECK(errors[5].message == "\"resources.max_connections\" must be an integer, not a float");
  CHECK(errors[6].line == 9);
  CHECK(errors[6].column == 2);
  CHECK(errors[6].message == "unknown table [netwrk]; did you mean [network]?");
  CHECK(format_error(*testing::source("", "intent.toml"), errors[6]) ==
        "intent.toml:9:2: unknown table [netwrk]; did you mean [network]?");
}

TEST_CASE("intent: wrong shapes") {
  auto errors = parse_errors(
      "cluster = 5\n"
      "[network]\n"
      "allowed_cidrs = \"10.0.0.0/8\"\n"
      "[tls]\n"
      "mode = true\n"
      "min_version = \"TLSv1.4\"\n"
      "[backup]\n"
      "pitr = \"yes\"\n"
      "[auth]\n"
      "password_encryption = \"scram\"\n"
      "unknown = 1\n");
  REQUIRE(errors.size() == 7);
  CHECK(errors[0].message == "\"cluster\" must be a table ([cluster]), not an integer");
  CHECK_THAT(errors[1].message, Catch::StartsWith("\"network.allowed_cidrs\" must be an array"));
  CHECK(errors[2].message == "\"tls.mode\" must be a string, not a boolean");
  CHECK_THAT(errors[3].message, Catch::Contains("\"TLSv1.4\" is not one of"));
  CHECK(errors[4].message == "\"backup.pitr\" must be a boolean (true or false), not a string");
  CHECK_THAT(errors[5].message, Catch::Contains("\"scram\" is not one of \"scram-sha-256\" or \"md5\""));
  CHECK(errors[6].message == "unknown key \"unknown\" in [auth]; known: \"password_encryption\"");
  CHECK(parse_errors("name = \"x\"\n")[0].message ==
        "unknown key \"name\": every key belongs in a table ([cluster], [resources], [network], [tls], [auth], "
        "[backup])");
}

TEST_CASE("intent: ranges") {
  CHECK(parse_ok("[cluster]\npostgres_version = 13\n").postgres_version == 13);
  CHECK(parse_ok("[cluster]\npostgres_version = 18\n").postgres_version == 18);
  CHECK(parse_errors("[cluster]\npostgres_version = 19\n").size() == 1);
  CHECK(parse_ok("[resources]\nmax_connections = 262143\n").max_connections == 262143);
  CHECK(parse_errors("[resources]\nmax_connections = 262144\n").size() == 1);
  CHECK(parse_errors("[resources]\nmax_connections = 0\n").size() == 1);
  CHECK(parse_errors("[resources]\ncpus = 0\n").size() == 1);
  CHECK(parse_errors("[resources]\ncpus = -9223372036854775808\n").size() == 1);
  CHECK(parse_errors("[cluster]\nreplicas = -1\n").size() == 1);
  CHECK(parse_errors("[resources]\nmemory = \"512kB\"\n")[0].message ==
        "\"resources.memory\" = \"512kB\" is out of range (1MB to 1024TB)");
  CHECK(parse_errors("[resources]\nmemory = \"2048TB\"\n").size() == 1);
  CHECK(parse_errors("[resources]\nmemory = 8589934592\n")[0].message ==
        "\"resources.memory\" needs a unit: write it as a string such as \"8GB\" or \"512MB\"");
  CHECK(parse_errors("[cluster]\nname = \"\"\n")[0].message == "\"cluster.name\" must not be empty");
}

TEST_CASE("intent: contradictions") {
  auto errors = parse_errors(
      "[network]\nallowed_cidrs = [\"10.0.0.0/8\", \"::/0\"]\n[tls]\nmode = \"off\"\nmin_version = \"TLSv1.3\"\n"
      "[backup]\narchiving = false\npitr = true\n");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].line == 2);
  CHECK(errors[0].column == 32);
  CHECK(errors[0].message == "\"::/0\" allows every address, which contradicts network.exposure = \"private\"");
  CHECK(errors[1].line == 5);
  CHECK_THAT(errors[1].message, Catch::StartsWith("\"tls.min_version\" means nothing with tls.mode = \"off\""));
  CHECK(errors[2].line == 8);
  CHECK_THAT(errors[2].message, Catch::StartsWith("point-in-time recovery needs WAL archiving"));
  // pitr alone implies archiving.
  CHECK(parse_ok("[backup]\npitr = true\n").archiving == true);
  CHECK(parse_ok("[network]\nexposure = \"public\"\nallowed_cidrs = [\"0.0.0.0/0\"]\n").allowed_cidrs.size() == 1);
}

TEST_CASE("intent: memory sizes as PostgreSQL writes them") {
  std::string error;
  CHECK(parse_memory("8GB", error) == 8ULL << 30);
  CHECK(parse_memory("512MB", error) == 512ULL << 20);
  CHECK(parse_memory("64kB", error) == 64ULL << 10);
  CHECK(parse_memory("1TB", error) == 1ULL << 40);
  CHECK(parse_memory("100B", error) == 100);
  CHECK(parse_memory("2GiB", error) == 2ULL << 30);
  CHECK(parse_memory("1.5GB", error) == 1536ULL << 20);
  CHECK(parse_memory(" 8 GB ", error) == 8ULL << 30);
  for (auto [text, hint] : std::vector<std::pair<std::string, std::string>>{
           {"8gb", "GB"}, {"8KB", "kB"}, {"2g", "GB"}, {"1mib", "MiB"}, {"1Tb", "TB"}}) {
    error.clear();
    CHECK_FALSE(parse_memory(text, error));
    CHECK_THAT(error, Catch::EndsWith("did you mean \"" + hint + "\"?"));
  }
  for (const char* text : {"8", "GB", "", "1.GB", ".5GB", "-1GB", "8 G B", "8PB", "1e3MB", "99999999999999999GB"}) {
    error.clear();
    CAPTURE(text);
    CHECK_FALSE(parse_memory(text, error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("intent: CIDR blocks") {
  std::string error;
  for (const char* ok : {"10.0.0.0/8", "172.16.0.0/12", "192.0.2.7/32", "0.0.0.0/0", "fd00::/8", "::/0",
                         "2001:db8::1/128", "::ffff:10.0.0.0/104"}) {
    CAPTURE(ok);
    CHECK(valid_cidr(ok, error));
  }
  CHECK_FALSE(valid_cidr("10.0.0.1/8", error));
  CHECK(error == "host bits are set after /8; did you mean \"10.0.0.0/8\"?");
  CHECK_FALSE(valid_cidr("2001:db8::1/32", error));
  CHECK(error == "host bits are set after /32; did you mean \"2001:db8::/32\"?");
  for (const char* bad : {"10.0.0.0", "10.0.0.0/33", "10.1/8", "db.example.com/8", "fe80::1%eth0/64", "10.0.0.0/-1",
                          "10.0.0.0/", "/8", "::/129", "10.0.0.0/8/8", "10.0.0.0/1000"}) {
    CAPTURE(bad);
    error.clear();
    CHECK_FALSE(valid_cidr(bad, error));
    CHECK_FALSE(error.empty());
  }
  auto errors = parse_errors("[network]\nallowed_cidrs = [\"10.0.0.0/8\", 7, \"10.0.0.1/8\"]\n");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message == "\"network.allowed_cidrs[1]\" must be a string, not an integer");
  CHECK(errors[0].column == 32);
  CHECK(errors[1].column == 35);
}

TEST_CASE("intent: text that is not TOML is one error with a position, never an exception") {
  SECTION("syntax error") {
    auto errors = parse_errors("[cluster]\npostgres_version = 16 17\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 23);
    CHECK_THAT(errors[0].message, Catch::StartsWith("invalid TOML: "));
  }
  SECTION("columns are bytes after multi-byte characters and a BOM") {
    auto errors = parse_errors("\xEF\xBB\xBF[cluster]\nname = \"\xC3\xA9t\xC3\xA9\" x\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 16);  // 'x' is byte 16 of the line: each é takes two bytes
    auto bom = parse_errors("\xEF\xBB\xBF[cluster\n");
    REQUIRE(bom.size() == 1);
    CHECK(bom[0].line == 1);
    CHECK(bom[0].column >= 4);  // after the BOM's three bytes
  }
  SECTION("CRLF line ends") {
    Intent intent = parse_ok("[cluster]\r\npostgres_version = 14\r\n[tls]\r\nmode = \"off\"\r\n");
    CHECK(intent.postgres_version == 14);
    CHECK(text_of(intent, "tls.mode") == "\"off\"");
    auto errors = parse_errors("[cluster]\r\npostgres_version = 99\r\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 20);
    CHECK(errors[0].span.size() == 2);
  }
  SECTION("invalid UTF-8") {
    auto errors = parse_errors("[cluster]\nname = \"ab\xFF\"\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    CHECK(errors[0].column == 11);
    CHECK(errors[0].message == "invalid UTF-8 (byte 0xFF); TOML files must be UTF-8");
  }
  SECTION("binary") {
    auto errors =
        parse_errors(std::string("\x7f"
                                 "ELF\x02\x01\x01\x00\x00\x00",
                                 10));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 1);
    CHECK(errors[0].column == 8);
    CHECK_THAT(errors[0].message, Catch::StartsWith("this is not a text file"));
  }
  SECTION("end of file in the middle of a value") {
    auto errors = parse_errors("[cluster]\nname = \"unterminated");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
  }
  SECTION("duplicate keys") {
    auto errors = parse_errors("[cluster]\npostgres_version = 16\npostgres_version = 17\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 3);
  }
  SECTION("deep nesting") {
    std::string deep = "a = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    auto errors = parse_errors(deep);
    CHECK(errors.size() == 1);
  }
  SECTION("random bytes and mutations of the seed") {
    std::mt19937 random(20261124);
    std::string seed = kFull;
    for (int round = 0; round < 2000; ++round) {
      std::string text = seed;
      int edits = 1 + static_cast<int>(random() % 4);
      for (int e = 0; e < edits; ++e) {
        std::size_t at = random() % text.size();
        switch (random() % 3) {
          case 0: text[at] = static_cast<char>(random() % 256); break;
          case 1: text.erase(at, 1 + random() % 8); break;
          default: text.insert(at, 1, "[]\"'=.,#\n{}x1"[random() % 14]); break;
        }
        if (text.empty()) text = "x";
      }
      auto file = testing::source(text, "intent.toml");
      std::variant<Intent, std::vector<IntentError>> result;
      REQUIRE_NOTHROW(result = parse_intent(file));
      if (auto* errors = std::get_if<std::vector<IntentError>>(&result)) {
        REQUIRE_FALSE(errors->empty());
        for (const auto& error : *errors) {
          REQUIRE(error.line >= 1);
          REQUIRE(error.line <= file->line_count() + 1);
          REQUIRE(error.column >= 1);
          REQUIRE(error.span.end <= text.size());
          REQUIRE_FALSE(error.message.empty());
        }
      }
    }
  }
}

TEST_CASE("intent: the JSON Schema and the parser agree") {
  const auto schema = testing::source_dir() / "schemas/intent.schema.json";
  testing::TempDir dir;
  auto verdict =
      testing::validate_against_schema(schema, testing::source_dir() / "examples/seed-production/intent.toml");
  if (verdict == testing::SchemaVerdict::Unavailable) {
    WARN("skipped: /usr/bin/python3 with jsonschema is needed to check schemas/intent.schema.json");
    return;
  }
  CHECK(verdict == testing::SchemaVerdict::Valid);

  const std::vector<std::string> good = {
      kFull,
      "",
      "[cluster]\npostgres_version = 13\nenvironment = \"development\"\n",
      "[resources]\nmemory = \"512 MiB\"\n",
      "[network]\nallowed_cidrs = [\"fd00::/8\", \"192.0.2.7/32\"]\n",
      "[network]\nlisten_addresses = [\"localhost\", \"10.0.0.12\", \"fd00::12\"]\n",
      "[tls]\nmode = \"off\"\n",
      "[backup]\narchiving = true\npitr = true\n",
  };
  const std::vector<std::string> bad = {
      "[cluster]\npostgres_version = 12\n",
      "[cluster]\npostgres_version = \"16\"\n",
      "[cluster]\nenvironment = \"prod\"\n",
      "[cluster]\nrole = \"standby\"\n",
      "[clustre]\npostgres_version = 16\n",
      "[resources]\nmemroy = \"8GB\"\n",
      "[resources]\nmemory = \"8gb\"\n",
      "[resources]\nmemory = 8\n",
      "[resources]\ncpus = 0\n",
      "[resources]\nmax_connections = 262144\n",
      "[resources]\nstorage = \"nvme\"\n",
      "[network]\nexposure = \"world\"\n",
      "[network]\nallowed_cidrs = [\"10.0.0.0/33\"]\n",
      "[network]\nlisten_addresses = [\"*\"]\n",
      "[network]\nlisten_addresses = [\"0.0.0.0\"]\n",
      "[network]\nlisten_addresses = \"localhost\"\n",
      "[network]\nallowed_cidrs = [\"10.0.0.0\"]\n",
      "[network]\nallowed_cidrs = \"10.0.0.0/8\"\n",
      "[network]\nallowed_cidrs = [\"0.0.0.0/0\"]\n",
      "[tls]\nmin_version = \"TLSv1.4\"\n",
      "[tls]\nmode = \"off\"\nmin_version = \"TLSv1.3\"\n",
      "[auth]\npassword_encryption = \"plain\"\n",
      "[backup]\narchiving = false\npitr = true\n",
      "[backup]\npitr = 1\n",
      "name = \"top-level key\"\n",
      "[cluster\n",
  };
  for (std::size_t i = 0; i < good.size(); ++i) {
    auto path = dir.write("good" + std::to_string(i) + ".toml", good[i]);
    CAPTURE(good[i]);
    CHECK(testing::validate_against_schema(schema, path) == testing::SchemaVerdict::Valid);
    CHECK(std::holds_alternative<Intent>(parse_intent(testing::source(good[i], "intent.toml"))));
  }
  for (std::size_t i = 0; i < bad.size(); ++i) {
    auto path = dir.write("bad" + std::to_string(i) + ".toml", bad[i]);
    CAPTURE(bad[i]);
    CHECK(testing::validate_against_schema(schema, path) == testing::SchemaVerdict::Invalid);
    CHECK(std::holds_alternative<std::vector<IntentError>>(parse_intent(testing::source(bad[i], "intent.toml"))));
  }
}
