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

inline const SourceFilePtr& file_of(const model::Location& location) { return location.source; }

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

// One parameter as a configuration set leaves it: the winning setting (if any file sets
// it) and the value PostgreSQL uses (the setting's, else the built-in default).
struct SettingView {
  const model::ConfSet* set = nullptr;
  const catalog::Parameter* parameter = nullptr;  // null when the version lacks it
  const model::Setting* setting = nullptr;        // null when only the default applies
  std::optional<catalog::ParsedValue> value;

  [[nodiscard]] bool is_set() const { return setting != nullptr; }
  [[nodiscard]] std::optional<double> number() const;
  [[nodiscard]] std::optional<bool> boolean() const;
  [[nodiscard]] std::string text() const;  // canonical enum spelling, or the string
  [[nodiscard]] std::string written() const;  // as written in the file, or the default
};

SettingView view_setting(const model::Deployment& deployment, const model::ConfSet& set, std::string_view name);

// Reports on the setting's value, or at the top of the main file when only the default
// applies; says whether a change needs a reload or a restart.
engine::Diagnostic& report_setting(engine::DiagnosticSink& sink, const SettingView& view, std::string message,
                                   std::string help = {});

// A configuration set that is a whole server configuration (see ConfSet::is_server_config).
bool is_server_config(const model::ConfSet& set);

// Calls `visit` for each whole server configuration.
void for_each_server_config(const model::Deployment& deployment, const std::function<void(const model::ConfSet&)>& visit);

// "2GB", "512MB": a byte count as a person reads it.
std::string format_bytes(double bytes);

}  // namespace pglint::rules

namespace pglint::rules {

// A memory setting's value in bytes (its number times its unit), if it has one.
std::optional<double> bytes_of(const SettingView& view);

}  // namespace pglint::rules
