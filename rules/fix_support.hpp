#pragma once
// Fixes that rules attach to their findings, built on the syntax trees so that only the
// bytes that must change do: a value token, a line commented out, a line added.
#include <optional>
#include <string>
#include <string_view>

#include "compiler/engine/diagnostic.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

// Makes the parameter take `value` where it takes effect: the winning line's value token is
// replaced (its trailing comment and layout stay), even when that line is in an included
// file or postgresql.auto.conf; when no file sets it, `name = value` is added to the main file
// after its commented-out default, else after its family's last line (log_*, ssl_*), else at
// the end, with a comment saying why.
// A value on the server's command line (compose `postgres -c`) is replaced there when it
// needs no quoting. nullopt when there is no way to write it.
std::optional<engine::Fix> set_value_fix(const SettingView& view, std::string_view value, std::string_view why,
                                         engine::Applicability applicability = engine::Applicability::Safe);

// The same, attached to `d` when possible.
void attach_set_value_fix(engine::Diagnostic& d, const SettingView& view, std::string_view value, std::string_view why,
                          engine::Applicability applicability = engine::Applicability::Safe);

// An edit that turns the physical line holding `offset` into a comment ("#" before it), so
// PostgreSQL skips it and the reader still sees what it was.
engine::Edit comment_out_line(const SourceFilePtr& file, std::size_t offset);

}  // namespace pglint::rules
