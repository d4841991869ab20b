#include "rules/fix_support.hpp"

#include <fmt/format.h>

#include "compiler/syntax/conf/edit.hpp"

namespace pglint::rules {

namespace {

// Command-line values are split by the shell or YAML, not by PostgreSQL's lexer: only plain
// words can be written there.
bool plain_word(std::string_view value) {
  return !value.empty() && value.find_first_of(" \t'\"\\$`#,;") == std::string_view::npos;
}

}  // namespace

std::optional<engine::Fix> set_value_fix(const SettingView& view, std::string_view value, std::string_view why,
                                         engine::Applicability applicability) {
  if (!view.parameter || !view.set) return std::nullopt;
  const std::string& name = view.parameter->name;
  std::string description = fmt::format("set {} = {}", name, conf::value_literal(value));
  if (const model::Setting* setting = view.setting) {
    if (setting->from_command_line) {
      if (!plain_word(value)) return std::nullopt;
      return engine::Fix{description, {{setting->value.span, std::string(value), setting->value.source}}, applicability};
    }
    return engine::Fix{description,
                       {{setting->value.span, conf::value_literal(value), setting->value.source}},
                       applicability};
  }
  const model::ConfFile* main = view.set->main_file();
  if (!main || main->is_auto_conf) return std::nullopt;
  std::size_t at = conf::insertion_point(main->tree, name);
  std::string line = conf::inserted_line(main->tree, at, name, conf::value_literal(value), fmt::format("set by pglint fix: {}", why));
  return engine::Fix{description, {{{at, at}, std::move(line), main->tree.file}}, applicability};
}

void attach_set_value_fix(engine::Diagnostic& d, const SettingView& view, std::string_view value, std::string_view why,
                          engine::Applicability applicability) {
  d.fix = set_value_fix(view, value, why, applicability);
}

engine::Edit comment_out_line(const SourceFilePtr& file, std::size_t offset) {
  std::size_t line = file->position(offset).line;
  std::size_t begin = file->line_start(line);
  return {{begin, begin}, "#", file};
}

}  // namespace pglint::rules
