// Comments in the pg_hba.conf / pg_ident.conf tree: where each one is, so that fixes can keep
// a trailing comment and see when an edit would remove one.
#include <catch2/catch.hpp>

#include "compiler/syntax/hba/tree.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

namespace {

// The text of each comment span of each logical line, joined with "|" per line.
std::vector<std::string> comments(const std::string& text, int major = 16) {
  auto source = testing::source(text, "pg_hba.conf");
  hba::AuthFile file = hba::tokenize(source, {major, 0});
  CHECK(hba::print(file) == text);
  std::vector<std::string> out;
  for (const hba::LogicalLine& line : file.lines) {
    std::string joined;
    for (const Span& span : line.comments) {
      if (!joined.empty()) joined += "|";
      joined += std::string(source->text(span));
    }
    out.push_back(joined);
  }
  return out;
}

}  // namespace

TEST_CASE("hba comments: whole-line, trailing, none") {
  CHECK(comments("# TYPE DATABASE\n\nlocal all all peer   # admins\nhost all all ::1/128 trust\n") ==
        std::vector<std::string>{"# TYPE DATABASE", "", "# admins", ""});
}

TEST_CASE("hba comments: '#' ends a token; quoted '#' is not a comment") {
  CHECK(comments("local all all peer#x\n") == std::vector<std::string>{"#x"});
  CHECK(comments("local \"a#b\" all peer # real\n") == std::vector<std::string>{"# real"});
  CHECK(comments("local all all,#x\n") == std::vector<std::string>{"#x"});
}

TEST_CASE("hba comments: line endings are not part of the comment") {
  CHECK(comments("local all all peer # crlf\r\nlocal all all peer #eof") ==
        std::vector<std::string>{"# crlf", "#eof"});
}

TEST_CASE("hba comments: continuation lines (14+) give one span per physical line") {
  CHECK(comments("local all \\\nall peer # after\n", 14) == std::vector<std::string>{"# after"});
  // A comment ending in a backslash swallows the next line; the backslash is not comment text.
  CHECK(comments("local all all trust # note \\\nhost x\n", 16) == std::vector<std::string>{"# note |host x"});
  // 13 has no continuations: the backslash is comment text and the next line is a line.
  CHECK(comments("local all all trust # note \\\nhost x\n", 13) == std::vector<std::string>{"# note \\", ""});
}

TEST_CASE("hba comments: spans point into the file") {
  auto source = testing::source("local all all peer  # why\n", "pg_hba.conf");
  hba::AuthFile file = hba::tokenize(source, {18, 0});
  REQUIRE(file.lines.size() == 1);
  REQUIRE(file.lines[0].comments.size() == 1);
  CHECK(file.lines[0].comments[0] == Span{20, 25});
}
