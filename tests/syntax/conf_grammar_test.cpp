// The postgresql.conf grammar against PostgreSQL's behaviour (facts checked with the
// real servers; the oracle test covers thousands more lines).
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "compiler/syntax/conf/grammar.hpp"
#include "compiler/syntax/conf/tree.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

namespace {

conf::Tree parse_text(const std::string& text) { return conf::parse(testing::source(text)); }

// The single line's kind and, for an error, the message.
std::pair<conf::LineKind, std::string> classify(const std::string& line) {
  conf::Tree tree = parse_text(line + "\n");
  REQUIRE(tree.lines.size() == 1);
  const conf::Line& parsed = tree.lines[0];
  return {parsed.kind, parsed.error ? parsed.error->message : ""};
}

}  // namespace

TEST_CASE("token rules have no infinite loops (PEGTL analyze)") {
  using namespace conf::grammar;
  CHECK(tao::pegtl::analyze<id>() == 0);
  CHECK(tao::pegtl::analyze<qualified_id>() == 0);
  CHECK(tao::pegtl::analyze<quoted_string>() == 0);
  CHECK(tao::pegtl::analyze<unquoted_string>() == 0);
  CHECK(tao::pegtl::analyze<integer>() == 0);
  CHECK(tao::pegtl::analyze<real>() == 0);
  CHECK(tao::pegtl::analyze<comment>() == 0);
}

TEST_CASE("lines PostgreSQL rejects are syntax errors with its wording") {
  struct Case {
    const char* line;
    const char* message;
  };
  const Case cases[] = {
      {"work_mem = 1.5GB", "syntax error, near token \"GB\""},
      {"lc_messages = en_US.UTF8", "syntax error, near token \"en_US.UTF8\""},
      {"x.y = foo.bar", "syntax error, near token \"foo.bar\""},
      {"include foo.conf", "syntax error, near token \"foo.conf\""},
      {"include_dir conf.d", "syntax error, near token \"conf.d\""},
      {"a.b.c = 1", "syntax error, near token \"a.b.c\""},
      {"work_mem == 4MB", "syntax error, near token \"=\""},
      {"listen_addresses = *", "syntax error, near token \"*\""},
      {"listen_addresses = localhost,127.0.0.1", "syntax error, near token \",\""},
      {"log_directory = /var/log", "syntax error, near token \"/\""},
      {"x.y = 127.0.0.1", "syntax error, near token \".0\""},
      {"x.y = 1e10", "syntax error, near token \"10\""},
      {"x.y = \"foo\"", "syntax error, near token \"\"\""},
      {"x = 'abc", "syntax error, near token \"'\""},
      {"x.y = 5 6", "syntax error, near token \"6\""},
      {"datestyle = iso, mdy", "syntax error, near token \",\""},
      {"default_transaction_isolation = repeatable read", "syntax error, near token \"read\""},
      {"ssl_ciphers = HIGH:MEDIUM:+3DES:!aNULL", "syntax error, near token \"+3DES\""},
      {"x.y = 10 MB", "syntax error, near token \"MB\""},
      {"x.y = 5_000", "syntax error, near token \"_000\""},
      {"1x = 1", "syntax error, near token \"1x\""},
      {"work_mem =", "syntax error, near end of line"},
      {"work_mem", "syntax error, near end of line"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    auto [kind, message] = classify(c.line);
    CHECK(kind == conf::LineKind::Error);
    CHECK(message == c.message);
  }
}

TEST_CASE("lines PostgreSQL accepts are entries with the value it uses") {
  struct Case {
    const char* line;
    const char* name;
    const char* value;
  };
  const Case cases[] = {
      {"work_mem = '1.5GB'", "work_mem", "1.5GB"},
      {"lc_messages = en_US.UTF-8", "lc_messages", "en_US.UTF-8"},
      {"x.y = foo.bar.baz", "x.y", "foo.bar.baz"},
      {"include sub/foo.conf", "include", "sub/foo.conf"},
      {"work_mem 4MB", "work_mem", "4MB"},
      {"log_directory = pg_log/sub", "log_directory", "pg_log/sub"},
      {"x.y = 1.0e10", "x.y", "1.0e10"},
      {"x.y = 'it''s'", "x.y", "it's"},
      {"x.y = 'it\\'s'", "x.y", "it's"},
      {"x.y = 'a\\\\b'", "x.y", "a\\b"},
      {"x.y = 'x\\yz'", "x.y", "xyz"},
      {"x.y = 'oct\\101'", "x.y", "octA"},
      {"x.y = 'tab\\there'", "x.y", "tab\there"},
      {"x.y = 'nul\\0after'", "x.y", "nul"},
      {"x.y = 5 # c", "x.y", "5"},
      {"x.y = 'a#b'", "x.y", "a#b"},
      {"x.y = '10 MB'", "x.y", "10 MB"},
      {"timezone = Europe/Berlin", "timezone", "Europe/Berlin"},
      {"ssl_min_protocol_version = TLSv1.3", "ssl_min_protocol_version", "TLSv1.3"},
      {"x.y = 0x1F", "x.y", "0x1F"},
      {"x.y = .", "x.y", "."},
      {"x.y = -5", "x.y", "-5"},
      {"Shared_Buffers = 128MB", "Shared_Buffers", "128MB"},
      {"caf\xc3\xa9 = 1", "caf\xc3\xa9", "1"},
      {"x.y = 'a'''", "x.y", "a'"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    conf::Tree tree = parse_text(std::string(c.line) + "\n");
    REQUIRE(tree.lines.size() == 1);
    REQUIRE(tree.lines[0].kind == conf::LineKind::Entry);
    conf::Entry entry = tree.entry(0);
    CHECK(entry.name == c.name);
    CHECK(entry.value == c.value);
  }
}

TEST_CASE("a doubled quote at the end of a line closes the string before it") {
  // 'a'' then end of line: the string is 'a', the last quote is a stray error token.
  auto [kind, message] = classify("x.y = 'a''");
  CHECK(kind == conf::LineKind::Error);
  CHECK(message == "syntax error, near token \"'\"");
}

TEST_CASE("printing the tree gives the input back byte for byte") {
  const char* inputs[] = {
      "",
      "\n",
      "work_mem = 4MB",
      "work_mem = 4MB\r\nssl = on\r\n",
      "# only a comment",
      "bad line !!! \n  \t  \nx = 'unterminated\nlast = 1",
      "a\rb = c\r",
      "\x01\x02\xff\xfe = \n",
  };
  for (const char* input : inputs) {
    conf::Tree tree = parse_text(input);
    CHECK(conf::print(tree) == input);
  }
}

TEST_CASE("one error does not hide the next") {
  conf::Tree tree = parse_text("a = *\nwork_mem = 4MB\nb = ,\nc = 1.5GB\n");
  REQUIRE(tree.lines.size() == 4);
  CHECK(tree.lines[0].kind == conf::LineKind::Error);
  CHECK(tree.lines[1].kind == conf::LineKind::Entry);
  CHECK(tree.lines[2].kind == conf::LineKind::Error);
  CHECK(tree.lines[3].kind == conf::LineKind::Error);
}

TEST_CASE("a bare carriage return does not end a line") {
  conf::Tree tree = parse_text("a = 1\rb = 2\n");
  REQUIRE(tree.lines.size() == 1);
  CHECK(tree.lines[0].kind == conf::LineKind::Error);
}

TEST_CASE("a huge line is parsed in linear time") {
  std::string text = "x.y = '" + std::string(2'000'000, 'x') + "'\n" + "z.z = '" + std::string(1'000'000, '\'') + "\n";
  conf::Tree tree = parse_text(text);
  REQUIRE(tree.lines.size() == 2);
  CHECK(tree.lines[0].kind == conf::LineKind::Entry);
  CHECK(conf::print(tree) == text);
}
