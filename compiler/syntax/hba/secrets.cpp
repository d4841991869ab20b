#include "compiler/syntax/hba/secrets.hpp"

namespace pglint::hba {

bool is_secret_option(std::string_view name) { return name == "ldapbindpasswd" || name == "radiussecrets"; }

std::string mask_secret_token(std::string_view token_text) {
  std::size_t equals = token_text.find('=');
  if (equals == std::string_view::npos || !is_secret_option(token_text.substr(0, equals))) {
    return std::string(token_text);
  }
  return std::string(token_text.substr(0, equals + 1)) + "****";
}

}  // namespace pglint::hba
