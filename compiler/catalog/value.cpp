#include "compiler/catalog/value.hpp"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cctype>
#include <fmt/format.h>
#include <fmt/printf.h>
#include <strings.h>

#include "compiler/catalog/check_hooks.hpp"
#include "compiler/catalog/units.hpp"

namespace pglint::catalog {

namespace {

bool prefix_equal_nocase(std::string_view text, std::string_view word, std::size_t compare_length) {
  // pg_strncasecmp(text, word, compare_length) == 0 on NUL-terminated strings.
  for (std::size_t i = 0; i < compare_length; ++i) {
    char a = i < text.size() ? static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))) : '\0';
    char b = i < word.size() ? word[i] : '\0';
    if (a != b) return false;
    if (a == '\0') return true;
  }
  return true;
}

ValueError invalid_value(std::string_view name, std::string_view text, std::string hint = {}) {
  return {fmt::format("invalid value for parameter \"{}\": \"{}\"", name, text), std::move(hint)};
}

struct NumberParse {
  bool ok = false;
  double value = 0;
  std::string hint;
};

// The part of parse_int and parse_real after the number: optional unit, then conversion.
NumberParse apply_unit(double value, const char* rest, std::string_view base_unit) {
  while (std::isspace(static_cast<unsigned char>(*rest))) ++rest;
  if (*rest == '\0') return {true, value, {}};
  UnitClass kind = unit_class(base_unit);
  if (kind == UnitClass::None) return {};  // this setting does not accept a unit
  auto converted = convert_to_base_unit(value, rest, base_unit);
  if (!converted) return {false, 0, std::string(units_hint(kind))};
  return {true, *converted, {}};
}

// parse_int: strtol with base 0 (hex, octal), falling back to strtod for fractions,
// exponents and overflow; then an optional unit; then rint (round half to even).
NumberParse parse_int_value(const std::string& text, std::string_view base_unit) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  double value = static_cast<double>(std::strtol(begin, &end, 0));
  if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE) {
    errno = 0;
    value = std::strtod(begin, &end);
  }
  if (end == begin || errno == ERANGE || std::isnan(value)) return {};
  NumberParse result = apply_unit(value, end, base_unit);
  if (!result.ok) return result;
  result.value = std::rint(result.value);
  if (result.value > INT_MAX || result.value < INT_MIN) return {false, 0, "Value exceeds integer range."};
  return result;
}

NumberParse parse_real_value(const std::string& text, std::string_view base_unit) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(begin, &end);
  if (end == begin || errno == ERANGE || std::isnan(value)) return {};
  return apply_unit(value, end, base_unit);
}

// The unit PostgreSQL prints in range messages (get_config_unit_name).
std::string unit_suffix(std::string_view base_unit) {
  if (base_unit.empty()) return {};
  return fmt::format(" {}", base_unit);
}

std::string format_real(double value) {
  // %g, as PostgreSQL prints reals in its messages.
  return fmt::sprintf("%g", value);
}

ValueResult check_integer(const Parameter& p, std::string_view text, std::string_view name) {
  NumberParse parsed = parse_int_value(std::string(text), p.unit);
  if (!parsed.ok) return invalid_value(name, text, parsed.hint);
  auto value = static_cast<long long>(parsed.value);
  if ((p.min && value < *p.min) || (p.max && value > *p.max)) {
    std::string unit = unit_suffix(p.unit);
    return ValueError{fmt::format("{}{} is outside the valid range for parameter \"{}\" ({}{} .. {}{})", value, unit,
                                  name, static_cast<long long>(p.min.value_or(0)), unit,
                                  static_cast<long long>(p.max.value_or(0)), unit),
                      {}};
  }
  return ParsedValue{value, {}};
}

ValueResult check_real(const Parameter& p, std::string_view text, std::string_view name) {
  NumberParse parsed = parse_real_value(std::string(text), p.unit);
  if (!parsed.ok) return invalid_value(name, text, parsed.hint);
  if ((p.min && parsed.value < *p.min) || (p.max && parsed.value > *p.max)) {
    std::string unit = unit_suffix(p.unit);
    return ValueError{fmt::format("{}{} is outside the valid range for parameter \"{}\" ({}{} .. {}{})",
                                  format_real(parsed.value), unit, name, format_real(p.min.value_or(0)), unit,
                                  format_real(p.max.value_or(0)), unit),
                      {}};
  }
  return ParsedValue{parsed.value, {}};
}

// Build-dependent values (lz4, zstd ...) are accepted: users run full builds.
ValueResult check_enum(const Parameter& p, std::string_view text, std::string_view name) {
  auto matches = [&](const std::string& option) {
    return option.size() == text.size() && strncasecmp(option.c_str(), std::string(text).c_str(), text.size()) == 0;
  };
  for (const auto* list : {&p.enum_values, &p.hidden_enum_values}) {
    for (const auto& option : *list) {
      if (matches(option)) return ParsedValue{std::string(text), option};
    }
  }
  for (const auto& option : p.build_dependent_enum_values) {
    if (matches(option)) return ParsedValue{std::string(text), option};
  }
  std::string available;
  for (const auto& option : p.enum_values) available += (available.empty() ? "" : ", ") + option;
  return invalid_value(name, text, fmt::format("Available values: {}.", available));
}

}  // namespace

std::optional<bool> parse_bool(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::size_t length = text.size();
  switch (text[0]) {
    case 't': case 'T':
      if (prefix_equal_nocase(text, "true", length)) return true;
      break;
    case 'f': case 'F':
      if (prefix_equal_nocase(text, "false", length)) return false;
      break;
    case 'y': case 'Y':
      if (prefix_equal_nocase(text, "yes", length)) return true;
      break;
    case 'n': case 'N':
      if (prefix_equal_nocase(text, "no", length)) return false;
      break;
    case 'o': case 'O':
      // "o" alone is ambiguous: at least two characters are compared.
      if (prefix_equal_nocase(text, "on", std::max<std::size_t>(length, 2))) return true;
      if (prefix_equal_nocase(text, "off", std::max<std::size_t>(length, 2))) return false;
      break;
    case '1':
      if (length == 1) return true;
      break;
    case '0':
      if (length == 1) return false;
      break;
    default:
      break;
  }
  return std::nullopt;
}

namespace {

ValueResult parse_by_type(const Parameter& parameter, std::string_view text, std::string_view name) {
  switch (parameter.type) {
    case ParamType::Bool: {
      auto value = parse_bool(text);
      if (!value) return ValueError{fmt::format("parameter \"{}\" requires a Boolean value", name), {}};
      return ParsedValue{*value, *value ? "on" : "off"};
    }
    case ParamType::Integer: return check_integer(parameter, text, name);
    case ParamType::Real: return check_real(parameter, text, name);
    case ParamType::Enum: return check_enum(parameter, text, name);
    case ParamType::String: return ParsedValue{std::string(text), {}};
  }
  return ParsedValue{std::string(text), {}};
}

}  // namespace

ValueResult parse_value(const Parameter& parameter, std::string_view text, std::string_view name,
                        const CurrentNumber* current) {
  ValueResult result = parse_by_type(parameter, text, name);
  const auto* parsed = std::get_if<ParsedValue>(&result);
  if (!parsed) return result;
  HookInput input{parameter, name, text, *parsed, parameter.major, current};
  if (auto error = run_check_hook(input)) return *error;
  return result;
}

ValueResult parse_value(std::string_view name, std::string_view text, int major) {
  const Catalog* catalog = catalog_for(major);
  const Parameter* parameter = catalog ? catalog->find(name) : nullptr;
  if (!parameter) return ValueError{fmt::format("unrecognized configuration parameter \"{}\"", name), {}};
  return parse_value(*parameter, text, name);
}

std::optional<double> numeric_value(const ParsedValue& value) {
  if (const auto* integer = std::get_if<long long>(&value.value)) return static_cast<double>(*integer);
  if (const auto* real = std::get_if<double>(&value.value)) return *real;
  return std::nullopt;
}

}  // namespace pglint::catalog
