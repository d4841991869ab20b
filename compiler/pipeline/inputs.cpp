#include "compiler/pipeline/inputs.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <set>

namespace pglint::pipeline {

namespace fs = std::filesystem;

namespace {

bool skipped_directory(const fs::path& path) {
  static const std::set<std::string> build_directories = {"build", "node_modules", "target", "dist", "venv",
                                                          "__pycache__", "vendor"};
  std::string name = path.filename().string();
  return (name.size() > 1 && name.front() == '.') || build_directories.contains(name) || name.starts_with("build-") ||
         name.starts_with("cmake-build-");
}

void walk_directory(const fs::path& root, const std::string& display_root, std::vector<InputFile>& out,
                    std::vector<InputError>& errors) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    errors.push_back({fmt::format("could not read directory \"{}\": {}", display_root, ec.message())});
    return;
  }
  std::vector<InputFile> found;
  for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) {
      errors.push_back({fmt::format("could not read directory \"{}\": {}", display_root, ec.message())});
      return;
    }
    if (it->is_directory(ec)) {
      if (skipped_directory(it->path())) it.disable_recursion_pending();
      continue;
    }
    auto kind = model::discoverable_kind(it->path());
    if (!kind || !it->is_regular_file(ec)) continue;
    fs::path relative = it->path().lexically_relative(root);
    found.push_back({it->path(), (fs::path(display_root) / relative).lexically_normal().string(), *kind, false});
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.display < b.display; });
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, std::optional<model::FileKind> forced_kind,
                                      std::vector<InputError>& errors) {
  std::vector<InputFile> inputs;
  for (const std::string& given : paths) {
    fs::path path(given);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back({fmt::format("\"{}\": no such file or directory", given)});
      continue;
    }
    if (fs::is_directory(status)) {
      walk_directory(path, given, inputs, errors);
      continue;
    }
    auto kind = forced_kind ? forced_kind : model::detect_file_kind(path);
    if (!kind) {
      errors.push_back({fmt::format("\"{}\": cannot tell what kind of file this is; pass --kind "
                                    "conf|hba|ident|compose|dockerfile|intent",
                                    given)});
      continue;
    }
    inputs.push_back({path, given, *kind, true});
  }
  return inputs;
}

}  // namespace pglint::pipeline
