#pragma once
// What pglint knows about the cluster beyond its configuration files: from the intent
// file, or from the deployment files (a container's memory limit). Rules that need a
// fact stay silent when it is unknown.
#include <optional>
#include <string>
#include <vector>

namespace pglint::model {

enum class Environment { Production, Staging, Development };
enum class Storage { Ssd, Hdd, Network };
enum class Workload { Web, Oltp, Analytics, Mixed };
enum class Exposure { Private, Internal, Public };
enum class TlsMode { Off, Preferred, Required };

// Where a fact came from, for messages ("2GB of RAM (intent.toml)").
struct FactSource {
  std::string description;
};

struct Facts {
  Environment environment = Environment::Production;  // unknown deployments are judged as production
  std::optional<double> memory_bytes;
  std::string memory_source;
  std::optional<int> cpus;
  std::optional<Storage> storage;
  std::optional<Workload> workload;
  std::optional<int> max_connections;
  std::optional<Exposure> exposure;
  std::vector<std::string> listen_addresses;  // the intent's network.listen_addresses
  std::optional<TlsMode> tls_mode;
  std::optional<std::string> tls_min_version;  // TLSv1.2, TLSv1.3
  bool in_container = false;                   // a Dockerfile or compose service runs it
  // Roles known to be superusers: postgres, or the official image's POSTGRES_USER, which
  // initdb makes the bootstrap superuser in place of postgres.
  std::vector<std::string> superusers = {"postgres"};
};

// Which way to settle questions the sources disagree on (see each rule's docs).
enum class Profile { Balanced, Cis, Strict };

std::string_view profile_name(Profile profile);
std::optional<Profile> parse_profile(std::string_view text);

}  // namespace pglint::model
