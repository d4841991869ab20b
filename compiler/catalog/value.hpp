#pragma once
// Interpretation of a setting's value exactly as PostgreSQL's guc.c does it
// (parse_bool, parse_int, parse_real, enum lookup, range checks), with its messages.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "compiler/catalog/catalog.hpp"

namespace pglint::catalog {

struct ValueError {
  std::string message;  // PostgreSQL's errmsg
  std::string hint;     // PostgreSQL's errhint, or empty
};

struct ParsedValue {
  // bool, integer (in the base unit), real (in the base unit), or string/enum text.
  std::variant<bool, long long, double, std::string> value;
  // For enums: the canonical spelling from the catalogue (lower case as listed).
  std::string canonical;
};

using ValueResult = std::variant<ParsedValue, ValueError>;

// The value another parameter holds when this one is applied; see check_hooks.hpp.
using CurrentNumber = std::function<std::optional<double>(std::string_view name)>;

// `text` is the value after de-quoting, as PostgreSQL receives it. `name` is the
// parameter's name as written (PostgreSQL's messages quote it as written). The value is
// parsed, range-checked and given to the parameter's check hook, as PostgreSQL does;
// `current` gives other parameters' values to hooks that compare (null: defaults).
ValueResult parse_value(const Parameter& parameter, std::string_view text, std::string_view name,
                        const CurrentNumber* current = nullptr);

// Library entry point: the parameter is looked up in the catalogue of `major`.
// An unknown name gives PostgreSQL's "unrecognized configuration parameter" error.
ValueResult parse_value(std::string_view name, std::string_view text, int major);

// parse_bool_with_len: prefixes of true/false/yes/no, on/off (at least two letters), 1, 0.
std::optional<bool> parse_bool(std::string_view text);

// A numeric value as a number of base units, if it is one.
std::optional<double> numeric_value(const ParsedValue& value);

}  // namespace pglint::catalog
