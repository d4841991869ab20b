#pragma once
// Shared by the check hook files: PostgreSQL's "invalid value" error with a DETAIL, and the
// hooks themselves, grouped by the kind of value they check. check_hooks.cpp maps
// parameter names to them.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/catalog/check_hooks.hpp"

namespace pglint::catalog::hooks {

constexpr std::size_t max_name_length = 63;       // NAMEDATALEN - 1
constexpr std::size_t max_file_name_length = 63;  // MAXFNAMELEN - 1
constexpr double max_backends = 0x3FFFF;          // MAX_BACKENDS

// `invalid value for parameter "name": "value"`, the DETAIL (and HINT) after it.
ValueError invalid(const HookInput& in, std::string detail, std::string hint = {});
// PostgreSQL 18 ends some details with a period where 17 does not.
std::string sentence(const HookInput& in, std::string text, int period_from);
bool equals_nocase(std::string_view a, std::string_view b);
// A list of keywords, each compared case-insensitively ("Unrecognized key word").
std::optional<ValueError> keyword_list(const HookInput& in, std::initializer_list<std::string_view> allowed);

// Names and single values (hooks_names.cpp)
std::optional<ValueError> check_role(const HookInput& in);
std::optional<ValueError> check_session_authorization(const HookInput& in);
std::optional<ValueError> check_default_with_oids(const HookInput& in);
std::optional<ValueError> check_backtrace_functions(const HookInput& in);
std::optional<ValueError> check_default_table_access_method(const HookInput& in);
std::optional<ValueError> check_client_encoding(const HookInput& in);

// Lists (hooks_lists.cpp)
std::optional<ValueError> check_datestyle(const HookInput& in);
std::optional<ValueError> check_log_destination(const HookInput& in);
std::optional<ValueError> check_restrict_nonsystem_relation_kind(const HookInput& in);
std::optional<ValueError> check_createrole_self_grant(const HookInput& in);
std::optional<ValueError> check_list_syntax(const HookInput& in);
std::optional<ValueError> check_wal_consistency_checking(const HookInput& in);
std::optional<ValueError> check_debug_io_direct(const HookInput& in);
std::optional<ValueError> check_log_connections(const HookInput& in);
std::optional<ValueError> check_slot_name(const HookInput& in);
std::optional<ValueError> check_synchronized_standby_slots(const HookInput& in);
std::optional<ValueError> check_synchronous_standby_names(const HookInput& in);

// Recovery targets (hooks_recovery.cpp)
std::optional<ValueError> check_recovery_target(const HookInput& in);
std::optional<ValueError> check_recovery_target_lsn(const HookInput& in);
std::optional<ValueError> check_recovery_target_name(const HookInput& in);
std::optional<ValueError> check_recovery_target_time(const HookInput& in);

// Numeric limits (hooks_limits.cpp)
std::optional<ValueError> check_slru_buffers(const HookInput& in);
std::optional<ValueError> check_vacuum_buffer_usage_limit(const HookInput& in);
std::optional<ValueError> check_backend_slots(const HookInput& in);

}  // namespace pglint::catalog::hooks
