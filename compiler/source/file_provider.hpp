#pragma once
// Where pglint reads files from: the disk, optionally with an in-memory overlay of buffers
// that stand in for files (the fix engine re-lints its edited buffers this way, and the
// compiler its emitted ones), so that nothing is written before the result is known.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "compiler/source/source_file.hpp"

namespace pglint {

class FileProvider {
 public:
  virtual ~FileProvider() = default;
  // Reads a file whole. On failure returns nullopt and sets `error` to a message naming it.
  virtual std::optional<SourceFilePtr> read(const std::filesystem::path& path, const std::string& display,
                                            std::string& error) const;
  [[nodiscard]] virtual bool is_regular_file(const std::filesystem::path& path) const;
};

// The disk, nothing else.
const FileProvider& disk_files();

// The disk, with buffers that replace files (or add them), keyed by absolute, lexically
// normalised path.
class OverlayFileProvider final : public FileProvider {
 public:
  void set(const std::filesystem::path& path, std::string bytes);
  void erase(const std::filesystem::path& path);
  [[nodiscard]] const std::string* find(const std::filesystem::path& path) const;
  [[nodiscard]] const std::map<std::filesystem::path, std::string>& buffers() const { return buffers_; }

  std::optional<SourceFilePtr> read(const std::filesystem::path& path, const std::string& display,
                                    std::string& error) const override;
  [[nodiscard]] bool is_regular_file(const std::filesystem::path& path) const override;

 private:
  std::map<std::filesystem::path, std::string> buffers_;
};

// The key a provider files a path under: absolute and lexically normal (symlinks kept).
std::filesystem::path provider_key(const std::filesystem::path& path);

}  // namespace pglint
