#include "compiler/catalog/check_hooks.hpp"

#include <fmt/format.h>
#include <strings.h>

#include <map>

#include "compiler/catalog/check_hook_support.hpp"
#include "compiler/catalog/list_syntax.hpp"

namespace pglint::catalog {

namespace hooks {

ValueError invalid(const HookInput& in, std::string detail, std::string hint) {
  std::string extra = detail;
  if (!hint.empty()) extra += (extra.empty() ? "" : " ") + hint;
  return {fmt::format("invalid value for parameter \"{}\": \"{}\"", in.name, in.text), extra};
}

// PostgreSQL 18 ends its details with a period where 17 does not, in a few hooks.
std::string sentence(const HookInput& in, std::string text, int period_from) {
  if (in.major >= period_from) text += '.';
  return text;
}

bool equals_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(std::string(a).c_str(), std::string(b).c_str(), a.size()) == 0;
}

// A list of keywords, each compared case-insensitively ("Unrecognized key word").
std::optional<ValueError> keyword_list(const HookInput& in, std::initializer_list<std::string_view> allowed) {
  auto items = split_identifier_string(in.text);
  if (!items) return invalid(in, "List syntax is invalid.");
  for (const auto& item : *items) {
    bool known = false;
    for (auto word : allowed) known = known || equals_nocase(item, word);
    if (!known) return invalid(in, fmt::format("Unrecognized key word: \"{}\".", item));
  }
  return std::nullopt;
}


}  // namespace hooks

namespace {

using Hook = std::optional<ValueError> (*)(const HookInput&);
using namespace hooks;

const std::map<std::string_view, Hook>& hooks_by_parameter() {
  static const std::map<std::string_view, Hook> table{
      {"role", &check_role},
      {"session_authorization", &check_session_authorization},
      {"default_with_oids", &check_default_with_oids},
      {"backtrace_functions", &check_backtrace_functions},
      {"datestyle", &check_datestyle},
      {"log_destination", &check_log_destination},
      {"restrict_nonsystem_relation_kind", &check_restrict_nonsystem_relation_kind},
      {"createrole_self_grant", &check_createrole_self_grant},
      {"search_path", &check_list_syntax},
      {"temp_tablespaces", &check_list_syntax},
      {"wal_consistency_checking", &check_wal_consistency_checking},
      {"debug_io_direct", &check_debug_io_direct},
      {"primary_slot_name", &check_slot_name},
      {"synchronized_standby_slots", &check_synchronized_standby_slots},
      {"synchronous_standby_names", &check_synchronous_standby_names},
      {"recovery_target", &check_recovery_target},
      {"recovery_target_lsn", &check_recovery_target_lsn},
      {"recovery_target_name", &check_recovery_target_name},
      {"recovery_target_time", &check_recovery_target_time},
      {"default_table_access_method", &check_default_table_access_method},
      {"commit_timestamp_buffers", &check_slru_buffers},
      {"multixact_member_buffers", &check_slru_buffers},
      {"multixact_offset_buffers", &check_slru_buffers},
      {"notify_buffers", &check_slru_buffers},
      {"serializable_buffers", &check_slru_buffers},
      {"subtransaction_buffers", &check_slru_buffers},
      {"transaction_buffers", &check_slru_buffers},
      {"vacuum_buffer_usage_limit", &check_vacuum_buffer_usage_limit},
      {"max_connections", &check_backend_slots},
      {"autovacuum_max_workers", &check_backend_slots},
      {"max_worker_processes", &check_backend_slots},
      {"max_wal_senders", &check_backend_slots},
      {"client_encoding", &check_client_encoding},
  };
  return table;
}


}  // namespace

std::optional<ValueError> run_check_hook(const HookInput& input) {
  std::string key = fold_name(input.parameter.name);
  if (key == "log_connections" && input.parameter.type == ParamType::String) return check_log_connections(input);
  auto it = hooks_by_parameter().find(key);
  if (it == hooks_by_parameter().end()) return std::nullopt;
  return it->second(input);
}


}  // namespace pglint::catalog
