#pragma once
// Turns the paths given on the command line into the list of files to read.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/file_kind.hpp"

namespace pglint::pipeline {

struct InputFile {
  std::filesystem::path path;
  std::string display;  // as given, or the given directory joined with the relative path
  model::FileKind kind;
  bool named_explicitly = false;  // given on the command line, not found in a directory
};

struct InputError {
  std::string message;
};

// Files are taken as given (their kind from --kind or their name); directories are
// searched recursively, skipping hidden and build directories.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, std::optional<model::FileKind> forced_kind,
                                      std::vector<InputError>& errors);

}  // namespace pglint::pipeline
