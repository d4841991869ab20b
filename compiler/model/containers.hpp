#pragma once
// The compose services and Dockerfile stages of a deployment that run PostgreSQL.
#include <functional>

#include "compiler/model/deployment.hpp"

namespace pglint::model {

void for_each_postgres_service(const Deployment& deployment,
                               const std::function<void(const compose::ComposeFile&, const compose::Service&)>& visit);

void for_each_postgres_stage(const Deployment& deployment,
                             const std::function<void(const dockerfile::DockerfileModel&, const dockerfile::Stage&)>& visit);

// The environment a container gets: compose's environment and the Dockerfile's ENV.
void for_each_postgres_env(const Deployment& deployment,
                           const std::function<void(const SourceFilePtr&, const container::EnvVar&)>& visit);

// The major version in an image reference ("postgres:16-alpine" -> 16), if it names one.
std::optional<int> image_major(std::string_view image);

}  // namespace pglint::model
