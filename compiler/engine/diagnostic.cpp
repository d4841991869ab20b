#include "compiler/engine/diagnostic.hpp"

namespace pglint::engine {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "info") return Severity::Info;
  if (text == "warning") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

std::string_view category_name(Category category) {
  switch (category) {
    case Category::Validity: return "validity";
    case Category::Security: return "security";
    case Category::Resources: return "resources";
    case Category::Durability: return "durability";
    case Category::Compatibility: return "compatibility";
    case Category::Observability: return "observability";
    case Category::Performance: return "performance";
    case Category::Container: return "container";
    case Category::Maintenance: return "maintenance";
  }
  return "validity";
}

}  // namespace pglint::engine
