#include "compiler/catalog/encodings.hpp"

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "compiler/catalog/embedded_catalogs.hpp"

namespace pglint::catalog {

const std::set<std::string>& encoding_names(int major) {
  static const std::map<int, std::set<std::string>> by_major = [] {
    std::map<int, std::set<std::string>> result;
    for (const auto& file : embedded_catalog_files()) {
      if (file.name != "encodings.json") continue;
      auto root = nlohmann::json::parse(file.content);
      for (const auto& [major_text, names] : root.at("client_encodings").items()) {
        result[std::stoi(major_text)] = names.get<std::set<std::string>>();
      }
    }
    return result;
  }();
  static const std::set<std::string> none;
  auto it = by_major.find(major);
  return it == by_major.end() ? none : it->second;
}

}  // namespace pglint::catalog
