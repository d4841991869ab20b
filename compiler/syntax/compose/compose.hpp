#pragma once
// docker-compose files: the facts about each service that matter for a PostgreSQL container
// (image, build, environment, published ports, memory, command-line server settings, secrets),
// each with the span of the text it came from. Values are kept as written: no ${VAR}
// interpolation. Values of environment variables named *PASSWORD are marked secret.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/source/source_file.hpp"
#include "compiler/syntax/container/located.hpp"

namespace pglint::compose {

using container::EnvVar;
using container::Located;

struct PortMapping {
  std::optional<Located> host_ip;  // "127.0.0.1", "::1" (without brackets), "${BIND_IP}"
  std::string host_port;           // "5432", "5432-5433", "" when the host port is not given
  std::string container_port;      // "5432", "5432-5433" (without "/tcp")
  std::string protocol;            // "tcp" unless written
  Span span;                       // the whole entry
  bool all_interfaces = true;      // no host IP, or 0.0.0.0 / ::
  // The long syntax's keys and values as written, in file order, merge keys included (empty
  // for the short syntax): where a key could be added.
  std::vector<std::pair<Located, Located>> fields;
};

struct Service {
  std::string name;
  Span name_span;
  std::optional<Located> image;          // "postgres:16-alpine"
  std::optional<Located> build_context;  // build: . | build: {context: ., dockerfile: X}
  std::optional<Located> dockerfile;     // only when written
  std::vector<EnvVar> environment;       // map or list form, in file order
  std::vector<Located> env_files;
  std::vector<PortMapping> ports;
  std::optional<Located> memory_limit;  // deploy.resources.limits.memory, else mem_limit
  std::optional<unsigned long long> memory_limit_bytes;
  std::optional<Located> shm_size;
  std::vector<Located> command;  // list form, or the string form split like a shell
  std::vector<container::ServerSetting> server_settings;  // from command: -c name=value / --name=value
  std::vector<Located> secrets;                           // names (short form, or the long form's source)
  bool has_healthcheck = false;                           // and not disabled
  // The image is a PostgreSQL one, the command starts with postgres, or the service is built
  // from a Dockerfile (found on disk next to the compose file) whose final stage runs PostgreSQL.
  bool runs_postgres = false;
};

using ComposeError = container::ReadError;

struct ComposeFile {
  SourceFilePtr file;
  std::vector<Service> services;  // in file order
  std::vector<ComposeError> errors;
};

// Never throws: YAML errors (and binary input) become errors with line and column; a file with
// errors may still have the services read before them.
ComposeFile read_compose(const SourceFilePtr& file);

// Docker's memory sizes: a number (decimals allowed) and an optional unit b, k, m, g, t, p
// (case-insensitive, optionally followed by "b" or "ib"), all 1024-based: "2G", "512m", "1gb",
// "1073741824". Nullopt for anything else (including "${MEM}") or on overflow.
std::optional<unsigned long long> parse_docker_memory(std::string_view text);

}  // namespace pglint::compose
