#include "compiler/syntax/ident/record.hpp"

#include <fmt/format.h>

#include "compiler/syntax/hba/regex_check.hpp"

namespace pglint::ident {

namespace {

std::optional<MappingError> regex_problem(std::size_t line_index, const hba::Token& token) {
  if (token.text.empty() || token.text.front() != '/') return std::nullopt;
  if (auto error = hba::regex_error(std::string_view(token.text).substr(1))) {
    return MappingError{line_index, fmt::format("invalid regular expression \"{}\": {}", token.text.substr(1), *error),
                        token.span};
  }
  return std::nullopt;
}

}  // namespace

bool is_include_line(const hba::LogicalLine& line, int major) {
  if (major < 16 || line.fields.size() != 2) return false;
  const std::string& word = line.fields[0].front().text;
  return word == "include" || word == "include_if_exists" || word == "include_dir";
}

std::variant<Mapping, MappingError> parse_mapping(const hba::AuthFile& file, std::size_t line_index, int major) {
  const hba::LogicalLine& line = file.lines.at(line_index);
  Mapping mapping;
  mapping.line_index = line_index;
  hba::Token* slots[] = {&mapping.map, &mapping.system_user, &mapping.pg_user};
  for (std::size_t i = 0; i < 3; ++i) {
    if (i >= line.fields.size()) {
      const hba::Token& last = line.fields.back().back();
      return MappingError{line_index, "missing entry at end of line", {last.span.end, last.span.end}};
    }
    const hba::Field& field = line.fields[i];
    if (field.size() > 1) return MappingError{line_index, "multiple values in ident field", field[1].span};
    *slots[i] = field.front();
  }
  // Fields after the third are ignored, as PostgreSQL does.
  if (auto problem = regex_problem(line_index, mapping.system_user)) return *problem;
  if (major >= 16) {
    if (auto problem = regex_problem(line_index, mapping.pg_user)) return *problem;
  }
  return mapping;
}

}  // namespace pglint::ident
