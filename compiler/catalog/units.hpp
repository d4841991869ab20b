#pragma once
// PostgreSQL's unit conversion tables (guc.c memory_unit_conversion_table and
// time_unit_conversion_table), keyed by the base unit pg_settings shows for a parameter.
#include <optional>
#include <string>
#include <string_view>

namespace pglint::catalog {

enum class UnitClass { None, Memory, Time };

UnitClass unit_class(std::string_view base_unit);

// convert_to_base_unit: `value` given in `unit_text` (e.g. "GB", with optional trailing
// white space) expressed in `base_unit` (e.g. "kB" or "8kB"). A fractional result is
// rounded to a multiple of the next smaller unit, as PostgreSQL does. nullopt when the
// unit is unknown, not valid for the base unit, or followed by garbage.
std::optional<double> convert_to_base_unit(double value, std::string_view unit_text, std::string_view base_unit);

// The HINT PostgreSQL gives after an invalid unit.
std::string_view units_hint(UnitClass unit_class);

// A value in a base unit, shown the way a person would write it ("1536MB", "30s").
std::string format_with_unit(double value, std::string_view base_unit);

// Bytes in one base unit (memory) or milliseconds (time); 1 for unitless.
double base_unit_size(std::string_view base_unit);

}  // namespace pglint::catalog
