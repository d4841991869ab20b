#pragma once
// Token grammar of pg_hba.conf and pg_ident.conf (hba.c next_token), as PEGTL rules.
// A token runs to an unquoted blank, an unquoted comma, an unquoted '#' or the end of
// the line. Quotes toggle anywhere in a token; inside quotes "" is a literal quote; an
// unterminated quote takes the rest of the line.
#include <tao/pegtl.hpp>

namespace pglint::hba::grammar {

namespace pegtl = tao::pegtl;

// pg_isblank: space, tab, carriage return.
struct blank : pegtl::one<' ', '\t', '\r'> {};
struct separator : pegtl::sor<blank, pegtl::one<','>> {};
struct comment : pegtl::seq<pegtl::one<'#'>, pegtl::star<pegtl::any>> {};

struct quote : pegtl::one<'"'> {};
struct escaped_quote : pegtl::two<'"'> {};
struct quoted_char : pegtl::not_one<'"'> {};
struct quoted_part : pegtl::seq<quote, pegtl::star<pegtl::sor<escaped_quote, quoted_char>>, pegtl::opt<quote>> {};
struct plain_char : pegtl::not_one<' ', '\t', '\r', ',', '#', '"'> {};
struct token : pegtl::plus<pegtl::sor<quoted_part, plain_char>> {};
struct terminating_comma : pegtl::one<','> {};

}  // namespace pglint::hba::grammar
