// GitHub workflow commands: exact lines, order by severity, escaping, masked secrets.
#include <catch2/catch.hpp>
#include <sstream>

#include "compiler/report/report.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

namespace {

engine::Diagnostic make(const SourceFilePtr& file, std::string rule_id, std::string rule_name,
                        engine::Severity severity, Span span, std::string message, std::string help = {}) {
  engine::Diagnostic d;
  d.rule_id = std::move(rule_id);
  d.rule_name = std::move(rule_name);
  d.severity = severity;
  d.file = file;
  d.span = span;
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

std::string github(const std::vector<engine::Diagnostic>& diagnostics) {
  std::ostringstream out;
  report::write_github(out, diagnostics);
  return out.str();
}

}  // namespace

TEST_CASE("github: errors, then warnings, then notices, one line each") {
  auto conf = testing::source("# tuning\nwork_mem = '64KB'\nport = 99999\n", "conf/postgresql.conf");
  auto hba = testing::source("host all all 0.0.0.0/0 trust\n", "conf/pg_hba.conf");
  std::vector<engine::Diagnostic> diagnostics{
      make(conf, "M001", "unused-suppression", engine::Severity::Info, Span{0, 8}, "nothing to silence"),
      make(hba, "S301", "trust-auth", engine::Severity::Warning, Span{23, 28}, "trust lets anyone in"),
      make(conf, "V103", "invalid-value", engine::Severity::Error, Span{20, 26},
           "invalid value for parameter \"work_mem\": \"64KB\"", "use kB"),
      make(conf, "V103", "invalid-value", engine::Severity::Error, Span{34, 39}, "99999 is outside the valid range"),
  };
  CHECK(github(diagnostics) ==
        "::error file=conf/postgresql.conf,line=2,col=12,endLine=2,endColumn=18,title=V103 invalid-value::invalid "
        "value for parameter \"work_mem\": \"64KB\"%0Ahelp: use kB\n"
        "::error file=conf/postgresql.conf,line=3,col=8,endLine=3,endColumn=13,title=V103 invalid-value::99999 is "
        "outside the valid range\n"
        "::warning file=conf/pg_hba.conf,line=1,col=24,endLine=1,endColumn=29,title=S301 trust-auth::trust lets "
        "anyone in\n"
        "::notice file=conf/postgresql.conf,line=1,col=1,endLine=1,endColumn=9,title=M001 unused-suppression::nothing "
        "to silence\n");
}

TEST_CASE("github: escaping of properties and messages") {
  auto file = testing::source("a = 1\n", "odd,name:100%.conf");
  auto d = make(file, "V103", "a,b:c", engine::Severity::Error, Span{4, 5}, "50% done\r\nnext: line, with comma");
  CHECK(github({d}) ==
        "::error file=odd%2Cname%3A100%25.conf,line=1,col=5,endLine=1,endColumn=6,title=V103 a%2Cb%3Ac::50%25 "
        "done%0D%0Anext: line, with comma\n");
}

TEST_CASE("github: secrets of the file are masked, columns count UTF-16 units") {
  auto file =
      testing::source("host all all ::/0 radius radiussecrets=sesame-street \xF0\x9F\x98\x80 x\n", "pg_hba.conf");
  std::size_t at = file->text().find("sesame-street");
  file->mark_secret(Span{at, at + 13});
  std::size_t x = file->text().find(" x") + 1;
  REQUIRE(file->position(x).column == 59);  // in bytes; 57 in UTF-16 units (the emoji is 4 bytes, 2 units)
  auto d = make(file, "S302", "radius", engine::Severity::Warning, Span{x, x + 1}, "secret sesame-street is short");
  CHECK(github({d}) ==
        "::warning file=pg_hba.conf,line=1,col=57,endLine=1,endColumn=58,title=S302 radius::secret ************* is "
        "short\n");
  CHECK(github({}).empty());
}
