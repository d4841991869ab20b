#pragma once
// Reads the input files into a deployment model.
#include <string>
#include <vector>

#include "compiler/pipeline/inputs.hpp"
#include "compiler/source/file_provider.hpp"
#include "compiler/model/deployment.hpp"

namespace pglint::pipeline {

struct LoadResult {
  model::Deployment deployment;
  std::size_t file_count = 0;  // files read, includes and postgresql.auto.conf too
};

// The PostgreSQL version: the one given (--pg-version, config, intent), else the major of
// the first PostgreSQL image the container files name, else the newest.
// `errors` receives one message per input that could not be read at all.
// Every file is read through `files`.
LoadResult load_deployment(const std::vector<InputFile>& inputs, std::optional<int> given_major,
                           std::vector<InputError>& errors, const FileProvider& files = disk_files());

}  // namespace pglint::pipeline
