#include "compiler/syntax/hba/regex_check.hpp"

#include <cctype>

namespace pglint::hba {

namespace {

bool is_quantifier(char c) { return c == '*' || c == '+' || c == '?'; }

// Length of a bracket expression starting at `at` ('['), or 0 when it never closes.
std::size_t bracket_length(std::string_view p, std::size_t at) {
  std::size_t i = at + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is literal
  while (i < p.size()) {
    if (p[i] == '[' && i + 1 < p.size() && (p[i + 1] == ':' || p[i + 1] == '.' || p[i + 1] == '=')) {
      char kind = p[i + 1];
      std::size_t close = p.find(std::string{kind, ']'}, i + 2);
      if (close == std::string_view::npos) return 0;
      i = close + 2;
      continue;
    }
    if (p[i] == ']') return i - at + 1;
    ++i;
  }
  return 0;
}

}  // namespace

std::optional<std::string> regex_error(std::string_view p) {
  int depth = 0;
  bool can_quantify = false;  // something precedes that a quantifier can apply to
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    switch (c) {
      case '\\':
        if (i + 1 == p.size()) return "invalid escape \\ sequence";
        ++i;
        can_quantify = true;
        break;
      case '(':
        ++depth;
        if (i + 2 < p.size() && p[i + 1] == '?' && (p[i + 2] == ':' || p[i + 2] == '=' || p[i + 2] == '!')) i += 2;
        can_quantify = false;
        break;
      case ')':
        if (depth == 0) return "parentheses () not balanced";
        --depth;
        can_quantify = true;
        break;
      case '[': {
        std::size_t length = bracket_length(p, i);
        if (length == 0) return "brackets [] not balanced";
        i += length - 1;
        can_quantify = true;
        break;
      }
      case '{': {
        std::size_t close = p.find('}', i);
        if (i + 1 < p.size() && std::isdigit(static_cast<unsigned char>(p[i + 1]))) {
          if (close == std::string_view::npos) return "braces {} not balanced";
          if (!can_quantify) return "quantifier operand invalid";
          i = close;
        }
        can_quantify = true;
        break;
      }
      case '|':
        can_quantify = false;
        break;
      case '^':
        can_quantify = false;
        break;
      default:
        if (is_quantifier(c)) {
          if (!can_quantify) return "quantifier operand invalid";
          // A non-greedy marker or a second quantifier: ARE allows *? +? ?? only.
          if (i + 1 < p.size() && p[i + 1] == '?') ++i;
          else if (i + 1 < p.size() && is_quantifier(p[i + 1])) return "quantifier operand invalid";
          can_quantify = false;
        } else {
          can_quantify = true;
        }
    }
  }
  if (depth != 0) return "parentheses () not balanced";
  return std::nullopt;
}

}  // namespace pglint::hba
