// Dockerfile reader: instructions, continuations, stages, ENV/ARG, HEALTHCHECK, server settings.
#include <catch2/catch.hpp>
#include <filesystem>

#include "compiler/syntax/dockerfile/dockerfile.hpp"
#include "tests/test_support.hpp"

using namespace pglint;

namespace {

dockerfile::DockerfileModel read(const std::string& text) {
  return dockerfile::read_dockerfile(testing::source(text, "Dockerfile"));
}

}  // namespace

TEST_CASE("dockerfile: the seed deployment") {
  std::filesystem::path path = std::filesystem::path(PGLINT_SOURCE_DIR) / "examples/seed-production/Dockerfile";
  std::string error;
  auto source = read_source_file(path, "Dockerfile", error);
  REQUIRE(source);
  auto model = dockerfile::read_dockerfile(*source);
  const SourceFile& file = **source;
  CHECK(model.errors.empty());
  REQUIRE(model.stages.size() == 1);
  const auto& stage = model.stages[0];
  CHECK(stage.image.text == "postgres:16-alpine");
  CHECK(file.text(stage.image.span) == "postgres:16-alpine");
  CHECK_FALSE(stage.alias);
  CHECK(stage.runs_postgres);
  CHECK(stage.has_healthcheck);
  REQUIRE(stage.env.size() == 5);
  CHECK(stage.env[0].name == "POSTGRES_DB");
  CHECK(stage.env[0].value == "appdb");
  CHECK(file.text(stage.env[0].value_span) == "appdb");
  CHECK(stage.env[3].name == "POSTGRES_INITDB_ARGS");
  CHECK(stage.env[3].value == "--auth-host=scram-sha-256 --data-checksums");
  CHECK(file.text(stage.env[3].value_span) == "\"--auth-host=scram-sha-256 --data-checksums\"");
  CHECK(stage.env[4].name == "POSTGRES_HOST_AUTH_METHOD");
  CHECK(file.text(stage.env[4].span) == "POSTGRES_HOST_AUTH_METHOD=scram-sha-256");
  CHECK(file.position(stage.env[4].span.begin).line == 27);
  // FROM, 2 RUN, 4 COPY, ENV, HEALTHCHECK
  REQUIRE(model.instructions.size() == 9);
  CHECK(model.instructions[1].keyword == "RUN");
  CHECK(model.instructions[1].line == 4);
  CHECK(model.instructions[1].arguments.starts_with("apk add --no-cache     bash     curl"));
  const auto& env = model.instructions[7];
  CHECK(env.keyword == "ENV");
  CHECK(env.line == 23);
  CHECK(file.position(env.span.end).line == 27);
  const auto& healthcheck = model.instructions[8];
  CHECK(healthcheck.keyword == "HEALTHCHECK");
  CHECK(file.text(healthcheck.span).ends_with("|| exit 1"));
}

TEST_CASE("dockerfile: stages, ENV forms, ARG, USER, CMD settings, secrets") {
  std::string text =
      "# syntax=docker/dockerfile:1\n"
      "ARG BASE=postgres:17\n"
      "FROM ${BASE} AS base\n"
      "env PGDATA /var/lib/postgresql/data\n"
      "ENV POSTGRES_PASSWORD=topsecret APP=\"a b\"\n"
      "ARG VERSION=1.0\n"
      "USER postgres\n"
      "CMD [\"postgres\", \"-c\", \"shared_buffers=1GB\", \"-c\", \"max_connections=50\"]\n"
      "\n"
      "FROM base AS final\n"
      "# a comment\n"
      "HEALTHCHECK NONE\n"
      "FROM --platform=linux/amd64 alpine:3 AS tools\n"
      "RUN echo hi \\\n"
      "  # a comment inside\n"
      "  && echo there\n"
      "CMD postgres -c work_mem=4MB\n";
  auto model = read(text);
  const SourceFile& file = *model.file;
  CHECK(model.errors.empty());
  REQUIRE(model.global_args.size() == 1);
  REQUIRE(model.stages.size() == 3);
  const auto& base = model.stages[0];
  CHECK(base.alias == "base");
  CHECK(base.runs_postgres);  // through the global ARG's default
  REQUIRE(base.env.size() == 4);
  CHECK(base.env[0].name == "PGDATA");
  CHECK(base.env[0].value == "/var/lib/postgresql/data");
  CHECK(file.text(base.env[0].value_span) == "/var/lib/postgresql/data");
  CHECK(base.env[1].name == "POSTGRES_PASSWORD");
  CHECK(file.text(base.env[1].value_span) == "topsecret");
  CHECK(base.env[2].value == "a b");
  CHECK(base.env[3].build_arg);
  CHECK(base.env[3].value == "1.0");
  CHECK(base.user == "postgres");
  REQUIRE(base.command.size() == 5);
  CHECK(file.text(base.command[0].span) == "\"postgres\"");
  REQUIRE(base.server_settings.size() == 2);
  CHECK(file.text(base.server_settings[0].first.span) == "shared_buffers");
  CHECK(file.text(base.server_settings[0].second.span) == "1GB");
  CHECK(file.text(base.server_settings[1].second.span) == "50");

  const auto& final_stage = model.stages[1];
  CHECK(final_stage.parent == 0u);
  CHECK(final_stage.runs_postgres);
  CHECK_FALSE(final_stage.has_healthcheck);
  CHECK(final_stage.server_settings.size() == 2);

  const auto& tools = model.stages[2];
  CHECK(tools.image.text == "alpine:3");
  CHECK(tools.alias == "tools");
  REQUIRE(tools.instructions.size() == 3);
  CHECK(tools.instructions[1].arguments == "echo hi   && echo there");
  CHECK(tools.instructions[1].line == 14);
  CHECK(tools.runs_postgres);  // its CMD runs postgres
  REQUIRE(tools.server_settings.size() == 1);
  CHECK(file.text(tools.server_settings[0].first.span) == "work_mem");
  CHECK(file.text(tools.server_settings[0].second.span) == "4MB");

  std::size_t line = 5;
  CHECK(file.redacted({file.line_start(line), file.line_start(line) + file.line_text(line).size()}) ==
        "ENV POSTGRES_PASSWORD=********* APP=\"a b\"");
}

TEST_CASE("dockerfile: escape directive, errors, binary input") {
  auto windows = read("# escape=`\nFROM postgres:16\nRUN echo a `\n    b\n");
  CHECK(windows.errors.empty());
  REQUIRE(windows.instructions.size() == 2);
  CHECK(windows.instructions[1].arguments == "echo a     b");

  dockerfile::DockerfileModel model;
  REQUIRE_NOTHROW(model = read("RUN echo\nBOGUS x\n"));
  REQUIRE(model.errors.size() == 3);  // RUN before FROM, unknown instruction, no FROM
  CHECK(model.errors[0].line == 1);
  CHECK(model.errors[1].line == 2);
  CHECK(model.errors[1].message == "unknown instruction: BOGUS");

  REQUIRE_NOTHROW(model = read(std::string("\0\x01\x02\xff", 4)));
  CHECK(model.errors.size() == 1);
  REQUIRE_NOTHROW(model = read(""));
  CHECK(model.errors.size() == 1);
  REQUIRE_NOTHROW(model = read("FROM postgres \\"));
  CHECK(model.stages.size() == 1);
}

TEST_CASE("corpus: every Dockerfile is read") {
  std::size_t with_postgres = 0;
  auto files = testing::for_each_corpus_file("dockerfile", [&](const SourceFilePtr& source) {
    dockerfile::DockerfileModel model;
    REQUIRE_NOTHROW(model = dockerfile::read_dockerfile(source));
    CHECK_FALSE(model.stages.empty());
    for (const auto& instruction : model.instructions) CHECK(instruction.span.end <= source->text().size());
    if (!model.stages.empty() && model.stages.back().runs_postgres) ++with_postgres;
  });
  if (!files) return;
  CHECK(*files >= 20);
  CHECK(with_postgres >= 15);
}
