#include "compiler/source/file_provider.hpp"

namespace pglint {

namespace fs = std::filesystem;

std::optional<SourceFilePtr> FileProvider::read(const fs::path& path, const std::string& display,
                                                std::string& error) const {
  return read_source_file(path, display, error);
}

bool FileProvider::is_regular_file(const fs::path& path) const {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

const FileProvider& disk_files() {
  static const FileProvider disk;
  return disk;
}

fs::path provider_key(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = path.is_absolute() ? path : fs::absolute(path, ec);
  return absolute.lexically_normal();
}

void OverlayFileProvider::set(const fs::path& path, std::string bytes) { buffers_[provider_key(path)] = std::move(bytes); }

void OverlayFileProvider::erase(const fs::path& path) { buffers_.erase(provider_key(path)); }

const std::string* OverlayFileProvider::find(const fs::path& path) const {
  auto it = buffers_.find(provider_key(path));
  return it == buffers_.end() ? nullptr : &it->second;
}

std::optional<SourceFilePtr> OverlayFileProvider::read(const fs::path& path, const std::string& display,
                                                       std::string& error) const {
  if (const std::string* bytes = find(path)) return std::make_shared<const SourceFile>(display, path, *bytes);
  return FileProvider::read(path, display, error);
}

bool OverlayFileProvider::is_regular_file(const fs::path& path) const {
  return find(path) != nullptr || FileProvider::is_regular_file(path);
}

}  // namespace pglint
