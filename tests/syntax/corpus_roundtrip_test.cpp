// Every real-world file of ../shared/corpus/conf prints back byte for byte.
#include <catch2/catch.hpp>
#include <filesystem>

#include "compiler/syntax/conf/tree.hpp"
#include "compiler/syntax/hba/tree.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

TEST_CASE("corpus: postgresql.conf files round-trip byte for byte") {
  auto corpus = testing::shared_dir() / "corpus" / "conf";
  if (!std::filesystem::is_directory(corpus)) {
    WARN("skipped: " << corpus << " is absent (it exists only next to the development checkout)");
    return;
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::string error;
    auto source = read_source_file(entry.path(), entry.path().filename().string(), error);
    REQUIRE(source);
    INFO(entry.path().filename().string());
    CHECK(conf::print(conf::parse(*source)) == (*source)->text());
    ++files;
  }
  CHECK(files > 50);
}

TEST_CASE("corpus: pg_hba.conf files round-trip byte for byte in every version") {
  auto corpus = testing::shared_dir() / "corpus" / "hba";
  if (!std::filesystem::is_directory(corpus)) {
    WARN("skipped: " << corpus << " is absent (it exists only next to the development checkout)");
    return;
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::string error;
    auto source = read_source_file(entry.path(), entry.path().filename().string(), error);
    REQUIRE(source);
    INFO(entry.path().filename().string());
    for (int major : {13, 14, 16, 18}) CHECK(hba::print(hba::tokenize(*source, {major, 0})) == (*source)->text());
    ++files;
  }
  CHECK(files > 50);
}
