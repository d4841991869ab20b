#include "compiler/fix/write_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pglint::fix {

namespace {

namespace fs = std::filesystem;
using pipeline::PipelineError;

// The file a path names, through any symbolic links.
fs::path target_of(const fs::path& path) {
  std::error_code ec;
  fs::path target = fs::canonical(path, ec);
  return ec ? path : target;
}

std::string read_all(const fs::path& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  ok = static_cast<bool>(in) || in.eof();
  return std::move(buffer).str();
}

void check_writable(const FileChange& change) {
  fs::path target = target_of(change.path);
  bool ok = false;
  std::string now = read_all(target, ok);
  if (!ok) throw PipelineError(fmt::format("could not read \"{}\" again before writing it", change.display));
  if (now != change.before) {
    throw PipelineError(fmt::format("\"{}\" changed on disk while pglint was fixing it; nothing was written",
                                    change.display));
  }
  struct stat status {};
  // A file without any write permission bit is read-only on purpose, even to root.
  if (stat(target.c_str(), &status) == 0 && (status.st_mode & 0222) == 0) {
    throw PipelineError(fmt::format("\"{}\" is read-only; nothing was written", change.display));
  }
  if (access(target.c_str(), W_OK) != 0 || access(target.parent_path().c_str(), W_OK | X_OK) != 0) {
    throw PipelineError(fmt::format("\"{}\" is not writable ({}); nothing was written", change.display,
                                    std::strerror(errno)));
  }
}

void write_one(const FileChange& change) {
  fs::path target = target_of(change.path);
  struct stat original {};
  if (stat(target.c_str(), &original) != 0) {
    throw PipelineError(fmt::format("could not write \"{}\": {}", change.display, std::strerror(errno)));
  }
  std::string pattern = (target.parent_path() / ("." + target.filename().string() + ".pglint-XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) throw PipelineError(fmt::format("could not write \"{}\": {}", change.display, std::strerror(errno)));
  auto fail = [&](const char* what) {
    int error = errno;
    close(fd);
    unlink(pattern.c_str());
    throw PipelineError(fmt::format("could not write \"{}\" ({}): {}", change.display, what, std::strerror(error)));
  };
  std::string_view rest = change.after;
  while (!rest.empty()) {
    ssize_t written = write(fd, rest.data(), rest.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
  if (fchmod(fd, original.st_mode & 07777) != 0) fail("chmod");
  // Keep the owner where we may (as root); an ordinary user's file is theirs already.
  if (fchown(fd, original.st_uid, original.st_gid) != 0 && errno != EPERM) fail("chown");
  if (fsync(fd) != 0) fail("fsync");
  if (close(fd) != 0) {
    unlink(pattern.c_str());
    throw PipelineError(fmt::format("could not write \"{}\": {}", change.display, std::strerror(errno)));
  }
  if (rename(pattern.c_str(), target.c_str()) != 0) {
    int error = errno;
    unlink(pattern.c_str());
    throw PipelineError(fmt::format("could not write \"{}\": {}", change.display, std::strerror(error)));
  }
}

}  // namespace

void write_changes(const std::vector<FileChange>& changes) {
  for (const auto& change : changes) check_writable(change);
  for (const auto& change : changes) write_one(change);
}

}  // namespace pglint::fix
