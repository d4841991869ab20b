#include "compiler/catalog/check_hooks.hpp"

#include <array>
#include <cstring>
#include <fmt/format.h>
#include <map>
#include <regex>
#include <strings.h>
#include <cctype>

#include "compiler/catalog/encodings.hpp"
#include "compiler/catalog/list_syntax.hpp"
#include "compiler/catalog/syncrep_names.hpp"

namespace pglint::catalog {

namespace {

constexpr std::size_t max_name_length = 63;  // NAMEDATALEN - 1
constexpr std::size_t max_file_name_length = 63;  // MAXFNAMELEN - 1
constexpr double max_backends = 0x3FFFF;     // MAX_BACKENDS

using Hook = std::optional<ValueError> (*)(const HookInput&);

ValueError invalid(const HookInput& in, std::string detail, std::string hint = {}) {
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

std::optional<ValueError> check_role(const HookInput& in) {
  // Outside a transaction the role cannot be looked up: only "none" works in a file.
  if (in.text == "none") return std::nullopt;
  return invalid(in, "");
}

std::optional<ValueError> check_session_authorization(const HookInput& in) { return invalid(in, ""); }

std::optional<ValueError> check_default_with_oids(const HookInput& in) {
  if (!std::get<bool>(in.parsed.value)) return std::nullopt;
  return ValueError{"tables declared WITH OIDS are not supported", ""};
}

std::optional<ValueError> check_backtrace_functions(const HookInput& in) {
  static constexpr char allowed[] = "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ, \n\t";
  std::string text(in.text);
  if (std::strspn(text.c_str(), allowed) != text.size()) {
    return invalid(in, in.major >= 16 ? "Invalid character." : "invalid character");
  }
  return std::nullopt;
}

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

std::optional<ValueError> check_recovery_target(const HookInput& in) {
  if (in.text.empty() || in.text == "immediate") return std::nullopt;
  return invalid(in, "The only allowed value is \"immediate\".");
}

std::optional<ValueError> check_recovery_target_lsn(const HookInput& in) {
  if (in.text.empty()) return std::nullopt;
  // pg_lsn input: 1-8 hex digits, '/', 1-8 hex digits.
  std::string text(in.text);
  static constexpr char hex[] = "0123456789abcdefABCDEF";
  std::size_t first = std::strspn(text.c_str(), hex);
  if (first < 1 || first > 8 || first >= text.size() || text[first] != '/') return invalid(in, "");
  std::size_t second = std::strspn(text.c_str() + first + 1, hex);
  if (second < 1 || second > 8 || first + 1 + second != text.size()) return invalid(in, "");
  return std::nullopt;
}

std::optional<ValueError> check_recovery_target_name(const HookInput& in) {
  if (in.text.size() > max_file_name_length) {
    return invalid(in, fmt::format("recovery_target_name is too long (maximum {} characters).", max_file_name_length));
  }
  return std::nullopt;
}

// A value starting with an ISO date YYYY-MM-DD whose month or day cannot exist.
bool impossible_iso_date(std::string_view text) {
  auto digits = [&](std::size_t at, std::size_t count) {
    for (std::size_t i = at; i < at + count; ++i) {
      if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
  };
  if (!digits(0, 4) || text.size() < 10 || text[4] != '-' || !digits(5, 2) || text[7] != '-' || !digits(8, 2)) {
    return false;
  }
  int year = std::stoi(std::string(text.substr(0, 4)));
  int month = std::stoi(std::string(text.substr(5, 2)));
  int day = std::stoi(std::string(text.substr(8, 2)));
  static constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return true;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day > days_in_month[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<ValueError> check_recovery_target_time(const HookInput& in) {
  // PostgreSQL parses a timestamp here; pglint does not re-implement its date/time input
  // and only rejects what can never be one: a value without any digit (but the special
  // inputs epoch and infinity), and the relative words PostgreSQL refuses explicitly.
  if (in.text.empty()) return std::nullopt;
  for (std::string_view refused : {"now", "today", "tomorrow", "yesterday"}) {
    if (in.text == refused) return invalid(in, "");
  }
  if (in.text.find_first_of("0123456789") != std::string_view::npos) {
    // A timestamp needs a date: numbers with date separators, a month name, or YYYYMMDD.
    static const std::regex date_like(
        R"((\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})|(\d{8})|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|^J\d+)",
        std::regex::icase);
    std::string text(in.text);
    if (!std::regex_search(text, date_like)) return invalid(in, "");
    // Numbers with separators: the middle one is a month or a day, never 0 nor above 31.
    static const std::regex numeric_date(R"((\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4}))");
    std::smatch parts;
    if (std::regex_search(text, parts, numeric_date)) {
      int middle = std::stoi(parts[2].str());
      if (middle < 1 || middle > 31) return invalid(in, "");
    }
    return impossible_iso_date(in.text) ? std::optional<ValueError>(invalid(in, "")) : std::nullopt;
  }
  for (std::string_view special : {"epoch", "infinity", "-infinity", "+infinity"}) {
    if (equals_nocase(in.text, special)) return std::nullopt;
  }
  return invalid(in, "");
}

std::optional<ValueError> check_default_table_access_method(const HookInput& in) {
  std::string quoted_name = in.major >= 17 ? "\"default_table_access_method\"" : "default_table_access_method";
  if (in.text.empty()) return invalid(in, fmt::format("{} cannot be empty.", quoted_name));
  if (in.text.size() > max_name_length) {
    return invalid(in, fmt::format("{} is too long (maximum {} characters).", quoted_name, max_name_length));
  }
  return std::nullopt;
}

std::optional<ValueError> check_slru_buffers(const HookInput& in) {
  constexpr long long bank_size = 16;
  if (std::get<long long>(in.parsed.value) % bank_size == 0) return std::nullopt;
  return invalid(in, sentence(in, fmt::format("\"{}\" must be a multiple of {}", in.parameter.name, bank_size), 18));
}

std::optional<ValueError> check_vacuum_buffer_usage_limit(const HookInput& in) {
  long long value = std::get<long long>(in.parsed.value);
  if (value == 0 || (value >= 128 && value <= 16777216)) return std::nullopt;
  return invalid(in, sentence(in, "\"vacuum_buffer_usage_limit\" must be 0 or between 128 kB and 16777216 kB", 18));
}

// 13-17: the backend slots together must fit MAX_BACKENDS, checked with the other
// parameters' values at the time this one is applied.
std::optional<ValueError> check_backend_slots(const HookInput& in) {
  if (in.major >= 18) return std::nullopt;
  static constexpr std::array<std::string_view, 4> members{"max_connections", "autovacuum_max_workers",
                                                           "max_worker_processes", "max_wal_senders"};
  static const std::map<std::string_view, double> defaults{
      {"max_connections", 100}, {"autovacuum_max_workers", 3}, {"max_worker_processes", 8}, {"max_wal_senders", 10}};
  double total = 1 + static_cast<double>(std::get<long long>(in.parsed.value));
  for (auto member : members) {
    if (member == in.parameter.name) continue;
    std::optional<double> value = in.current ? (*in.current)(member) : std::nullopt;
    total += value.value_or(defaults.at(member));
  }
  if (total > max_backends) return invalid(in, "");
  return std::nullopt;
}

std::optional<ValueError> check_client_encoding(const HookInput& in) {
  // pg_char_to_encoding: only letters and digits count, case-insensitively.
  const auto& names = encoding_names(in.major);
  if (names.empty()) return std::nullopt;  // no list for this version: cannot judge
  std::string key;
  for (char c : in.text) {
    if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (names.contains(key)) return std::nullopt;
  return invalid(in, "");
}

const std::map<std::string_view, Hook>& hooks() {
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
  auto it = hooks().find(key);
  if (it == hooks().end()) return std::nullopt;
  return it->second(input);
}

}  // namespace pglint::catalog
