#pragma once
// The kinds of file pglint reads, and how it tells them apart by name.
#include <filesystem>
#include <optional>
#include <string_view>

namespace pglint::model {

enum class FileKind { Conf, Hba, Ident, Compose, Dockerfile, Intent };

std::string_view file_kind_name(FileKind kind);
std::optional<FileKind> parse_file_kind(std::string_view name);

// The kind a file given on the command line has, judged by its name.
std::optional<FileKind> detect_file_kind(const std::filesystem::path& path);

// Whether a directory walk should pick this file up (postgresql.conf, conf.d/*.conf,
// pg_hba.conf, docker-compose*.yml ...), and as what.
std::optional<FileKind> discoverable_kind(const std::filesystem::path& path);

}  // namespace pglint::model
