#pragma once
// Small helpers shared by rules: walking settings, locating them, effective values.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "compiler/catalog/value.hpp"
#include "compiler/engine/rule.hpp"
#include "compiler/model/deployment.hpp"

namespace pglint::rules {

inline const SourceFilePtr& file_of(const model::Location& location) { return location.file->tree.file; }

// Calls `visit` for every setting of every configuration set, in application order.
void for_each_setting(const model::Deployment& deployment,
                      const std::function<void(const model::ConfSet&, const model::Setting&)>& visit);

// The value PostgreSQL would use for `name`: the winning setting when it is valid,
// else the built-in default. Numbers are in the parameter's base unit.
std::optional<catalog::ParsedValue> effective_value(const model::Deployment& deployment, const model::ConfSet& set,
                                                    std::string_view name);
std::optional<double> effective_number(const model::Deployment& deployment, const model::ConfSet& set,
                                       std::string_view name);
std::optional<std::string> effective_text(const model::Deployment& deployment, const model::ConfSet& set,
                                          std::string_view name);

// "line 12 of conf.d/b.conf"
std::string describe_location(const model::Location& location);

}  // namespace pglint::rules
