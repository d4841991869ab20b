#pragma once
// The token classes of PostgreSQL's configuration file scanner (guc-file.l, unchanged
// 13-18), one PEGTL rule each. PostgreSQL's scanner is flex: at each position it takes
// the LONGEST match over all classes and, on a tie, the class listed first. PEG rules
// are ordered choice, so the lexer (lexer.cpp) runs every class and compares lengths
// itself; each rule below only has to match exactly what its flex pattern matches.
#include <tao/pegtl.hpp>

namespace pglint::conf::grammar {

namespace pegtl = tao::pegtl;

// LETTER = [A-Za-z_\200-\377], LETTER_OR_DIGIT = [A-Za-z_0-9\200-\377]
struct letter : pegtl::sor<pegtl::alpha, pegtl::one<'_'>, pegtl::range<'\x80', '\xff'>> {};
struct letter_or_digit : pegtl::sor<letter, pegtl::digit> {};

// \n
struct eol : pegtl::one<'\n'> {};
// [ \t\r]+
struct whitespace : pegtl::plus<pegtl::one<' ', '\t', '\r'>> {};
// #.*  (flex's '.' is any byte but '\n')
struct comment : pegtl::seq<pegtl::one<'#'>, pegtl::star<pegtl::not_one<'\n'>>> {};
// ID = LETTER LETTER_OR_DIGIT*
struct id : pegtl::seq<letter, pegtl::star<letter_or_digit>> {};
// QUALIFIED_ID = ID "." ID
struct qualified_id : pegtl::seq<id, pegtl::one<'.'>, id> {};

// STRING = \'([^'\\\n]|\\.|\'\')*\'
// A doubled quote is taken as an escaped quote only when a closing quote still follows;
// that is what the longest regex match does ('a'' followed by a newline is the string 'a').
struct string_char : pegtl::sor<pegtl::not_one<'\'', '\\', '\n'>, pegtl::seq<pegtl::one<'\\'>, pegtl::not_one<'\n'>>> {};
struct closing_quote_ahead : pegtl::seq<pegtl::star<string_char>, pegtl::one<'\''>> {};
struct doubled_quote : pegtl::seq<pegtl::two<'\''>, pegtl::at<closing_quote_ahead>> {};
struct quoted_string
    : pegtl::seq<pegtl::one<'\''>, pegtl::star<pegtl::sor<string_char, doubled_quote>>, pegtl::one<'\''>> {};

// UNQUOTED_STRING = LETTER (LETTER_OR_DIGIT | [-._:/])*
struct unquoted_string
    : pegtl::seq<letter, pegtl::star<pegtl::sor<letter_or_digit, pegtl::one<'-', '.', '_', ':', '/'>>>> {};

struct sign : pegtl::one<'+', '-'> {};
// INTEGER = [-+]?([0-9]+|0x[0-9a-fA-F]+)[a-zA-Z]*   (note: 0X is not hex here)
struct hex_digits : pegtl::seq<pegtl::one<'0'>, pegtl::one<'x'>, pegtl::plus<pegtl::xdigit>> {};
struct integer
    : pegtl::seq<pegtl::opt<sign>, pegtl::sor<hex_digits, pegtl::plus<pegtl::digit>>, pegtl::star<pegtl::alpha>> {};
// REAL = [-+]?[0-9]*\.[0-9]*([Ee][-+]?[0-9]+)?   (a lone '.' matches; no unit letters)
struct exponent : pegtl::seq<pegtl::one<'e', 'E'>, pegtl::opt<sign>, pegtl::plus<pegtl::digit>> {};
struct real : pegtl::seq<pegtl::opt<sign>, pegtl::star<pegtl::digit>, pegtl::one<'.'>, pegtl::star<pegtl::digit>,
                         pegtl::opt<exponent>> {};
struct equals : pegtl::one<'='> {};
// .   any other single byte but '\n' is an error token
struct error_byte : pegtl::not_one<'\n'> {};

}  // namespace pglint::conf::grammar
