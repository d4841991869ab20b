#pragma once
// Everything pglint knows about one deployment: the PostgreSQL version, the
// configuration sets it found, and (later) hba/ident files, containers and intent.
// Rules read this model; they never read raw text.
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/model/conf_set.hpp"
#include "compiler/model/facts.hpp"
#include "compiler/model/hba_set.hpp"
#include "compiler/model/ident_set.hpp"
#include "compiler/syntax/compose/compose.hpp"
#include "compiler/syntax/dockerfile/dockerfile.hpp"

namespace pglint::model {

struct Deployment {
  int pg_major = catalog::newest_supported_major;
  std::string pg_major_source = "the newest supported version";  // for messages
  const catalog::Catalog* catalog = nullptr;
  std::vector<ConfSet> conf_sets;
  std::vector<HbaSet> hba_sets;
  std::vector<IdentSet> ident_sets;
  std::vector<compose::ComposeFile> compose_files;
  std::vector<dockerfile::DockerfileModel> dockerfiles;
  Facts facts;
  Profile profile = Profile::Balanced;
};

}  // namespace pglint::model
