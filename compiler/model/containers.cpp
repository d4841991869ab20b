#include "compiler/model/containers.hpp"

#include <cctype>

namespace pglint::model {

void for_each_postgres_service(const Deployment& deployment,
                               const std::function<void(const compose::ComposeFile&, const compose::Service&)>& visit) {
  for (const auto& file : deployment.compose_files) {
    for (const auto& service : file.services) {
      if (service.runs_postgres) visit(file, service);
    }
  }
}

void for_each_postgres_stage(const Deployment& deployment,
                             const std::function<void(const dockerfile::DockerfileModel&, const dockerfile::Stage&)>& visit) {
  for (const auto& file : deployment.dockerfiles) {
    // The final stage is the image that runs.
    if (!file.stages.empty() && file.stages.back().runs_postgres) visit(file, file.stages.back());
  }
}

void for_each_postgres_env(const Deployment& deployment,
                           const std::function<void(const SourceFilePtr&, const container::EnvVar&)>& visit) {
  for_each_postgres_service(deployment, [&](const compose::ComposeFile& file, const compose::Service& service) {
    for (const auto& variable : service.environment) visit(file.file, variable);
  });
  for_each_postgres_stage(deployment, [&](const dockerfile::DockerfileModel& file, const dockerfile::Stage& stage) {
    for (const auto& variable : stage.env) visit(file.file, variable);
  });
}

std::optional<int> image_major(std::string_view image) {
  std::size_t colon = image.rfind(':');
  std::size_t slash = image.rfind('/');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && slash > colon)) return std::nullopt;
  std::string_view tag = image.substr(colon + 1);
  std::size_t digits = 0;
  while (digits < tag.size() && std::isdigit(static_cast<unsigned char>(tag[digits]))) ++digits;
  if (digits == 0 || digits > 2) return std::nullopt;
  return std::stoi(std::string(tag.substr(0, digits)));
}

}  // namespace pglint::model
