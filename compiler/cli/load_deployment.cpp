#include "compiler/cli/load_deployment.hpp"

#include <algorithm>
#include <set>

namespace pglint::cli {

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

}  // namespace

LoadResult load_deployment(const std::vector<InputFile>& inputs, int pg_major, std::vector<InputError>& errors) {
  LoadResult result;
  result.deployment.pg_major = pg_major;
  result.deployment.catalog = catalog::catalog_for(pg_major);
  std::set<fs::path> already_read;
  for (const InputFile* input : conf_roots_in_order(inputs)) {
    fs::path canonical = model::canonical_config_path(input->path);
    if (already_read.contains(canonical)) continue;
    std::string error;
    auto source = read_source_file(input->path, input->display, error);
    if (!source) {
      errors.push_back({error});
      continue;
    }
    model::ConfLoadOptions options;
    options.read_auto_conf = input->path.filename() == "postgresql.conf";
    auto set = model::load_conf_set(*source, *result.deployment.catalog, options);
    if (!set) continue;
    for (const auto& file : set->files) already_read.insert(model::canonical_config_path(file->tree.file->real_path()));
    result.file_count += set->files.size();
    result.deployment.conf_sets.push_back(std::move(*set));
  }
  return result;
}

}  // namespace pglint::cli
