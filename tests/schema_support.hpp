#pragma once
// Validates documents against JSON Schemas with /usr/bin/python3 and python3-jsonschema
// (tests/tools/validate_schema.py), so that schemas and parsers can be checked to agree.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace pglint::testing {

inline std::filesystem::path source_dir() { return std::filesystem::path(PGLINT_SOURCE_DIR); }

enum class SchemaVerdict { Valid, Invalid, Unavailable };

// Unavailable when python3 or jsonschema is missing (exit 77) or the script cannot run.
inline SchemaVerdict validate_against_schema(const std::filesystem::path& schema,
                                             const std::filesystem::path& document) {
  const std::filesystem::path python = "/usr/bin/python3";
  if (!std::filesystem::exists(python)) return SchemaVerdict::Unavailable;
  std::string command = python.string() + " '" + (source_dir() / "tests/tools/validate_schema.py").string() + "' '" +
                        schema.string() + "' '" + document.string() + "'";
  int status = std::system(command.c_str());
  if (status == -1 || !WIFEXITED(status)) return SchemaVerdict::Unavailable;
  switch (WEXITSTATUS(status)) {
    case 0: return SchemaVerdict::Valid;
    case 1:
    case 2: return SchemaVerdict::Invalid;
    default: return SchemaVerdict::Unavailable;
  }
}

}  // namespace pglint::testing
