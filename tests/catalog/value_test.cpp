// Value interpretation as guc.c does it (cases checked against real PostgreSQL).
#include <catch2/catch.hpp>

#include "compiler/catalog/catalog.hpp"
#include "compiler/catalog/units.hpp"
#include "compiler/catalog/value.hpp"

using namespace pglint::catalog;

namespace {

// The value in base units, or the error message (with hint after " | ").
std::string interpret(std::string_view name, std::string_view text, int major = 16) {
  ValueResult result = parse_value(name, text, major);
  if (const auto* error = std::get_if<ValueError>(&result)) {
    return error->hint.empty() ? error->message : error->message + " | " + error->hint;
  }
  const auto& parsed = std::get<ParsedValue>(result);
  if (const auto* b = std::get_if<bool>(&parsed.value)) return *b ? "on" : "off";
  if (const auto* i = std::get_if<long long>(&parsed.value)) return std::to_string(*i);
  if (const auto* r = std::get_if<double>(&parsed.value)) return std::to_string(*r);
  return parsed.canonical.empty() ? std::get<std::string>(parsed.value) : parsed.canonical;
}

}  // namespace

TEST_CASE("every supported version has a catalogue") {
  for (int major = oldest_supported_major; major <= newest_supported_major; ++major) {
    const Catalog* catalog = catalog_for(major);
    REQUIRE(catalog != nullptr);
    CHECK(catalog->major() == major);
    CHECK(catalog->parameters().size() > 300);
    CHECK(catalog->find("work_mem") != nullptr);
  }
  CHECK(catalog_for(11) == nullptr);
}

TEST_CASE("names are case-insensitive and old aliases resolve") {
  const Catalog& c = *catalog_for(16);
  CHECK(c.find("Shared_Buffers") == c.find("shared_buffers"));
  REQUIRE(c.find("sort_mem") != nullptr);
  CHECK(c.find("sort_mem")->name == "work_mem");
  CHECK(c.find("vacuum_mem")->name == "maintenance_work_mem");
  CHECK(catalog_for(18)->find("ssl_ecdh_curve")->name == "ssl_groups");
}

TEST_CASE("Booleans: prefixes, on/off need two letters, exact 1 and 0") {
  CHECK(interpret("fsync", "of") == "off");
  CHECK(interpret("fsync", "o") == "parameter \"fsync\" requires a Boolean value");
  CHECK(interpret("fsync", "Ye") == "on");
  CHECK(interpret("fsync", "TR") == "on");
  CHECK(interpret("fsync", "t") == "on");
  CHECK(interpret("fsync", "1") == "on");
  CHECK(interpret("fsync", "01") == "parameter \"fsync\" requires a Boolean value");
  CHECK(interpret("fsync", "2") == "parameter \"fsync\" requires a Boolean value");
  CHECK(interpret("fsync", " on") == "parameter \"fsync\" requires a Boolean value");
  CHECK(interpret("fsync", "") == "parameter \"fsync\" requires a Boolean value");
  CHECK(interpret("fsync", "offf") == "parameter \"fsync\" requires a Boolean value");
}

TEST_CASE("integers: octal, hex, fractions rounded half to even, exponents") {
  CHECK(interpret("max_connections", "010") == "8");
  CHECK(interpret("max_connections", "08") == "invalid value for parameter \"max_connections\": \"08\"");
  CHECK(interpret("max_connections", "0x10") == "16");
  CHECK(interpret("max_connections", "0x10.8") == "16");
  CHECK(interpret("max_connections", "2.5") == "2");
  CHECK(interpret("max_connections", "3.5") == "4");
  CHECK(interpret("max_connections", "100.5") == "100");
  CHECK(interpret("max_connections", " 7 ") == "7");
  CHECK(interpret("max_connections", "1e2") == "100");
  CHECK(interpret("max_connections", "1_000") == "invalid value for parameter \"max_connections\": \"1_000\"");
  CHECK(interpret("max_connections", "inf") == "invalid value for parameter \"max_connections\": \"inf\"");
  CHECK(interpret("max_connections", "5ms") == "invalid value for parameter \"max_connections\": \"5ms\"");
}

TEST_CASE("memory units: case-sensitive, space allowed, rounding to the next smaller unit") {
  CHECK(interpret("work_mem", "64KB") ==
        "invalid value for parameter \"work_mem\": \"64KB\" | Valid units for this parameter are \"B\", \"kB\", "
        "\"MB\", \"GB\", and \"TB\".");
  CHECK(interpret("work_mem", "64 kB") == "64");
  CHECK(interpret("work_mem", "30.1GB") == std::to_string(30822 * 1024));
  CHECK(interpret("work_mem", "1.5GB") == std::to_string(1536 * 1024));
  CHECK(interpret("shared_buffers", "1.5GB") == "196608");
  CHECK(interpret("shared_buffers", "7kB").find("is outside the valid range") != std::string::npos);
  CHECK(interpret("work_mem", "1000B").starts_with("1 kB is outside the valid range for parameter \"work_mem\""));
}

TEST_CASE("time units: us rounds to ms, unit min, integer range") {
  CHECK(interpret("statement_timeout", "500us") == "0");
  CHECK(interpret("statement_timeout", "600us") == "1");
  CHECK(interpret("statement_timeout", "5 min") == "300000");
  CHECK(interpret("statement_timeout", "1h30min").starts_with("invalid value"));
  CHECK(interpret("statement_timeout", "5m").starts_with("invalid value"));
  CHECK(interpret("statement_timeout", "25d") ==
        "invalid value for parameter \"statement_timeout\": \"25d\" | Value exceeds integer range.");
}

TEST_CASE("enums: case-insensitive, no prefixes, hidden aliases, per version") {
  CHECK(interpret("synchronous_commit", "of").starts_with("invalid value for parameter \"synchronous_commit\""));
  CHECK(interpret("synchronous_commit", "OFF") == "off");
  CHECK(interpret("constraint_exclusion", "TRUE") == "true");
  CHECK(interpret("constraint_exclusion", "t").starts_with("invalid value"));
  CHECK(interpret("password_encryption", "MD5") == "md5");
  CHECK(interpret("password_encryption", "on", 13) == "on");
  CHECK(interpret("password_encryption", "on", 14).starts_with("invalid value"));
  CHECK(interpret("wal_compression", "lz4", 13) == "parameter \"wal_compression\" requires a Boolean value");
  CHECK(interpret("wal_compression", "zstd", 16) == "zstd");  // build-dependent, accepted for full builds
}

TEST_CASE("reals: infinity out of range, nan invalid, hex floats") {
  CHECK(interpret("random_page_cost", "inf").find("outside the valid range") != std::string::npos);
  CHECK(interpret("random_page_cost", "nan").starts_with("invalid value"));
  CHECK(interpret("random_page_cost", "0x1p2") == std::to_string(4.0));
}

TEST_CASE("unknown names") {
  CHECK(interpret("no_such_thing", "1") == "unrecognized configuration parameter \"no_such_thing\"");
}

TEST_CASE("unit formatting for messages") {
  CHECK(format_with_unit(131072, "8kB") == "1GB");
  CHECK(format_with_unit(4096, "kB") == "4MB");
  CHECK(format_with_unit(60000, "ms") == "1min");
}
