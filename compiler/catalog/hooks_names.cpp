// Check hooks of single-valued parameters: roles, names, flags, encodings.
#include "compiler/catalog/check_hook_support.hpp"
#include "compiler/catalog/encodings.hpp"
#include <fmt/format.h>
#include <strings.h>

#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <regex>

namespace pglint::catalog::hooks {

std::optional<ValueError> check_role(const HookInput& in) {
  // Outside a transaction the role cannot be looked up: only "none" works in a file.
  if (in.text == "none") return std::nullopt;
  return invalid(in, "");
}

std::optional<ValueError> check_session_authorization(const HookInput& in) { return invalid(in, ""); }

std::optional<ValueError> check_default_with_oids(const HookInput& in) {
  if (!std::get<bool>(in.parsed.value)) return std::nullopt;
  return ValueError{"tables declared WITH OIDS are not supported", ""};
}

std::optional<ValueError> check_backtrace_functions(const HookInput& in) {
  static constexpr char allowed[] = "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ, \n\t";
  std::string text(in.text);
  if (std::strspn(text.c_str(), allowed) != text.size()) {
    return invalid(in, in.major >= 16 ? "Invalid character." : "invalid character");
  }
  return std::nullopt;
}


std::optional<ValueError> check_default_table_access_method(const HookInput& in) {
  std::string quoted_name = in.major >= 17 ? "\"default_table_access_method\"" : "default_table_access_method";
  if (in.text.empty()) return invalid(in, fmt::format("{} cannot be empty.", quoted_name));
  if (in.text.size() > max_name_length) {
    return invalid(in, fmt::format("{} is too long (maximum {} characters).", quoted_name, max_name_length));
  }
  return std::nullopt;
}


std::optional<ValueError> check_client_encoding(const HookInput& in) {
  // pg_char_to_encoding: only letters and digits count, case-insensitively.
  const auto& names = encoding_names(in.major);
  if (names.empty()) return std::nullopt;  // no list for this version: cannot judge
  std::string key;
  for (char c : in.text) {
    if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (names.contains(key)) return std::nullopt;
  return invalid(in, "");
}


}  // namespace pglint::catalog::hooks
