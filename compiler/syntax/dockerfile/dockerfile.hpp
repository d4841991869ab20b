#pragma once
// Dockerfiles: instructions (case-insensitive keywords, line continuations, comments, the
// escape parser directive, JSON-array and shell forms) and, per build stage, the facts that
// matter for a PostgreSQL image: base image, ENV/ARG, USER, HEALTHCHECK, and server settings
// passed as "-c name=value" in CMD/ENTRYPOINT. Values of ENV/ARG named *PASSWORD are marked secret.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "compiler/source/source_file.hpp"
#include "compiler/syntax/container/located.hpp"

namespace pglint::dockerfile {

using container::EnvVar;
using container::Located;

struct Instruction {
  std::string keyword;    // upper case: "FROM", "RUN", "ENV"...
  std::string arguments;  // after the keyword, continuation lines joined (escape + newline removed,
                          // comment lines inside dropped), trimmed
  Span span;              // from the keyword to the end of its last line
  std::size_t line = 1;   // 1-based line of the keyword
  // Source offset of each byte of `arguments` (arguments.size() + 1 entries: the last is the end).
  std::vector<std::size_t> offsets;

  [[nodiscard]] Span span_of(std::size_t begin, std::size_t end) const;  // of arguments[begin, end)
};

struct Stage {
  Located image;                        // "postgres:16-alpine" as written (the FROM's image argument)
  std::optional<std::string> alias;     // FROM ... AS alias
  std::optional<std::size_t> parent;    // index of the earlier stage the FROM names, if any
  std::vector<EnvVar> env;              // ENV (both "K=V ..." and legacy "K V") and ARG (build_arg)
  std::vector<Instruction> instructions;  // FROM included
  bool has_healthcheck = false;         // a HEALTHCHECK other than NONE, here or in the parent stage
  std::optional<std::string> user;      // the last USER, here or in the parent stage
  std::vector<Located> command;         // the last CMD, split (JSON array, or shell words)
  std::vector<Located> entrypoint;      // the last ENTRYPOINT
  std::vector<container::ServerSetting> server_settings;  // "-c name=value" in ENTRYPOINT then CMD
  bool runs_postgres = false;  // FROM a PostgreSQL image, or a stage that derives from one, or CMD postgres
};

using Error = container::ReadError;

struct DockerfileModel {
  SourceFilePtr file;
  std::vector<Instruction> global_args;   // ARG before the first FROM
  std::vector<Stage> stages;
  std::vector<Instruction> instructions;  // every instruction, in order
  std::vector<Error> errors;              // no FROM, an instruction before FROM, unknown or empty instructions
};

// Never throws.
DockerfileModel read_dockerfile(const SourceFilePtr& file);

// A JSON array of strings ("exec form"), each element located through `instruction.offsets`;
// nullopt when `instruction.arguments` is not one (then Docker treats it as shell form).
std::optional<std::vector<Located>> json_array(const Instruction& instruction);

}  // namespace pglint::dockerfile
