#pragma once
// Whether PostgreSQL's regular expression compiler (Spencer's ARE engine) would accept a
// pattern. pglint checks the structural errors (unbalanced groups, brackets, braces, a
// dangling backslash, a quantifier with nothing to repeat); it does not re-implement the
// engine, so exotic syntax errors may pass unreported.
#include <optional>
#include <string>
#include <string_view>

namespace pglint::hba {

// nullopt when the pattern compiles; else PostgreSQL's regerror text.
std::optional<std::string> regex_error(std::string_view pattern);

}  // namespace pglint::hba
