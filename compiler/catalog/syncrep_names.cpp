#include "compiler/catalog/syncrep_names.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <vector>

namespace pglint::catalog {

namespace {

enum class Kind { Name, Num, Any, First, Comma, Open, Close, Junk, End };

struct Token {
  Kind kind;
  std::string text;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool ident_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool ident_cont(char c) { return ident_start(c) || (c >= '0' && c <= '9') || c == '$'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool equals_nocase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != b[i]) return false;
  }
  return true;
}

// Flex semantics: longest match, keywords before identifiers on equal length.
std::vector<Token> lex(std::string_view text, std::optional<std::string>& error) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (at < text.size()) {
    char c = text[at];
    if (is_space(c)) {
      ++at;
    } else if (c == '"') {
      std::string name;
      std::size_t i = at + 1;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            name += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        name += text[i++];
      }
      if (!closed) {
        error = "unterminated quoted identifier";
        tokens.push_back({Kind::Junk, ""});
        return tokens;
      }
      tokens.push_back({Kind::Name, name});
      at = i;
    } else if (ident_start(c)) {
      std::size_t i = at;
      while (i < text.size() && ident_cont(text[i])) ++i;
      std::string word(text.substr(at, i - at));
      Kind kind = equals_nocase(word, "any") ? Kind::Any : equals_nocase(word, "first") ? Kind::First : Kind::Name;
      tokens.push_back({kind, word});
      at = i;
    } else if (is_digit(c)) {
      std::size_t i = at;
      while (i < text.size() && is_digit(text[i])) ++i;
      tokens.push_back({Kind::Num, std::string(text.substr(at, i - at))});
      at = i;
    } else {
      Kind kind = c == '*' ? Kind::Name : c == ',' ? Kind::Comma : c == '(' ? Kind::Open : c == ')' ? Kind::Close : Kind::Junk;
      tokens.push_back({kind, std::string(1, c)});
      ++at;
    }
  }
  tokens.push_back({Kind::End, ""});
  return tokens;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  // The number of synchronous standbys, or nullopt on a syntax error (error_ set).
  std::optional<int> parse() {
    int count = 1;
    if (peek().kind == Kind::Any || peek().kind == Kind::First) {
      ++at_;
      if (peek().kind != Kind::Num) return fail();
      count = std::atoi(tokens_[at_++].text.c_str());
      if (!expect(Kind::Open) || !standby_list() || !expect(Kind::Close)) return std::nullopt;
    } else if (peek().kind == Kind::Num && tokens_[at_ + 1].kind == Kind::Open) {
      count = std::atoi(tokens_[at_].text.c_str());
      at_ += 2;
      if (!standby_list() || !expect(Kind::Close)) return std::nullopt;
    } else if (!standby_list()) {
      return std::nullopt;
    }
    if (peek().kind != Kind::End) return fail();
    return count;
  }

  std::string error;

 private:
  const Token& peek() const { return tokens_[at_]; }

  bool standby_list() {
    while (true) {
      if (peek().kind != Kind::Name && peek().kind != Kind::Num) return fail_bool();
      ++at_;
      if (peek().kind != Kind::Comma) return true;
      ++at_;
    }
  }

  bool expect(Kind kind) {
    if (peek().kind != kind) return fail_bool();
    ++at_;
    return true;
  }

  std::optional<int> fail() {
    fail_bool();
    return std::nullopt;
  }

  bool fail_bool() {
    if (error.empty()) {
      error = peek().kind == Kind::End ? "syntax error at end of input"
                                       : fmt::format("syntax error at or near \"{}\"", peek().text);
    }
    return false;
  }

  std::vector<Token> tokens_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<SyncRepError> check_synchronous_standby_names(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::optional<std::string> lex_error;
  std::vector<Token> tokens = lex(text, lex_error);
  if (lex_error) return SyncRepError{{}, *lex_error};
  Parser parser(std::move(tokens));
  auto count = parser.parse();
  if (!count) return SyncRepError{{}, parser.error};
  if (*count <= 0) {
    return SyncRepError{fmt::format("number of synchronous standbys ({}) must be greater than zero", *count), {}};
  }
  return std::nullopt;
}

}  // namespace pglint::catalog
