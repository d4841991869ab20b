#include "compiler/catalog/catalog.hpp"

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "compiler/catalog/embedded_catalogs.hpp"

namespace pglint::catalog {

namespace {

using nlohmann::json;

ParamType parse_type(const std::string& text) {
  if (text == "bool") return ParamType::Bool;
  if (text == "integer") return ParamType::Integer;
  if (text == "real") return ParamType::Real;
  if (text == "enum") return ParamType::Enum;
  return ParamType::String;
}

std::optional<double> optional_number(const json& node, const char* key) {
  auto it = node.find(key);
  if (it == node.end() || it->is_null()) return std::nullopt;
  return it->get<double>();
}

std::string optional_string(const json& node, const char* key) {
  auto it = node.find(key);
  if (it == node.end() || it->is_null()) return {};
  return it->get<std::string>();
}

std::vector<std::string> string_list(const json& node, const char* key) {
  auto it = node.find(key);
  if (it == node.end() || it->is_null()) return {};
  return it->get<std::vector<std::string>>();
}

Parameter parse_parameter(const std::string& name, const json& node, int major) {
  Parameter p;
  p.name = name;
  p.major = major;
  p.type = parse_type(node.at("type").get<std::string>());
  p.unit = optional_string(node, "unit");
  p.min = optional_number(node, "min");
  p.max = optional_number(node, "max");
  p.enum_values = string_list(node, "enum_values");
  p.hidden_enum_values = string_list(node, "hidden_enum_values");
  p.build_dependent_enum_values = string_list(node, "build_dependent_enum_values");
  p.context = optional_string(node, "context");
  p.boot_value = optional_string(node, "boot_value");
  p.group = optional_string(node, "group");
  p.description = optional_string(node, "description");
  p.extra_description = optional_string(node, "extra_description");
  p.hidden = node.value("hidden", false);
  p.build_dependent = node.value("build_dependent", false);
  return p;
}

std::unique_ptr<Catalog> load_catalog(std::string_view content) {
  json root = json::parse(content);
  int major = root.at("postgres_major").get<int>();
  std::map<std::string, Parameter> parameters;
  for (const auto& [name, node] : root.at("parameters").items()) {
    parameters.emplace(fold_name(name), parse_parameter(name, node, major));
  }
  std::map<std::string, std::string> aliases;
  if (auto it = root.find("aliases"); it != root.end()) {
    for (const auto& [alias, target] : it->items()) aliases.emplace(fold_name(alias), target.get<std::string>());
  }
  return std::make_unique<Catalog>(major, std::move(parameters), std::move(aliases));
}

std::optional<std::string_view> embedded_file(std::string_view name) {
  for (const auto& file : embedded_catalog_files()) {
    if (file.name == name) return file.content;
  }
  return std::nullopt;
}

}  // namespace

std::string fold_name(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

Catalog::Catalog(int major, std::map<std::string, Parameter> parameters, std::map<std::string, std::string> aliases)
    : major_(major), parameters_(std::move(parameters)), aliases_(std::move(aliases)) {}

const Parameter* Catalog::find(std::string_view name) const {
  std::string folded = fold_name(name);
  if (auto alias = aliases_.find(folded); alias != aliases_.end()) folded = fold_name(alias->second);
  auto it = parameters_.find(folded);
  return it == parameters_.end() ? nullptr : &it->second;
}

std::optional<std::string> Catalog::alias_target(std::string_view name) const {
  auto it = aliases_.find(fold_name(name));
  if (it == aliases_.end()) return std::nullopt;
  return it->second;
}

std::vector<int> catalog_majors() {
  std::vector<int> majors;
  for (int major = 12; major <= newest_supported_major; ++major) {
    if (embedded_file("pg" + std::to_string(major) + ".json")) majors.push_back(major);
  }
  return majors;
}

const Catalog* catalog_for(int major) {
  // Parsing a catalogue takes milliseconds: do it once per version, on first use.
  static std::mutex mutex;
  static std::map<int, std::unique_ptr<Catalog>> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(major); it != loaded.end()) return it->second.get();
  auto content = embedded_file("pg" + std::to_string(major) + ".json");
  if (!content) return nullptr;
  auto [it, inserted] = loaded.emplace(major, load_catalog(*content));
  return it->second.get();
}

const std::vector<Rename>& renames() {
  static const std::vector<Rename> list = [] {
    std::vector<Rename> result;
    auto content = embedded_file("renames.json");
    if (!content) return result;
    json root = json::parse(*content);
    for (const auto& node : root.at("renames")) {
      result.push_back({node.at("from").get<std::string>(), node.at("to").get<std::string>(), node.at("in").get<int>()});
    }
    return result;
  }();
  return list;
}

}  // namespace pglint::catalog
