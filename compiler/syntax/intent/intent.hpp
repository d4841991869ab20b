#pragma once
// The intent file (intent.toml): what a PostgreSQL cluster is — its version, environment,
// resources, exposure, TLS, authentication and backups. Rules judge settings against it.
// schemas/intent.schema.json describes the same keys for editors (Taplo, Even Better TOML).
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "compiler/source/source_file.hpp"

namespace pglint::intent {

enum class Environment { Production, Staging, Development };
enum class Role { Primary, Replica };
enum class Storage { Ssd, Hdd, Network };
enum class Workload { Web, Oltp, Analytics, Mixed };
enum class Exposure { Private, Internal, Public };
enum class TlsMode { Off, Preferred, Required };
enum class PasswordEncryption { ScramSha256, Md5 };

inline constexpr int min_postgres_version = 13;
inline constexpr int max_postgres_version = 18;

struct Intent {
  SourceFilePtr file;  // the intent file (for spans in findings)

  // [cluster]
  std::optional<std::string> name;
  std::optional<int> postgres_version;  // 13..18
  Environment environment = Environment::Production;
  Role role = Role::Primary;
  std::optional<int> replicas;  // streaming standbys expected to connect to this server, 0..100

  // [resources]
  std::optional<unsigned long long>
      memory_bytes;         // "8GB": PostgreSQL units B kB MB GB TB, or KiB MiB GiB TiB (1024-based)
  std::optional<int> cpus;  // 1..4096
  std::optional<Storage> storage;
  std::optional<Workload> workload;
  std::optional<int> max_connections;  // 1..262143 (PostgreSQL's MAX_BACKENDS)

  // [network]
  Exposure exposure = Exposure::Private;
  std::vector<std::string> allowed_cidrs;  // validated IPv4/IPv6 CIDR, host bits zero
  // The server's own addresses clients connect to (listen_addresses): host names or numeric
  // addresses, "localhost"; "*" and "0.0.0.0" are not addresses of one interface.
  std::vector<std::string> listen_addresses;

  // [tls]
  TlsMode tls_mode = TlsMode::Required;
  std::optional<std::string> tls_min_version;  // TLSv1, TLSv1.1, TLSv1.2, TLSv1.3

  // [auth]
  std::optional<PasswordEncryption> password_encryption;

  // [backup]
  std::optional<bool> archiving;  // WAL archiving expected (archive_mode / archive_command or archive_library)
  std::optional<bool> pitr;       // point-in-time recovery expected (implies archiving)

  // "resources.memory" -> byte span of the value in the file; tables ("resources") -> their header;
  // array elements as "network.allowed_cidrs[0]". Only keys present in the file.
  std::map<std::string, Span> key_spans;

  // The span of `key` when the file sets it, else the empty span at the start of the file.
  [[nodiscard]] Span span_of(const std::string& key) const;
};

struct IntentError {
  std::string message;
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in bytes like every other pglint column
  Span span;               // bytes of the file the error is about (may be empty)
};

// Parses an intent file. Unknown keys and tables, wrong types, bad enum strings, out-of-range
// numbers and contradictions are errors, all of them collected, each with line and column.
// A file that is not TOML (syntax error, invalid UTF-8, binary) gives one error; never throws.
std::variant<Intent, std::vector<IntentError>> parse_intent(const SourceFilePtr& file);

// "8GB" -> 8589934592. PostgreSQL's memory units (case-sensitive: B kB MB GB TB, 1024-based),
// IEC units (KiB MiB GiB TiB), an optional fraction ("1.5GB") and blanks before the unit.
// On failure returns nullopt and sets `error`.
std::optional<unsigned long long> parse_memory(std::string_view text, std::string& error);

// Validates "10.0.0.0/8", "fd00::/8": a numeric address, a prefix length, no host bits set.
bool valid_cidr(std::string_view text, std::string& error);

std::string_view environment_name(Environment value);
std::string_view role_name(Role value);
std::string_view storage_name(Storage value);
std::string_view workload_name(Workload value);
std::string_view exposure_name(Exposure value);
std::string_view tls_mode_name(TlsMode value);
std::string_view password_encryption_name(PasswordEncryption value);

// The parsed intent as JSON (for `pglint parse --json --kind intent`), defaults filled in.
nlohmann::ordered_json intent_json(const Intent& intent);
// "path:line:column: message"
std::string format_error(const SourceFile& file, const IntentError& error);

}  // namespace pglint::intent
