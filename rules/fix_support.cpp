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

// Replaces a value token and keeps the column of a trailing comment aligned with spaces: the
// edit takes the spaces between the value and the comment too, when there are only spaces.
engine::Edit replace_value_keeping_alignment(const model::Setting& setting, std::string literal) {
  const SourceFilePtr& file = setting.value.source;
  std::string_view text = file->text();
  Span span = setting.value.span;
  std::size_t blanks_end = span.end;
  while (blanks_end < text.size() && text[blanks_end] == ' ') ++blanks_end;
  bool comment_follows = blanks_end > span.end && blanks_end < text.size() && text[blanks_end] == '#';
  if (!comment_follows) return {span, std::move(literal), file};
  std::size_t column = blanks_end - span.begin;  // where the comment starts, from the value
  std::size_t padding = column > literal.size() + 1 ? column - literal.size() : 1;
  return {{span.begin, blanks_end}, literal + std::string(padding, ' '), file};
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
    return engine::Fix{description, {replace_value_keeping_alignment(*setting, conf::value_literal(value))},
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
