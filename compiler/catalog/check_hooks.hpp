#pragma once
// The check hooks PostgreSQL runs on a value after parsing it (guc_tables.c check_*
// functions) that can fail while the configuration file is read at server start.
// Hooks that need a database connection accept everything there, as PostgreSQL does.
#include <functional>
#include <optional>
#include <string_view>

#include "compiler/catalog/value.hpp"

namespace pglint::catalog {

struct HookInput {
  const Parameter& parameter;
  std::string_view name;  // as written
  std::string_view text;  // the value as written, de-quoted
  const ParsedValue& parsed;
  int major = 0;
  const CurrentNumber* current = nullptr;  // null: other parameters at their defaults
};

std::optional<ValueError> run_check_hook(const HookInput& input);

}  // namespace pglint::catalog
