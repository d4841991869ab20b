#pragma once
// Fix helpers for postgresql.conf rules, on top of rules/fix_support.hpp.
#include <optional>
#include <string>
#include <string_view>

#include "compiler/engine/rule.hpp"
#include "rules/fix_support.hpp"

namespace pglint::rules {

// Like report_boolean (server_config_rule.hpp), but returns the finding (null when the value
// is not `unwanted`) with a safe fix that sets the parameter to the other value.
engine::Diagnostic* report_boolean_with_fix(engine::DiagnosticSink& sink, const model::Deployment& d,
                                            const model::ConfSet& set, std::string_view name, bool unwanted,
                                            std::string_view consequence, std::string help, std::string_view why);

// A fix that turns the line of a setting read from a file into a comment; nullopt for a
// setting on the server's command line, which has no line of its own.
std::optional<engine::Fix> comment_out_setting_fix(const model::Setting& setting, std::string description,
                                                   engine::Applicability applicability = engine::Applicability::Safe);

}  // namespace pglint::rules
