#pragma once
// Numeric addresses and masks as PostgreSQL reads them: getaddrinfo with
// AI_NUMERICHOST (so "10.1" and hex forms work as in inet_aton), and CIDR bit counts
// parsed with strtol as pg_sockaddr_cidr_mask does.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace pglint::hba {

struct NumericAddress {
  int family = 0;  // 4 or 6
  std::array<unsigned char, 16> bytes{};
};

enum class AddressParse { Numeric, NotNumeric, Invalid };

// Numeric: `out` is filled. NotNumeric: a host name (EAI_NONAME). Invalid: `error` holds
// gai_strerror's text.
AddressParse parse_numeric_address(const std::string& text, NumericAddress& out, std::string& error);

// The mask for "/bits"; nullopt when PostgreSQL would say "invalid CIDR mask".
std::optional<std::array<unsigned char, 16>> cidr_mask(std::string_view bits, int family);

}  // namespace pglint::hba
