// Check hooks of the recovery target parameters.
#include "compiler/catalog/check_hook_support.hpp"

#include <fmt/format.h>
#include <strings.h>

#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <regex>

namespace pglint::catalog::hooks {

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

namespace {

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

}  // namespace

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


}  // namespace pglint::catalog::hooks
