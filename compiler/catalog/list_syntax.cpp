#include "compiler/catalog/list_syntax.hpp"

namespace pglint::catalog {

namespace {

constexpr std::size_t max_identifier_length = 63;  // NAMEDATALEN - 1

std::optional<std::vector<std::string>> split(std::string_view text, char separator, bool downcase) {
  std::vector<std::string> names;
  std::size_t at = 0;
  while (at < text.size() && scanner_isspace(text[at])) ++at;
  if (at == text.size()) return names;  // an empty list is fine
  while (true) {
    std::string name;
    if (text[at] == '"') {
      // Quoted: "" is a quote, the case is kept.
      ++at;
      while (true) {
        std::size_t close = text.find('"', at);
        if (close == std::string_view::npos) return std::nullopt;
        name.append(text.substr(at, close - at));
        if (close + 1 < text.size() && text[close + 1] == '"') {
          name += '"';
          at = close + 2;
          continue;
        }
        at = close + 1;
        break;
      }
    } else {
      std::size_t begin = at;
      while (at < text.size() && text[at] != separator && !scanner_isspace(text[at])) ++at;
      if (at == begin) return std::nullopt;  // an empty unquoted name
      name = std::string(text.substr(begin, at - begin));
      if (downcase) {
        for (char& c : name) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
        }
      }
    }
    while (at < text.size() && scanner_isspace(text[at])) ++at;
    bool done = false;
    if (at < text.size() && text[at] == separator) {
      ++at;
      while (at < text.size() && scanner_isspace(text[at])) ++at;
    } else if (at == text.size()) {
      done = true;
    } else {
      return std::nullopt;
    }
    if (downcase && name.size() > max_identifier_length) name.resize(max_identifier_length);
    names.push_back(std::move(name));
    if (done) return names;
    if (at == text.size()) return std::nullopt;  // a trailing separator expects another name
  }
}

}  // namespace

bool scanner_isspace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::optional<std::vector<std::string>> split_identifier_string(std::string_view text, char separator) {
  return split(text, separator, true);
}

std::optional<std::vector<std::string>> split_guc_list(std::string_view text, char separator) {
  return split(text, separator, false);
}

}  // namespace pglint::catalog
