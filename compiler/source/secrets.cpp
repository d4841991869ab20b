#include "compiler/source/secrets.hpp"

#include <cctype>
#include <string>

namespace pglint {

namespace {

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  }
  return true;
}

// The end of a value starting at `at`: a quoted one ends at its closing quote, a bare
// one at white space, or a quote of the surrounding setting.
std::size_t value_end(std::string_view text, std::size_t at) {
  if (at < text.size() && (text[at] == '\'' || text[at] == '"')) {
    char quote = text[at];
    std::size_t i = at + 1;
    while (i < text.size()) {
      if (text[i] == '\\') {
        i += 2;
        continue;
      }
      if (text[i] == quote) {
        // A doubled quote inside postgresql.conf's own quoting stands for one quote.
        if (i + 1 < text.size() && text[i + 1] == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      ++i;
    }
    return text.size();
  }
  std::size_t i = at;
  while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '\'' && text[i] != '"' &&
         text[i] != ';' && text[i] != '&') {
    ++i;
  }
  return i;
}

void keyword_values(std::string_view text, std::string_view keyword, std::vector<Span>& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!starts_with_nocase(text, i, keyword)) continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_')) continue;
    std::size_t at = i + keyword.size();
    while (at < text.size() && text[at] == ' ') ++at;
    if (at >= text.size() || text[at] != '=') continue;
    ++at;
    while (at < text.size() && text[at] == ' ') ++at;
    std::size_t end = value_end(text, at);
    if (end > at) out.push_back({at, end});
    i = end;
  }
}

// postgres://user:secret@host or postgresql://user:secret@host
void uri_passwords(std::string_view text, std::vector<Span>& out) {
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    for (std::size_t i = text.find(scheme); i != std::string_view::npos; i = text.find(scheme, i + 1)) {
      std::size_t start = i + scheme.size();
      std::size_t at_sign = text.find('@', start);
      std::size_t slash = text.find('/', start);
      if (at_sign == std::string_view::npos || (slash != std::string_view::npos && slash < at_sign)) continue;
      std::size_t colon = text.find(':', start);
      if (colon == std::string_view::npos || colon > at_sign) continue;
      if (at_sign > colon + 1) out.push_back({colon + 1, at_sign});
    }
  }
}

}  // namespace

std::vector<Span> find_secret_ranges(std::string_view text) {
  std::vector<Span> ranges;
  keyword_values(text, "password", ranges);
  keyword_values(text, "pgpassword", ranges);
  keyword_values(text, "--password", ranges);
  uri_passwords(text, ranges);
  return ranges;
}

}  // namespace pglint
