#include "compiler/syntax/hba/address.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace pglint::hba {

AddressParse parse_numeric_address(const std::string& text, NumericAddress& out, std::string& error) {
  addrinfo hints{};
  hints.ai_flags = AI_NUMERICHOST;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = 0;
  addrinfo* result = nullptr;
  int rc = getaddrinfo(text.c_str(), nullptr, &hints, &result);
  if (rc == EAI_NONAME) return AddressParse::NotNumeric;
  if (rc != 0 || !result) {
    error = gai_strerror(rc);
    if (result) freeaddrinfo(result);
    return AddressParse::Invalid;
  }
  if (result->ai_family == AF_INET) {
    out.family = 4;
    const auto* in = reinterpret_cast<const sockaddr_in*>(result->ai_addr);
    std::memcpy(out.bytes.data(), &in->sin_addr, 4);
  } else if (result->ai_family == AF_INET6) {
    out.family = 6;
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(result->ai_addr);
    std::memcpy(out.bytes.data(), &in6->sin6_addr, 16);
  }
  freeaddrinfo(result);
  return AddressParse::Numeric;
}

std::optional<std::array<unsigned char, 16>> cidr_mask(std::string_view bits_text, int family) {
  std::string text(bits_text);
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  long bits = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0') return std::nullopt;
  long max_bits = family == 4 ? 32 : 128;
  if (bits < 0 || bits > max_bits) return std::nullopt;
  std::array<unsigned char, 16> mask{};
  for (long i = 0; i < bits; ++i) mask[static_cast<std::size_t>(i / 8)] |= static_cast<unsigned char>(0x80 >> (i % 8));
  return mask;
}

}  // namespace pglint::hba
