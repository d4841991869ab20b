#pragma once
// Helpers for unit tests: in-memory source files and temporary directories.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include "compiler/source/source_file.hpp"

namespace pglint::testing {

inline SourceFilePtr source(std::string text, std::string name = "test.conf") {
  return std::make_shared<const SourceFile>(name, name, std::move(text));
}

// A fresh directory under the system temp directory, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("pglint-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  std::filesystem::path write(const std::string& relative, const std::string& content) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path path_;
};

inline std::filesystem::path shared_dir() { return std::filesystem::path(PGLINT_SHARED_DIR); }

// Calls `visit(source)` for every file of ../shared/corpus/<kind> and returns how many there
// were; nullopt, after a WARN, when the corpus is absent (it exists only next to the
// development checkout, not in a user's clone).
template <typename Visit>
std::optional<std::size_t> for_each_corpus_file(const std::string& kind, Visit visit) {
  auto corpus = shared_dir() / "corpus" / kind;
  if (!std::filesystem::is_directory(corpus)) {
    WARN("skipped: " << corpus << " is absent (it exists only next to the development checkout)");
    return std::nullopt;
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::string error;
    auto source = read_source_file(entry.path(), entry.path().filename().string(), error);
    REQUIRE(source);
    INFO(entry.path().filename().string());
    visit(*source);
    ++files;
  }
  return files;
}

}  // namespace pglint::testing
