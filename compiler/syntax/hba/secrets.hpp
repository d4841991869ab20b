#pragma once
// Authentication options whose values are secrets: masked in every output.
#include <string>
#include <string_view>

namespace pglint::hba {

bool is_secret_option(std::string_view name);

// "ldapbindpasswd=hunter2" -> "ldapbindpasswd=****"; other tokens unchanged.
std::string mask_secret_token(std::string_view token_text);

}  // namespace pglint::hba
