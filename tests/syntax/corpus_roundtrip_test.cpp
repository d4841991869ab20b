// Every real-world file of ../shared/corpus/conf prints back byte for byte.
#include <catch2/catch.hpp>
#include <filesystem>

#include "compiler/syntax/conf/tree.hpp"
#include "compiler/syntax/hba/tree.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

TEST_CASE("corpus: postgresql.conf files round-trip byte for byte") {
  auto files = testing::for_each_corpus_file("conf", [](const SourceFilePtr& source) {
    CHECK(conf::print(conf::parse(source)) == source->text());
  });
  if (files) CHECK(*files > 50);
}

TEST_CASE("corpus: pg_hba.conf files round-trip byte for byte in every version") {
  auto files = testing::for_each_corpus_file("hba", [](const SourceFilePtr& source) {
    for (int major : {13, 14, 16, 18}) CHECK(hba::print(hba::tokenize(source, {major, 0})) == source->text());
  });
  if (files) CHECK(*files > 50);
}
