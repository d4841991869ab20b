#include <iostream>
#include <nlohmann/json.hpp>

#include "compiler/cli/commands.hpp"
#include "compiler/model/file_kind.hpp"
#include "compiler/syntax/conf/tree.hpp"

namespace pglint::cli {

namespace {

using nlohmann::ordered_json;

ordered_json span_json(Span span) { return ordered_json::array({span.begin, span.end}); }

std::string_view line_kind_name(conf::LineKind kind) {
  switch (kind) {
    case conf::LineKind::Blank: return "blank";
    case conf::LineKind::Entry: return "entry";
    case conf::LineKind::Error: return "error";
  }
  return "blank";
}

ordered_json conf_tree_json(const conf::Tree& tree) {
  const SourceFile& file = *tree.file;
  ordered_json lines = ordered_json::array();
  for (std::size_t i = 0; i < tree.lines.size(); ++i) {
    const conf::Line& line = tree.lines[i];
    ordered_json node{{"line", file.position(line.span.begin).line},
                      {"kind", line_kind_name(line.kind)},
                      {"span", span_json(line.span)}};
    if (line.kind == conf::LineKind::Entry) {
      conf::Entry entry = tree.entry(i);
      node["name"] = entry.name;
      node["raw_value"] = entry.raw_value;
      node["value"] = entry.value;
      node["name_span"] = span_json(entry.name_span);
      node["value_span"] = span_json(entry.value_span);
    }
    if (line.comment >= 0) node["comment"] = file.text(line.tokens[static_cast<std::size_t>(line.comment)].span);
    if (line.error) node["error"] = {{"message", line.error->message}, {"span", span_json(line.error->at)}};
    ordered_json tokens = ordered_json::array();
    for (const auto& token : line.tokens) {
      tokens.push_back({{"kind", conf::token_kind_name(token.kind)}, {"span", span_json(token.span)}});
    }
    node["tokens"] = std::move(tokens);
    lines.push_back(std::move(node));
  }
  return {{"kind", "conf"}, {"path", file.display_path()}, {"lines", std::move(lines)}};
}

}  // namespace

int run_parse(const GlobalOptions& global, const ParseOptions& options) {
  auto kind = global.kind ? model::parse_file_kind(*global.kind) : model::detect_file_kind(options.path);
  if (!kind) {
    std::cerr << "pglint: error: \"" << options.path << "\": cannot tell what kind of file this is; pass --kind\n";
    return exit_failure;
  }
  std::string error;
  auto source = read_source_file(options.path, options.path, error);
  if (!source) {
    std::cerr << "pglint: error: " << error << '\n';
    return exit_failure;
  }
  if (*kind != model::FileKind::Conf) {
    std::cerr << "pglint: error: parse --kind " << model::file_kind_name(*kind) << " is not supported yet\n";
    return exit_failure;
  }
  conf::Tree tree = conf::parse(*source);
  if (options.json) {
    std::cout << conf_tree_json(tree).dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  } else {
    std::cout << conf::print(tree);
  }
  std::cout.flush();
  return exit_clean;
}

}  // namespace pglint::cli
