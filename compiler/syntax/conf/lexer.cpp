#include "compiler/syntax/conf/lexer.hpp"

#include <array>
#include <utility>

#include "compiler/syntax/conf/grammar.hpp"

namespace pglint::conf {

namespace {

namespace pegtl = tao::pegtl;

// Length of the longest prefix of `rest` that `Rule` matches, 0 for none.
template <typename Rule>
std::size_t match_length(std::string_view rest) {
  pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(rest.data(), rest.data() + rest.size(),
                                                                             "");
  if (!pegtl::parse<Rule>(in)) return 0;
  return static_cast<std::size_t>(in.current() - rest.data());
}

using Matcher = std::size_t (*)(std::string_view);

// In guc-file.l's order: on equal lengths the earlier class wins.
constexpr std::array<std::pair<TokenKind, Matcher>, 11> token_classes{{
    {TokenKind::Eol, &match_length<grammar::eol>},
    {TokenKind::Whitespace, &match_length<grammar::whitespace>},
    {TokenKind::Comment, &match_length<grammar::comment>},
    {TokenKind::Id, &match_length<grammar::id>},
    {TokenKind::QualifiedId, &match_length<grammar::qualified_id>},
    {TokenKind::String, &match_length<grammar::quoted_string>},
    {TokenKind::UnquotedString, &match_length<grammar::unquoted_string>},
    {TokenKind::Integer, &match_length<grammar::integer>},
    {TokenKind::Real, &match_length<grammar::real>},
    {TokenKind::Equals, &match_length<grammar::equals>},
    {TokenKind::Error, &match_length<grammar::error_byte>},
}};

}  // namespace

Token next_token(std::string_view text, std::size_t offset) {
  std::string_view rest = text.substr(offset);
  Token best{TokenKind::Error, {offset, offset + 1}};
  std::size_t best_length = 0;
  for (const auto& [kind, matcher] : token_classes) {
    std::size_t length = matcher(rest);
    if (length > best_length) {
      best_length = length;
      best = {kind, {offset, offset + length}};
    }
  }
  return best;
}

}  // namespace pglint::conf
