#include "compiler/model/file_kind.hpp"

#include <string>

namespace pglint::model {

namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

bool is_compose_name(std::string_view name) {
  bool yaml = name.ends_with(".yml") || name.ends_with(".yaml");
  return yaml && (name.starts_with("docker-compose") || name.starts_with("compose"));
}

}  // namespace

std::string_view file_kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::Conf: return "conf";
    case FileKind::Hba: return "hba";
    case FileKind::Ident: return "ident";
    case FileKind::Compose: return "compose";
    case FileKind::Dockerfile: return "dockerfile";
    case FileKind::Intent: return "intent";
  }
  return "conf";
}

std::optional<FileKind> parse_file_kind(std::string_view name) {
  for (FileKind kind : {FileKind::Conf, FileKind::Hba, FileKind::Ident, FileKind::Compose, FileKind::Dockerfile,
                        FileKind::Intent}) {
    if (file_kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

std::optional<FileKind> detect_file_kind(const std::filesystem::path& path) {
  // Files named on the command line may carry prefixes (backup copies, corpus names such
  // as owner__repo__docker-compose.yml): look for the telling part anywhere in the name.
  std::string name = path.filename().string();
  if (contains(name, "pg_hba") || contains(name, "hba.conf")) return FileKind::Hba;
  if (contains(name, "pg_ident") || contains(name, "ident.conf")) return FileKind::Ident;
  bool yaml = name.ends_with(".yml") || name.ends_with(".yaml");
  if (yaml && contains(name, "compose")) return FileKind::Compose;
  if (contains(name, "Dockerfile") || contains(name, "dockerfile")) return FileKind::Dockerfile;
  if (name.ends_with(".toml")) return FileKind::Intent;
  if (contains(name, ".conf")) return FileKind::Conf;
  return std::nullopt;
}

std::optional<FileKind> discoverable_kind(const std::filesystem::path& path) {
  std::string name = path.filename().string();
  if (name == "postgresql.conf" || name == "postgresql.auto.conf") return FileKind::Conf;
  if (name == "pg_hba.conf") return FileKind::Hba;
  if (name == "pg_ident.conf") return FileKind::Ident;
  if (is_compose_name(name)) return FileKind::Compose;
  if (name.starts_with("Dockerfile")) return FileKind::Dockerfile;
  if (name == "intent.toml") return FileKind::Intent;
  if (name.ends_with(".conf") && path.parent_path().filename() == "conf.d") return FileKind::Conf;
  return std::nullopt;
}

}  // namespace pglint::model
