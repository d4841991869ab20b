// Check hooks of list-valued parameters (SplitIdentifierString and friends).
#include "compiler/catalog/check_hook_support.hpp"
#include "compiler/catalog/list_syntax.hpp"
#include "compiler/catalog/syncrep_names.hpp"
#include <fmt/format.h>
#include <strings.h>

#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <regex>

namespace pglint::catalog::hooks {

namespace {

std::optional<std::string> slot_name_problem(std::string_view name) {
  if (name.empty()) return fmt::format("replication slot name \"{}\" is too short", name);
  if (name.size() > max_name_length) return fmt::format("replication slot name \"{}\" is too long", name);
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return fmt::format("replication slot name \"{}\" contains invalid character", name);
    }
  }
  return std::nullopt;
}

constexpr std::string_view slot_name_hint =
    "Replication slot names may only contain lower case letters, numbers, and the underscore character.";


}  // namespace

std::optional<ValueError> check_datestyle(const HookInput& in) {
  auto items = split_identifier_string(in.text);
  if (!items) return invalid(in, "List syntax is invalid.");
  std::optional<std::string> style, order;
  bool ok = true;
  auto set = [&](std::optional<std::string>& slot, const char* value) {
    if (slot && *slot != value) ok = false;
    slot = value;
  };
  for (const auto& item : *items) {
    auto starts = [&](std::string_view prefix) { return strncasecmp(item.c_str(), prefix.data(), prefix.size()) == 0; };
    if (equals_nocase(item, "ISO")) set(style, "iso");
    else if (equals_nocase(item, "SQL")) set(style, "sql");
    else if (starts("POSTGRES")) set(style, "postgres");
    else if (equals_nocase(item, "GERMAN")) set(style, "german");  // implies DMY, never conflicts
    else if (equals_nocase(item, "YMD")) set(order, "ymd");
    else if (equals_nocase(item, "DMY") || starts("EURO")) set(order, "dmy");
    else if (equals_nocase(item, "MDY") || equals_nocase(item, "US") || starts("NONEURO")) set(order, "mdy");
    else if (equals_nocase(item, "DEFAULT")) continue;
    else return invalid(in, fmt::format("Unrecognized key word: \"{}\".", item));
  }
  if (!ok) return invalid(in, "Conflicting \"datestyle\" specifications.");
  return std::nullopt;
}

std::optional<ValueError> check_log_destination(const HookInput& in) {
  if (in.major >= 15) return keyword_list(in, {"stderr", "csvlog", "jsonlog", "syslog"});
  return keyword_list(in, {"stderr", "csvlog", "syslog"});
}

std::optional<ValueError> check_restrict_nonsystem_relation_kind(const HookInput& in) {
  return keyword_list(in, {"view", "foreign-table"});
}

std::optional<ValueError> check_createrole_self_grant(const HookInput& in) {
  return keyword_list(in, {"set", "inherit"});
}

std::optional<ValueError> check_list_syntax(const HookInput& in) {
  if (!split_identifier_string(in.text)) return invalid(in, "List syntax is invalid.");
  return std::nullopt;
}

std::optional<ValueError> check_wal_consistency_checking(const HookInput& in) {
  // 15+ defers the resource manager names until libraries are loaded: syntax only.
  if (in.major >= 15) return check_list_syntax(in);
  return keyword_list(in, {"all", "heap2", "heap", "btree", "hash", "gin", "gist", "sequence", "spgist", "brin",
                           "generic"});
}

std::optional<ValueError> check_debug_io_direct(const HookInput& in) {
  auto items = split_guc_list(in.text);
  if (!items) {
    return invalid(in, in.major >= 17 ? "Invalid list syntax in parameter \"debug_io_direct\"."
                                      : "invalid list syntax in parameter \"debug_io_direct\"");
  }
  for (const auto& item : *items) {
    if (!equals_nocase(item, "data") && !equals_nocase(item, "wal") && !equals_nocase(item, "wal_init")) {
      if (in.major >= 18) return invalid(in, fmt::format("Invalid option \"{}\".", item));
      return invalid(in, fmt::format(fmt::runtime(in.major >= 17 ? "Invalid option \"{}\"" : "invalid option \"{}\""), item));
    }
  }
  return std::nullopt;
}

std::optional<ValueError> check_log_connections(const HookInput& in) {
  // 18: a list of aspects, or one of the old Boolean words alone.
  static constexpr std::array<std::string_view, 8> booleans{"on", "off", "true", "false", "yes", "no", "1", "0"};
  static constexpr std::array<std::string_view, 5> options{"receipt", "authentication", "authorization",
                                                           "setup_durations", "all"};
  auto items = split_identifier_string(in.text);
  if (!items) return invalid(in, "Invalid list syntax in parameter \"log_connections\".");
  for (const auto& item : *items) {
    bool is_boolean = false;
    for (auto word : booleans) is_boolean = is_boolean || equals_nocase(item, word);
    if (is_boolean && items->size() == 1) return std::nullopt;
    bool known = false;
    for (auto word : options) known = known || equals_nocase(item, word);
    if (!known) return invalid(in, fmt::format("Invalid option \"{}\".", item));
  }
  return std::nullopt;
}

std::optional<ValueError> check_slot_name(const HookInput& in) {
  if (in.text.empty()) return std::nullopt;
  if (auto problem = slot_name_problem(in.text)) return invalid(in, *problem, std::string(slot_name_hint));
  return std::nullopt;
}

std::optional<ValueError> check_synchronized_standby_slots(const HookInput& in) {
  if (in.text.empty()) return std::nullopt;
  auto items = split_identifier_string(in.text);
  if (!items) return invalid(in, "List syntax is invalid.");
  for (const auto& item : *items) {
    if (auto problem = slot_name_problem(item)) return invalid(in, *problem, std::string(slot_name_hint));
  }
  return std::nullopt;
}

std::optional<ValueError> check_synchronous_standby_names(const HookInput& in) {
  auto error = catalog::check_synchronous_standby_names(in.text);
  if (!error) return std::nullopt;
  if (!error->message.empty()) return ValueError{error->message, ""};
  return invalid(in, error->detail);
}

}  // namespace pglint::catalog::hooks
