#pragma once
// The parameter catalogue of one PostgreSQL major version, generated from the real
// server binaries by tools/gen-catalog (schemas/catalog/pg<N>.json).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pglint::catalog {

constexpr int oldest_supported_major = 13;
constexpr int newest_supported_major = 18;

enum class ParamType { Bool, Integer, Real, String, Enum };

struct Parameter {
  std::string name;
  ParamType type = ParamType::String;
  std::string unit;  // as pg_settings shows it: "", "B", "kB", "MB", "8kB", "ms", "s", "min"
  std::optional<double> min;
  std::optional<double> max;
  std::vector<std::string> enum_values;                  // listed in pg_settings
  std::vector<std::string> hidden_enum_values;           // accepted, never listed (on, true, 1 ...)
  std::vector<std::string> build_dependent_enum_values;  // only in builds with lz4, zstd ...
  std::string context;                                   // internal, postmaster, sighup, ...
  std::string boot_value;
  std::string group;
  std::string description;
  std::string extra_description;
  bool hidden = false;           // GUC_NO_SHOW_ALL
  bool build_dependent = false;  // exists only in some builds
  int major = 0;                 // the version whose catalogue this entry comes from

  [[nodiscard]] bool needs_restart() const { return context == "postmaster"; }
  [[nodiscard]] bool is_internal() const { return context == "internal"; }
};

class Catalog {
 public:
  Catalog(int major, std::map<std::string, Parameter> parameters, std::map<std::string, std::string> aliases);

  [[nodiscard]] int major() const { return major_; }
  // Case-insensitive lookup, following PostgreSQL's old-name aliases (sort_mem -> work_mem).
  [[nodiscard]] const Parameter* find(std::string_view name) const;
  // The canonical name an alias stands for, if `name` is an alias in this version.
  [[nodiscard]] std::optional<std::string> alias_target(std::string_view name) const;
  [[nodiscard]] const std::map<std::string, Parameter>& parameters() const { return parameters_; }

 private:
  int major_;
  std::map<std::string, Parameter> parameters_;  // keyed by lower-case name
  std::map<std::string, std::string> aliases_;   // lower-case alias -> canonical name
};

// The catalogue of a major version (12..18; 12 is kept only to know what 13 removed).
// Returns nullptr for a version with no catalogue.
const Catalog* catalog_for(int major);
std::vector<int> catalog_majors();

// Lower-cases ASCII letters, as PostgreSQL's GUC name comparison does.
std::string fold_name(std::string_view name);

struct Rename {
  std::string from;
  std::string to;
  int in = 0;  // the major version that made the change
};
const std::vector<Rename>& renames();

}  // namespace pglint::catalog
