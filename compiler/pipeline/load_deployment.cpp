#include "compiler/pipeline/load_deployment.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "compiler/model/containers.hpp"

namespace pglint::pipeline {

namespace fs = std::filesystem;

namespace {

// postgresql.conf files first: the fragments they include are then read as part of them,
// not a second time on their own.
std::vector<const InputFile*> conf_roots_in_order(const std::vector<InputFile>& inputs) {
  std::vector<const InputFile*> roots;
  for (const auto& input : inputs) {
    if (input.kind == model::FileKind::Conf) roots.push_back(&input);
  }
  std::stable_partition(roots.begin(), roots.end(),
                        [](const InputFile* input) { return input->path.filename() == "postgresql.conf"; });
  return roots;
}

// The postgresql.conf a pg_hba.conf belongs to: the one whose hba_file names it, else the one
// in the same directory (PostgreSQL's default: both in the data directory). Indexed once, so
// that a fleet of deployments loads in linear time.
class ConfOwners {
 public:
  explicit ConfOwners(const std::vector<model::ConfSet>& sets) {
    for (const auto& set : sets) {
      if (!set.main_file()) continue;
      fs::path main = model::canonical_config_path(set.main_file()->tree.file->real_path());
      by_directory_.emplace(main.parent_path(), &set);
      if (const model::Setting* hba_file = set.effective("hba_file")) {
        fs::path named = fs::path(hba_file->entry.value);
        if (named.is_relative()) named = set.main_file()->tree.file->real_path().parent_path() / named;
        by_hba_file_.emplace(model::canonical_config_path(named), &set);
      }
    }
  }

  [[nodiscard]] const model::ConfSet* owner(const fs::path& hba_path) const {
    fs::path wanted = model::canonical_config_path(hba_path);
    if (auto it = by_hba_file_.find(wanted); it != by_hba_file_.end()) return it->second;
    if (auto it = by_directory_.find(wanted.parent_path()); it != by_directory_.end()) return it->second;
    return nullptr;
  }

 private:
  std::map<fs::path, const model::ConfSet*> by_hba_file_;   // first set naming it wins
  std::map<fs::path, const model::ConfSet*> by_directory_;  // first set in the directory wins
};

void load_hba_files(const std::vector<InputFile>& inputs, LoadResult& result, std::vector<InputError>& errors,
                    const FileProvider& files) {
  model::Deployment& deployment = result.deployment;
  ConfOwners owners(deployment.conf_sets);
  std::set<fs::path> already_read;
  for (const auto& input : inputs) {
    if (input.kind != model::FileKind::Hba) continue;
    fs::path canonical = model::canonical_config_path(input.path);
    if (already_read.contains(canonical)) continue;
    std::string error;
    auto source = files.read(input.path, input.display, error);
    if (!source) {
      errors.push_back({error});
      continue;
    }
    const model::ConfSet* conf = owners.owner(input.path);
    auto context = model::hba_context_for(deployment.pg_major, conf, *deployment.catalog);
    model::HbaSet set = model::load_hba_set(*source, context, &files);
    set.conf = conf;
    for (const auto& file : set.files) already_read.insert(model::canonical_config_path(file->tree.file->real_path()));
    result.file_count += set.files.size();
    deployment.hba_sets.push_back(std::move(set));
  }
}

void load_ident_files(const std::vector<InputFile>& inputs, LoadResult& result, std::vector<InputError>& errors,
                      const FileProvider& files) {
  for (const auto& input : inputs) {
    if (input.kind != model::FileKind::Ident) continue;
    std::string error;
    auto source = files.read(input.path, input.display, error);
    if (!source) {
      errors.push_back({error});
      continue;
    }
    result.deployment.ident_sets.push_back(model::load_ident_set(*source, result.deployment.pg_major));
    result.file_count += 1;
  }
}

void load_container_files(const std::vector<InputFile>& inputs, LoadResult& result, std::vector<InputError>& errors,
                          const FileProvider& files) {
  for (const auto& input : inputs) {
    if (input.kind != model::FileKind::Compose && input.kind != model::FileKind::Dockerfile) continue;
    std::string error;
    auto source = files.read(input.path, input.display, error);
    if (!source) {
      errors.push_back({error});
      continue;
    }
    if (input.kind == model::FileKind::Compose) {
      result.deployment.compose_files.push_back(compose::read_compose(*source));
    } else {
      result.deployment.dockerfiles.push_back(dockerfile::read_dockerfile(*source));
    }
    result.file_count += 1;
  }
}

// The major version of the first PostgreSQL image in the container files, and which one.
std::optional<std::pair<int, std::string>> image_version(const model::Deployment& deployment) {
  std::optional<std::pair<int, std::string>> found;
  auto consider = [&](const container::Located& image) {
    auto major = model::image_major(image.text);
    if (!found && major && catalog::catalog_for(*major) && *major >= catalog::oldest_supported_major) {
      found = std::make_pair(*major, "the image " + image.text);
    }
  };
  model::for_each_postgres_stage(deployment, [&](const auto&, const dockerfile::Stage& stage) { consider(stage.image); });
  model::for_each_postgres_service(deployment, [&](const auto&, const compose::Service& service) {
    if (service.image) consider(*service.image);
  });
  return found;
}

// `postgres -c name=value` in a compose service's command: settings that beat every file.
// They join the server configuration when there is exactly one, the usual case of a
// repository with one postgresql.conf next to its compose file.
void add_command_line_settings(model::Deployment& deployment) {
  std::vector<model::ConfSet*> servers;
  for (auto& set : deployment.conf_sets) {
    if (set.is_server_config) servers.push_back(&set);
  }
  if (servers.size() != 1) return;
  std::vector<model::Setting> settings;
  model::for_each_postgres_service(deployment, [&](const compose::ComposeFile& file, const compose::Service& service) {
    for (const auto& [name, value] : service.server_settings) {
      model::Setting setting;
      setting.name = {nullptr, name.span, file.file};
      setting.value = {nullptr, value.span, file.file};
      setting.entry.name = name.text;
      setting.entry.raw_value = std::string(file.file->text(value.span));
      setting.entry.value = value.text;
      setting.entry.name_span = name.span;
      setting.entry.value_span = value.span;
      setting.entry.line_span = {name.span.begin, value.span.end};
      const catalog::Parameter* parameter = deployment.catalog->find(name.text);
      setting.key = catalog::fold_name(parameter ? parameter->name : name.text);
      settings.push_back(std::move(setting));
    }
  });
  if (!settings.empty()) model::add_command_line_settings(*servers.front(), std::move(settings));
}

}  // namespace

LoadResult load_deployment(const std::vector<InputFile>& inputs, std::optional<int> given_major,
                           std::vector<InputError>& errors, const FileProvider& files) {
  LoadResult result;
  // Container files first: they may say which version runs.
  load_container_files(inputs, result, errors, files);
  if (given_major) {
    result.deployment.pg_major = *given_major;
    result.deployment.pg_major_source = "the version given to pglint";
  } else if (auto from_image = image_version(result.deployment)) {
    result.deployment.pg_major = from_image->first;
    result.deployment.pg_major_source = from_image->second;
  }
  int pg_major = result.deployment.pg_major;
  result.deployment.catalog = catalog::catalog_for(pg_major);
  std::set<fs::path> already_read;
  for (const InputFile* input : conf_roots_in_order(inputs)) {
    fs::path canonical = model::canonical_config_path(input->path);
    if (already_read.contains(canonical)) continue;
    std::string error;
    auto source = files.read(input->path, input->display, error);
    if (!source) {
      errors.push_back({error});
      continue;
    }
    model::ConfLoadOptions options;
    options.read_auto_conf = input->path.filename() == "postgresql.conf";
    options.files = &files;
    auto set = model::load_conf_set(*source, *result.deployment.catalog, options);
    if (!set) continue;
    bool in_conf_d = input->path.parent_path().filename() == "conf.d";
    set->is_server_config = input->path.filename() == "postgresql.conf" || (input->named_explicitly && !in_conf_d);
    for (const auto& file : set->files) already_read.insert(model::canonical_config_path(file->tree.file->real_path()));
    result.file_count += set->files.size();
    result.deployment.conf_sets.push_back(std::move(*set));
  }
  // Conf sets are complete and stay put from here on: hba sets point into them.
  load_hba_files(inputs, result, errors, files);
  load_ident_files(inputs, result, errors, files);
  add_command_line_settings(result.deployment);
  return result;
}

}  // namespace pglint::pipeline
