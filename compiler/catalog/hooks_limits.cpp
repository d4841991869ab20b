// Check hooks of numeric parameters with limits beyond their range.
#include "compiler/catalog/check_hook_support.hpp"

#include <fmt/format.h>
#include <strings.h>

#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <regex>

namespace pglint::catalog::hooks {

std::optional<ValueError> check_slru_buffers(const HookInput& in) {
  constexpr long long bank_size = 16;
  if (std::get<long long>(in.parsed.value) % bank_size == 0) return std::nullopt;
  return invalid(in, sentence(in, fmt::format("\"{}\" must be a multiple of {}", in.parameter.name, bank_size), 18));
}

std::optional<ValueError> check_vacuum_buffer_usage_limit(const HookInput& in) {
  long long value = std::get<long long>(in.parsed.value);
  if (value == 0 || (value >= 128 && value <= 16777216)) return std::nullopt;
  return invalid(in, sentence(in, "\"vacuum_buffer_usage_limit\" must be 0 or between 128 kB and 16777216 kB", 18));
}

// 13-17: the backend slots together must fit MAX_BACKENDS, checked with the other
// parameters' values at the time this one is applied.
std::optional<ValueError> check_backend_slots(const HookInput& in) {
  if (in.major >= 18) return std::nullopt;
  static constexpr std::array<std::string_view, 4> members{"max_connections", "autovacuum_max_workers",
                                                           "max_worker_processes", "max_wal_senders"};
  static const std::map<std::string_view, double> defaults{
      {"max_connections", 100}, {"autovacuum_max_workers", 3}, {"max_worker_processes", 8}, {"max_wal_senders", 10}};
  double total = 1 + static_cast<double>(std::get<long long>(in.parsed.value));
  for (auto member : members) {
    if (member == in.parameter.name) continue;
    std::optional<double> value = in.current ? (*in.current)(member) : std::nullopt;
    total += value.value_or(defaults.at(member));
  }
  if (total > max_backends) return invalid(in, "");
  return std::nullopt;
}


}  // namespace pglint::catalog::hooks
