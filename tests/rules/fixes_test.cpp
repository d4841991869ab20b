// The pg_hba.conf and compose fix builders on what the case files cannot express (CRLF line
// endings, files without a final newline) and on what they must refuse.
#include <catch2/catch.hpp>

#include "compiler/fix/edits.hpp"
#include "compiler/model/hba_set.hpp"
#include "rules/container/container_fixes.hpp"
#include "rules/hba/hba_fixes.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

namespace {

std::string applied(const SourceFilePtr& file, const std::optional<engine::Fix>& fix) {
  REQUIRE(fix);
  return fix::apply_edits(std::string(file->text()), fix->edits);
}

model::HbaSet hba_set(const SourceFilePtr& file) {
  hba::HbaContext context;
  context.major = 18;
  return model::load_hba_set(file, context);
}

const compose::PortMapping& first_port(const compose::ComposeFile& compose) {
  REQUIRE(compose.services.size() == 1);
  REQUIRE(compose.services[0].ports.size() == 1);
  return compose.services[0].ports[0];
}

}  // namespace

TEST_CASE("hba fixes keep CRLF line endings", "[fix]") {
  auto file = testing::source("local all all peer\r\nhost all all 10.0.0.0/8 md5\r\n", "pg_hba.conf");
  auto set = hba_set(file);
  REQUIRE(set.records.size() == 2);
  CHECK(applied(file, rules::reject_role_before_fix(set.records[1], "all", "postgres", "why", engine::Applicability::Unsafe)) ==
        "local all all peer\r\n# added by pglint fix: why\r\nhost all postgres all reject\r\nhost all all 10.0.0.0/8 md5\r\n");
  CHECK(applied(file, rules::replace_method_fix(set.records[1], "scram-sha-256", engine::Applicability::Unsafe)) ==
        "local all all peer\r\nhost all all 10.0.0.0/8 scram-sha-256\r\n");
}

TEST_CASE("hba fixes on the last line without a newline", "[fix]") {
  auto file = testing::source("local all all peer\nhost all all 10.0.0.0/8 trust", "pg_hba.conf");
  auto set = hba_set(file);
  REQUIRE(set.records.size() == 2);
  CHECK(applied(file, rules::reject_role_before_fix(set.records[1], "all", "postgres", "why", engine::Applicability::Unsafe)) ==
        "local all all peer\n# added by pglint fix: why\nhost all postgres all reject\nhost all all 10.0.0.0/8 trust");
  CHECK(applied(file, rules::comment_out_record_fix(set.records[1], engine::Applicability::Safe)) ==
        "local all all peer\n#host all all 10.0.0.0/8 trust");
}

TEST_CASE("hba fixes refuse what they cannot write plainly", "[fix]") {
  auto file = testing::source("host all all 10.0.0.0/8 md5\n", "pg_hba.conf");
  auto set = hba_set(file);
  REQUIRE(set.records.size() == 1);
  CHECK_FALSE(rules::reject_role_before_fix(set.records[0], "all", "all", "why", engine::Applicability::Unsafe));
  CHECK_FALSE(rules::reject_role_before_fix(set.records[0], "all", "my user", "why", engine::Applicability::Unsafe));
  CHECK_FALSE(rules::reject_role_before_fix(set.records[0], "all", "/^post", "why", engine::Applicability::Unsafe));
  CHECK_FALSE(rules::reject_role_before_fix(set.records[0], "all", "${POSTGRES_USER}", "why", engine::Applicability::Unsafe));
}

TEST_CASE("compose port fixes: short syntax, quotes kept", "[fix]") {
  for (auto [in, out] : std::vector<std::pair<std::string, std::string>>{
           {"- \"5432:5432\"", "- \"127.0.0.1:5432:5432\""},
           {"- '5432:5432/tcp'", "- '127.0.0.1:5432:5432/tcp'"},
           {"- 5432:5432", "- 127.0.0.1:5432:5432"},
           {"- \"5432\"", "- \"127.0.0.1::5432\""},
           {"- \"0.0.0.0:5432:5432\"", "- \"127.0.0.1:5432:5432\""},
           {"- \"[::]:5432:5432\"", "- \"[::1]:5432:5432\""},
       }) {
    auto file = testing::source("services:\n  db:\n    image: postgres:16\n    ports:\n      " + in + "\n",
                                "docker-compose.yml");
    auto compose = compose::read_compose(file);
    CHECK(applied(file, rules::loopback_port_fix(file, first_port(compose))) ==
          "services:\n  db:\n    image: postgres:16\n    ports:\n      " + out + "\n");
  }
}

TEST_CASE("compose port fixes: variables and odd forms get none", "[fix]") {
  for (std::string in : {"- \"${PORT}:5432\"", "- \":5432:5432\"", "- \"${IP:-0.0.0.0}:5432:5432\""}) {
    auto file = testing::source("services:\n  db:\n    image: postgres:16\n    ports:\n      " + in + "\n",
                                "docker-compose.yml");
    auto compose = compose::read_compose(file);
    if (!first_port(compose).all_interfaces) continue;
    CHECK_FALSE(rules::loopback_port_fix(file, first_port(compose)));
  }
}

TEST_CASE("compose port fixes: long syntax", "[fix]") {
  auto file = testing::source(
      "services:\r\n  db:\r\n    image: postgres:16\r\n    ports:\r\n      - target: 5432\r\n        published: \"5432\"  # psql\r\n"
      "    restart: always\r\n",
      "docker-compose.yml");
  auto compose = compose::read_compose(file);
  CHECK(applied(file, rules::loopback_port_fix(file, first_port(compose))) ==
        "services:\r\n  db:\r\n    image: postgres:16\r\n    ports:\r\n      - target: 5432\r\n        published: \"5432\"  # psql\r\n"
        "        host_ip: 127.0.0.1\r\n    restart: always\r\n");

  auto at_end = testing::source("services:\n  db:\n    image: postgres:16\n    ports:\n      - target: 5432\n        published: 5432",
                                "docker-compose.yml");
  auto end_compose = compose::read_compose(at_end);
  CHECK(applied(at_end, rules::loopback_port_fix(at_end, first_port(end_compose))) ==
        "services:\n  db:\n    image: postgres:16\n    ports:\n      - target: 5432\n        published: 5432\n"
        "        host_ip: 127.0.0.1");

  auto flow = testing::source("services:\n  db:\n    image: postgres:16\n    ports:\n      - {target: 5432, published: 5432}\n",
                              "docker-compose.yml");
  auto flow_compose = compose::read_compose(flow);
  CHECK_FALSE(rules::loopback_port_fix(flow, first_port(flow_compose)));
}

TEST_CASE("image pin fix: the official image only", "[fix]") {
  auto file = testing::source("image: \"postgres:latest\"\nimage: docker.io/library/postgres\nimage: postgis/postgis\n",
                              "x");
  container::Located quoted{"postgres:latest", {7, 24}};
  CHECK(applied(file, rules::pin_image_fix(file, quoted, 16)).substr(0, 20) == "image: \"postgres:16\"");
  container::Located library{"docker.io/library/postgres", {32, 58}};
  CHECK(rules::pin_image_fix(file, library, 17)->description == "use docker.io/library/postgres:17");
  container::Located postgis{"postgis/postgis", {66, 81}};
  CHECK_FALSE(rules::pin_image_fix(file, postgis, 16));
}
