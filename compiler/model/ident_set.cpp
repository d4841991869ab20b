#include "compiler/model/ident_set.hpp"

namespace pglint::model {

IdentSet load_ident_set(const SourceFilePtr& file, int major) {
  IdentSet set;
  set.tree = hba::tokenize(file, {major, 0});
  for (std::size_t i = 0; i < set.tree.lines.size(); ++i) {
    const hba::LogicalLine& line = set.tree.lines[i];
    if (line.error) {
      set.problems.push_back({i, *line.error, line.error_span});
      continue;
    }
    // Included files of 16+ are not followed yet; their lines are not judged.
    if (line.fields.empty() || ident::is_include_line(line, major)) continue;
    auto parsed = ident::parse_mapping(set.tree, i, major);
    if (auto* error = std::get_if<ident::MappingError>(&parsed)) {
      set.problems.push_back(std::move(*error));
    } else {
      set.mappings.push_back(std::get<ident::Mapping>(std::move(parsed)));
    }
  }
  return set;
}

}  // namespace pglint::model
