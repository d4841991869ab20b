#include "compiler/catalog/units.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace pglint::catalog {

namespace {

struct Conversion {
  std::string_view unit;       // what the user writes
  std::string_view base_unit;  // the parameter's unit
  double multiplier;           // base units per `unit`
};

// Block sizes of the npm and Debian builds (and of nearly every build: the default).
constexpr double block_size = 8192;      // BLCKSZ
constexpr double wal_block_size = 8192;  // XLOG_BLCKSZ; pg_settings shows both as "8kB"
static_assert(block_size == wal_block_size, "both block units are shown as 8kB");

constexpr double KiB = 1024.0;
// Each group runs from the largest unit to the smallest: "next smaller unit" = next row.
constexpr std::array<Conversion, 25> memory_table{{
    {"TB", "B", KiB * KiB * KiB * KiB}, {"GB", "B", KiB * KiB * KiB}, {"MB", "B", KiB * KiB},
    {"kB", "B", KiB}, {"B", "B", 1.0},
    {"TB", "kB", KiB * KiB * KiB}, {"GB", "kB", KiB * KiB}, {"MB", "kB", KiB}, {"kB", "kB", 1.0},
    {"B", "kB", 1.0 / KiB},
    {"TB", "MB", KiB * KiB}, {"GB", "MB", KiB}, {"MB", "MB", 1.0}, {"kB", "MB", 1.0 / KiB},
    {"B", "MB", 1.0 / (KiB * KiB)},
    {"TB", "8kB", (KiB * KiB * KiB) / (block_size / KiB)}, {"GB", "8kB", (KiB * KiB) / (block_size / KiB)},
    {"MB", "8kB", KiB / (block_size / KiB)}, {"kB", "8kB", 1.0 / (block_size / KiB)}, {"B", "8kB", 1.0 / block_size},
    // Sentinel rows so a group's last unit has no "next smaller unit" in the same group.
    {"", "", 0}, {"", "", 0}, {"", "", 0}, {"", "", 0}, {"", "", 0},
}};

constexpr double ms_per_s = 1000.0;
constexpr std::array<Conversion, 19> time_table{{
    {"d", "ms", ms_per_s * 60 * 60 * 24}, {"h", "ms", ms_per_s * 60 * 60}, {"min", "ms", ms_per_s * 60},
    {"s", "ms", ms_per_s}, {"ms", "ms", 1.0}, {"us", "ms", 1.0 / 1000},
    {"d", "s", 60.0 * 60 * 24}, {"h", "s", 60.0 * 60}, {"min", "s", 60.0}, {"s", "s", 1.0},
    {"ms", "s", 1.0 / 1000}, {"us", "s", 1.0 / (1000 * 1000)},
    {"d", "min", 60.0 * 24}, {"h", "min", 60.0}, {"min", "min", 1.0}, {"s", "min", 1.0 / 60},
    {"ms", "min", 1.0 / (1000 * 60)}, {"us", "min", 1.0 / (1000 * 60 * 1000)},
    {"", "", 0},
}};

template <std::size_t N>
std::optional<double> convert(const std::array<Conversion, N>& table, double value, std::string_view unit,
                              std::string_view base_unit) {
  for (std::size_t i = 0; i + 1 < N && !table[i].unit.empty(); ++i) {
    if (table[i].base_unit != base_unit || table[i].unit != unit) continue;
    double converted = value * table[i].multiplier;
    const Conversion& smaller = table[i + 1];
    if (!smaller.unit.empty() && smaller.base_unit == base_unit) {
      converted = std::rint(converted / smaller.multiplier) * smaller.multiplier;
    }
    return converted;
  }
  return std::nullopt;
}

}  // namespace

UnitClass unit_class(std::string_view base_unit) {
  if (base_unit == "B" || base_unit == "kB" || base_unit == "MB" || base_unit == "8kB") return UnitClass::Memory;
  if (base_unit == "ms" || base_unit == "s" || base_unit == "min") return UnitClass::Time;
  return UnitClass::None;
}

std::optional<double> convert_to_base_unit(double value, std::string_view unit_text, std::string_view base_unit) {
  // At most three characters of unit, then only white space (MAX_UNIT_LEN).
  constexpr std::size_t max_unit_length = 3;
  std::size_t length = 0;
  while (length < unit_text.size() && length < max_unit_length &&
         !std::isspace(static_cast<unsigned char>(unit_text[length]))) {
    ++length;
  }
  std::string_view unit = unit_text.substr(0, length);
  for (std::size_t i = length; i < unit_text.size(); ++i) {
    if (!std::isspace(static_cast<unsigned char>(unit_text[i]))) return std::nullopt;
  }
  switch (unit_class(base_unit)) {
    case UnitClass::Memory: return convert(memory_table, value, unit, base_unit);
    case UnitClass::Time: return convert(time_table, value, unit, base_unit);
    case UnitClass::None: return std::nullopt;
  }
  return std::nullopt;
}

std::string_view units_hint(UnitClass unit_class) {
  if (unit_class == UnitClass::Memory) return R"(Valid units for this parameter are "B", "kB", "MB", "GB", and "TB".)";
  return R"(Valid units for this parameter are "us", "ms", "s", "min", "h", and "d".)";
}

double base_unit_size(std::string_view base_unit) {
  if (base_unit == "B") return 1;
  if (base_unit == "kB") return KiB;
  if (base_unit == "MB") return KiB * KiB;
  if (base_unit == "8kB") return block_size;
  if (base_unit == "s") return ms_per_s;
  if (base_unit == "min") return ms_per_s * 60;
  return 1;
}

std::string format_with_unit(double value, std::string_view base_unit) {
  UnitClass kind = unit_class(base_unit);
  if (kind == UnitClass::None) return fmt::format("{}", value);
  double base = value * base_unit_size(base_unit);
  if (base == 0 || !std::isfinite(base)) return fmt::format("{}{}", value, base_unit == "8kB" ? "kB" : base_unit);
  static constexpr std::array<std::pair<std::string_view, double>, 5> memory_units{
      {{"TB", KiB * KiB * KiB * KiB}, {"GB", KiB * KiB * KiB}, {"MB", KiB * KiB}, {"kB", KiB}, {"B", 1}}};
  static constexpr std::array<std::pair<std::string_view, double>, 6> time_units{
      {{"d", 86400000.0}, {"h", 3600000.0}, {"min", 60000.0}, {"s", 1000.0}, {"ms", 1.0}, {"us", 0.001}}};
  auto pick = [&](const auto& units) {
    for (const auto& [name, size] : units) {
      double count = base / size;
      if (std::fabs(count) >= 1 && std::fabs(count - std::round(count)) < 1e-9) {
        return fmt::format("{}{}", static_cast<long long>(std::round(count)), name);
      }
    }
    return fmt::format("{}{}", value, base_unit);
  };
  return kind == UnitClass::Memory ? pick(memory_units) : pick(time_units);
}

}  // namespace pglint::catalog
