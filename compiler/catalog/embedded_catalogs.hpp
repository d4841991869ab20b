#pragma once
// The JSON files of schemas/catalog/, compiled into the binary (cmake/embed_catalogs.cmake).
#include <string_view>
#include <vector>

namespace pglint::catalog {

struct EmbeddedFile {
  std::string_view name;  // e.g. "pg16.json"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_catalog_files();

}  // namespace pglint::catalog
