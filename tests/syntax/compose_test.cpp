// docker-compose reader: services, ports, environment, memory, server settings, secrets, errors.
#include <catch2/catch.hpp>
#include <filesystem>

#include "compiler/syntax/compose/compose.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

namespace {

compose::ComposeFile read(const std::string& text) { return compose::read_compose(testing::source(text, "docker-compose.yml")); }

std::string_view spanned(const compose::ComposeFile& file, Span span) { return file.file->text(span); }

}  // namespace

TEST_CASE("compose: the seed deployment") {
  std::filesystem::path path = std::filesystem::path(PGLINT_SOURCE_DIR) / "examples/seed-production/docker-compose.yml";
  std::string error;
  auto source = read_source_file(path, "docker-compose.yml", error);
  REQUIRE(source);
  auto file = compose::read_compose(*source);
  CHECK(file.errors.empty());
  REQUIRE(file.services.size() == 1);
  const auto& service = file.services[0];
  CHECK(service.name == "postgres");
  CHECK(spanned(file, service.name_span) == "postgres");
  CHECK_FALSE(service.image);
  REQUIRE(service.build_context);
  CHECK(service.build_context->text == ".");
  REQUIRE(service.dockerfile);
  CHECK(spanned(file, service.dockerfile->span) == "Dockerfile");
  REQUIRE(service.memory_limit);
  CHECK(service.memory_limit->text == "2G");
  CHECK(spanned(file, service.memory_limit->span) == "2G");
  CHECK(service.memory_limit_bytes == 2147483648ULL);
  CHECK(service.ports.empty());
  REQUIRE(service.environment.size() == 3);
  CHECK(service.environment[2].name == "POSTGRES_PASSWORD_FILE");
  CHECK(service.environment[2].value == "/run/secrets/postgres_password");
  CHECK(spanned(file, service.environment[2].value_span) == "/run/secrets/postgres_password");
  CHECK(file.file->secret_spans().empty());  // a path to a secret is not a secret
  REQUIRE(service.secrets.size() == 2);
  CHECK(spanned(file, service.secrets[1].span) == "backup_password");
  CHECK(service.has_healthcheck);
  CHECK(service.runs_postgres);  // built from a Dockerfile FROM postgres:16-alpine
}

TEST_CASE("compose: port forms") {
  auto file = read(R"(services:
  db:
    image: postgres:16
    ports:
      - "5432:5432"
      - "127.0.0.1:5433:5432"
      - 5434
      - "[::1]:5435:5432/tcp"
      - "0.0.0.0:6000-6001:6000-6001"
      - target: 5432
        published: "5440"
        host_ip: 10.0.0.1
      - target: 5432
        published: 5441
)");
  REQUIRE(file.errors.empty());
  REQUIRE(file.services.size() == 1);
  const auto& ports = file.services[0].ports;
  REQUIRE(ports.size() == 7);
  CHECK(ports[0].all_interfaces);
  CHECK_FALSE(ports[0].host_ip);
  CHECK(ports[0].host_port == "5432");
  CHECK(ports[0].container_port == "5432");
  CHECK(spanned(file, ports[0].span) == "\"5432:5432\"");
  CHECK_FALSE(ports[1].all_interfaces);
  REQUIRE(ports[1].host_ip);
  CHECK(ports[1].host_ip->text == "127.0.0.1");
  CHECK(spanned(file, ports[1].host_ip->span) == "127.0.0.1");
  CHECK(ports[1].host_port == "5433");
  CHECK(ports[2].all_interfaces);
  CHECK(ports[2].host_port.empty());
  CHECK(ports[2].container_port == "5434");
  CHECK(spanned(file, ports[2].span) == "5434");
  REQUIRE(ports[3].host_ip);
  CHECK(ports[3].host_ip->text == "::1");
  CHECK_FALSE(ports[3].all_interfaces);
  CHECK(ports[3].host_port == "5435");
  CHECK(ports[3].protocol == "tcp");
  CHECK(ports[4].all_interfaces);
  CHECK(ports[4].host_port == "6000-6001");
  CHECK(ports[4].container_port == "6000-6001");
  CHECK(ports[5].container_port == "5432");
  CHECK(ports[5].host_port == "5440");
  REQUIRE(ports[5].host_ip);
  CHECK(spanned(file, ports[5].host_ip->span) == "10.0.0.1");
  CHECK_FALSE(ports[5].all_interfaces);
  CHECK(spanned(file, ports[5].span).starts_with("target: 5432"));
  CHECK(spanned(file, ports[5].span).ends_with("10.0.0.1"));
  CHECK(ports[6].all_interfaces);
  CHECK(ports[6].host_port == "5441");
}

TEST_CASE("compose: server settings from the command") {
  SECTION("string form") {
    auto file = read("services:\n  db:\n    image: postgres\n    command: postgres -c shared_buffers=256MB -c max_connections=200\n");
    REQUIRE(file.services.size() == 1);
    const auto& service = file.services[0];
    CHECK(service.command.size() == 5);
    REQUIRE(service.server_settings.size() == 2);
    CHECK(service.server_settings[0].first.text == "shared_buffers");
    CHECK(spanned(file, service.server_settings[0].first.span) == "shared_buffers");
    CHECK(service.server_settings[0].second.text == "256MB");
    CHECK(spanned(file, service.server_settings[0].second.span) == "256MB");
    CHECK(spanned(file, service.server_settings[1].first.span) == "max_connections");
    CHECK(spanned(file, service.server_settings[1].second.span) == "200");
  }
  SECTION("list form, quoted, and --name=value") {
    auto file = read(
        "services:\n  db:\n    image: postgres\n"
        "    command: [\"postgres\", \"-c\", \"wal_level=logical\", \"--max-wal-senders=4\", \"-cport=5433\"]\n");
    const auto& settings = file.services.at(0).server_settings;
    REQUIRE(settings.size() == 3);
    CHECK(spanned(file, settings[0].first.span) == "wal_level");
    CHECK(spanned(file, settings[0].second.span) == "logical");
    CHECK(settings[1].first.text == "max_wal_senders");
    CHECK(spanned(file, settings[1].second.span) == "4");
    CHECK(settings[2].first.text == "port");
    CHECK(spanned(file, settings[2].second.span) == "5433");
  }
  SECTION("folded block scalar") {
    auto file = read(
        "services:\n  db:\n    image: postgres\n    command: >\n      postgres\n      -c work_mem=64MB\n"
        "      -c 'log_line_prefix=%m [%p] '\n    restart: always\n");
    const auto& service = file.services.at(0);
    REQUIRE(service.server_settings.size() == 2);
    CHECK(spanned(file, service.server_settings[0].second.span) == "64MB");
    CHECK(service.server_settings[1].second.text == "%m [%p] ");
    CHECK(spanned(file, service.server_settings[1].first.span) == "log_line_prefix");
  }
}

TEST_CASE("compose: environment in map and list form, passwords masked") {
  auto file = read(R"(services:
  a:
    image: postgres:15
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: "s3cret"
      EMPTY:
  b:
    image: postgres:15
    environment:
      - POSTGRES_USER=app
      - PGPASSWORD=hunter2
      - NOVALUE
)");
  REQUIRE(file.errors.empty());
  REQUIRE(file.services.size() == 2);
  const auto& a = file.services[0].environment;
  REQUIRE(a.size() == 3);
  CHECK(a[1].name == "POSTGRES_PASSWORD");
  CHECK(a[1].value == "s3cret");
  CHECK(spanned(file, a[1].value_span) == "\"s3cret\"");
  CHECK(spanned(file, a[1].span) == "POSTGRES_PASSWORD: \"s3cret\"");
  CHECK_FALSE(a[2].value);
  const auto& b = file.services[1].environment;
  REQUIRE(b.size() == 3);
  CHECK(b[1].name == "PGPASSWORD");
  CHECK(b[1].value == "hunter2");
  CHECK(spanned(file, b[1].value_span) == "hunter2");
  CHECK(spanned(file, b[1].span) == "PGPASSWORD=hunter2");
  CHECK(b[2].name == "NOVALUE");
  CHECK_FALSE(b[2].value);

  const SourceFile& source = *file.file;
  CHECK(source.secret_spans().size() == 2);
  CHECK(source.redacted({source.line_start(6), source.line_start(6) + source.line_text(6).size()}) ==
        "      POSTGRES_PASSWORD: ********");
  CHECK(source.redacted({source.line_start(12), source.line_start(12) + source.line_text(12).size()}) ==
        "      - PGPASSWORD=*******");
}

TEST_CASE("compose: a list of merge keys, earlier maps first") {
  // Reading `<<: [*a, *b]` once iterated a dead yaml-cpp proxy (ASan stack-use-after-scope).
  auto file = read(R"(x-a: &a
  image: postgres:16
x-b: &b
  image: postgres:15
  mem_limit: 1g
services:
  db:
    <<: [*a, *b]
)");
  REQUIRE(file.errors.empty());
  REQUIRE(file.services.size() == 1);
  REQUIRE(file.services[0].image);
  CHECK(file.services[0].image->text == "postgres:16");
  CHECK(file.services[0].memory_limit_bytes == 1024ULL * 1024 * 1024);
}

TEST_CASE("compose: images, memory, merge keys") {
  auto file = read(R"(x-db: &db
  image: timescale/timescaledb:latest-pg16
  mem_limit: 512m
  shm_size: 1gb
services:
  db:
    <<: *db
    healthcheck:
      disable: true
  api:
    image: postgrest/postgrest
  exporter:
    image: prometheuscommunity/postgres-exporter
  bitnami:
    image: "bitnami/postgresql:16"
  custom:
    image: ${PG_IMAGE:-postgis/postgis}:16-3.4
  raw:
    image: alpine
    command: ["postgres", "-D", "/data"]
)");
  REQUIRE(file.errors.empty());
  REQUIRE(file.services.size() == 6);
  const auto& db = file.services[0];
  CHECK(db.runs_postgres);
  REQUIRE(db.memory_limit);
  CHECK(spanned(file, db.memory_limit->span) == "512m");
  CHECK(db.memory_limit_bytes == 512ULL * 1024 * 1024);
  REQUIRE(db.shm_size);
  CHECK(db.shm_size->text == "1gb");
  CHECK_FALSE(db.has_healthcheck);
  CHECK_FALSE(file.services[1].runs_postgres);
  CHECK_FALSE(file.services[2].runs_postgres);
  CHECK(file.services[3].runs_postgres);
  CHECK(spanned(file, file.services[3].image->span) == "\"bitnami/postgresql:16\"");
  CHECK(file.services[4].runs_postgres);
  CHECK(file.services[5].runs_postgres);
}

TEST_CASE("compose: docker memory sizes") {
  CHECK(compose::parse_docker_memory("2G") == 2147483648ULL);
  CHECK(compose::parse_docker_memory("512m") == 536870912ULL);
  CHECK(compose::parse_docker_memory("1gb") == 1073741824ULL);
  CHECK(compose::parse_docker_memory("1GiB") == 1073741824ULL);
  CHECK(compose::parse_docker_memory("100k") == 102400ULL);
  CHECK(compose::parse_docker_memory("1073741824") == 1073741824ULL);
  CHECK(compose::parse_docker_memory("300b") == 300ULL);
  CHECK(compose::parse_docker_memory("1.5g") == 1610612736ULL);
  CHECK_FALSE(compose::parse_docker_memory(""));
  CHECK_FALSE(compose::parse_docker_memory("${MEM}"));
  CHECK_FALSE(compose::parse_docker_memory("2x"));
  CHECK_FALSE(compose::parse_docker_memory("-1g"));
  CHECK_FALSE(compose::parse_docker_memory("99999999999999999999"));
  CHECK_FALSE(compose::parse_docker_memory("99999999999p"));
}

TEST_CASE("compose: malformed and binary input give errors, never exceptions") {
  compose::ComposeFile file;
  REQUIRE_NOTHROW(file = read("services:\n  db:\n    image: postgres\n    ports: [\"5432:5432\"\n  x: 1\n"));
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].line >= 4);
  CHECK(file.errors[0].column >= 1);
  CHECK(file.errors[0].message.starts_with("invalid YAML"));

  REQUIRE_NOTHROW(file = read("services:\n  db:\n\timage: postgres\n"));
  CHECK(file.errors.size() == 1);

  REQUIRE_NOTHROW(file = read(std::string("\x7f" "ELF\0\0\x01\x02\xff\xfe", 10)));
  REQUIRE(file.errors.size() == 1);
  CHECK(file.services.empty());

  REQUIRE_NOTHROW(file = read("- just\n- a list\n"));
  CHECK(file.errors.size() == 1);
  REQUIRE_NOTHROW(file = read(""));
  CHECK(file.errors.empty());
  REQUIRE_NOTHROW(file = read("services:\n  db:\n"));
  CHECK(file.errors.empty());
  CHECK(file.services.size() == 1);
}

TEST_CASE("corpus: every compose file is read, and PostgreSQL services are found") {
  std::size_t with_postgres = 0;
  auto files = testing::for_each_corpus_file("compose", [&](const SourceFilePtr& source) {
    compose::ComposeFile file;
    REQUIRE_NOTHROW(file = compose::read_compose(source));
    CHECK(file.errors.empty());
    for (const auto& service : file.services) {
      for (const auto& var : service.environment) CHECK(var.value_span.end <= source->text().size());
      for (const auto& setting : service.server_settings) {
        CHECK(source->text(setting.first.span).find(setting.first.text.substr(0, 3)) != std::string_view::npos);
      }
    }
    if (std::any_of(file.services.begin(), file.services.end(), [](const auto& s) { return s.runs_postgres; }))
      ++with_postgres;
  });
  if (!files) return;
  CHECK(*files >= 39);
  CHECK(with_postgres >= 30);
}
