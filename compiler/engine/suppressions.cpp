#include "compiler/engine/suppressions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace pglint::engine {

namespace {

RuleInfo make_unused_info() {
  RuleInfo info;
  info.id = "M001";
  info.name = "unused-suppression";
  info.summary = "A suppression comment silences nothing";
  info.category = Category::Maintenance;
  info.severity = Severity::Info;
  info.fix = FixAvailability::Safe;
  info.docs.what =
      "Reports a `# pglint: disable=...`, `disable-next-line=...` or `disable-file=...` comment, or one "
      "rule named in it, that silenced no finding in this run. When every rule of the comment is unused "
      "the whole comment is reported once; otherwise each unused rule is.";
  info.docs.why =
      "A suppression outlives the problem it was written for: once the setting is fixed it hides the "
      "next real problem of that rule on that line, and readers cannot tell which exceptions still "
      "matter.";
  info.docs.example = "work_mem = '64MB'   # pglint: disable=V103";
  info.docs.use_instead = "work_mem = '64MB'";
  info.docs.fix_safety =
      "The fix removes the unused rule from the list, or the whole comment when nothing in it is "
      "used (the whole line for a comment on a line of its own). It is unsafe when the comment "
      "carries an explanation after the list, which the fix would delete.";
  info.docs.references = {"Ruff RUF100 unused-noqa: https://docs.astral.sh/ruff/rules/unused-noqa/"};
  return info;
}

const RuleInfo unused_info = make_unused_info();

RuleInfo make_unknown_info() {
  RuleInfo info;
  info.id = "M002";
  info.name = "unknown-rule-in-suppression";
  info.summary = "A suppression comment names a rule pglint does not have";
  info.category = Category::Maintenance;
  info.severity = Severity::Info;
  info.fix = FixAvailability::None;
  info.docs.what =
      "Reports a rule id or name in a `# pglint: disable...` comment that is neither the id (`V103`) "
      "nor the name (`invalid-value`) of any pglint rule.";
  info.docs.why =
      "A misspelt rule silences nothing, so the finding it was meant to silence still appears, or the "
      "comment was written for a rule that has since been renamed or removed.";
  info.docs.example = "work_mem = '64KB'   # pglint: disable=invalid-valeu";
  info.docs.use_instead = "work_mem = '64KB'   # pglint: disable=invalid-value";
  info.docs.references = {"`pglint rules` lists every rule's id and name"};
  return info;
}

const RuleInfo unknown_info = make_unknown_info();

RuleInfo make_invalid_info() {
  RuleInfo info;
  info.id = "M003";
  info.name = "invalid-suppression";
  info.summary = "A `# pglint:` comment is malformed or misplaced and silences nothing";
  info.category = Category::Maintenance;
  info.severity = Severity::Info;
  info.fix = FixAvailability::None;
  info.docs.what =
      "Reports a comment starting with `# pglint:` that is not one of the three forms: a trailing "
      "`# pglint: disable=ID[,ID]`, `# pglint: disable-next-line=ID[,ID]` on a line of its own, and "
      "`# pglint: disable-file=ID[,ID]` before the first line that is not blank or a comment. A "
      "directive with no rules (`# pglint: disable`) is reported too: there is no blanket form.";
  info.docs.why = "A malformed directive silences nothing, silently: the author believes the finding is handled.";
  info.docs.example = "shared_buffers = '16kB'\n# pglint: disable-file=V103\n# pglint: disable\nwork_mem = '1KB'";
  info.docs.use_instead =
      "# pglint: disable-file=V103\nshared_buffers = '16kB'\n# pglint: disable-next-line=V103\n"
      "work_mem = '1KB'";
  info.docs.references = {
      "Ruff's error suppression, the model for this syntax: https://docs.astral.sh/ruff/linter/#error-suppression"};
  return info;
}

const RuleInfo invalid_info = make_invalid_info();

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Offset in `line` of the '#' that starts a comment outside quotes and after a blank (or at
// `from`), or npos.
std::size_t comment_start(std::string_view line, std::size_t from) {
  char quote = 0;
  for (std::size_t i = from; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == '\\') {
        ++i;  // an escaped character never closes the quote
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (i == from || is_blank(line[i - 1]))) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Lines that are neither blank nor only a comment.
bool is_content_line(std::string_view line, std::size_t from) {
  for (std::size_t i = from; i < line.size(); ++i) {
    if (is_blank(line[i])) continue;
    return line[i] != '#';
  }
  return false;
}

struct Parsed {
  Suppression::Scope scope = Suppression::Scope::Line;
  std::vector<std::string> ids;
  std::vector<std::size_t> id_offsets;  // in the line
  bool has_reason = false;
  std::string error;
};

// Parses the directive after "pglint:" starting at `i` of `line`.
Parsed parse_directive(std::string_view line, std::size_t i) {
  Parsed out;
  auto skip_blanks = [&] {
    while (i < line.size() && is_blank(line[i])) ++i;
  };
  skip_blanks();
  std::size_t word_begin = i;
  while (i < line.size() && ((line[i] >= 'a' && line[i] <= 'z') || line[i] == '-')) ++i;
  std::string_view word = line.substr(word_begin, i - word_begin);
  if (word == "disable") {
    out.scope = Suppression::Scope::Line;
  } else if (word == "disable-next-line") {
    out.scope = Suppression::Scope::NextLine;
  } else if (word == "disable-file") {
    out.scope = Suppression::Scope::File;
  } else {
    std::size_t end = i;
    while (end < line.size() && !is_blank(line[end]) && line[end] != '=') ++end;
    out.error = fmt::format("unknown pglint directive \"{}\"; use disable, disable-next-line or disable-file",
                            line.substr(word_begin, end - word_begin));
    return out;
  }
  skip_blanks();
  if (i >= line.size() || line[i] != '=') {
    out.error = fmt::format(
        "\"{}\" must name the rules it silences, as in \"# pglint: {}=V101\"; there is no "
        "blanket form",
        word, word);
    return out;
  }
  ++i;
  while (true) {
    skip_blanks();
    std::size_t id_begin = i;
    while (i < line.size() && is_id_char(line[i])) ++i;
    if (i == id_begin) {
      out.error = out.ids.empty()
                      ? fmt::format("\"{}=\" must be followed by rule ids or names, as in \"{}=V101\"", word, word)
                      : std::string("expected a rule id or name after \",\"");
      return out;
    }
    out.ids.emplace_back(line.substr(id_begin, i - id_begin));
    out.id_offsets.push_back(id_begin);
    std::size_t after_id = i;
    skip_blanks();
    if (i < line.size() && line[i] == ',') {
      ++i;
      continue;
    }
    if (i == line.size()) break;
    if (i == after_id) {
      out.error = fmt::format("unexpected \"{}\" in the rule list; separate rules with commas", line[i]);
      return out;
    }
    out.has_reason = true;  // free text after a blank
    break;
  }
  return out;
}

std::string file_key(const SourceFile& file) {
  if (!file.real_path().empty()) return file.real_path().lexically_normal().generic_string();
  return "display:" + file.display_path();
}

bool is_meta_rule(std::string_view id) {
  return id == unused_info.id || id == unknown_info.id || id == invalid_info.id;
}

std::string meta_canonical(std::string_view id_or_name) {
  for (const RuleInfo* info : {&unused_info, &unknown_info, &invalid_info}) {
    if (id_or_name == info->id || id_or_name == info->name) return info->id;
  }
  return {};
}

struct Entry {
  Suppression suppression;
  std::vector<std::string> canonical;  // per id; empty when unknown
  std::vector<bool> used;
};

bool covers(const Suppression& s, std::size_t line) {
  if (!s.error.empty()) return false;
  return s.scope == Suppression::Scope::File || s.target_line == line;
}

Diagnostic problem(const RuleInfo& info, const SourceFilePtr& file, Span span, std::string message, std::string help) {
  Diagnostic d;
  d.rule_id = info.id;
  d.rule_name = info.name;
  d.severity = info.severity;
  d.category = info.category;
  d.file = file;
  d.span = span;
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

// The edit that deletes a whole directive: its line when alone on it, else the comment and the
// blanks before it.
Edit remove_directive(const Suppression& s) {
  const SourceFile& file = *s.file;
  std::string_view text = file.text();
  LineColumn at = file.position(s.comment.begin);
  std::size_t line_begin = file.line_start(at.line);
  if (s.own_line) {
    std::size_t newline = text.find('\n', s.comment.end);
    if (newline != std::string_view::npos) return Edit{Span{line_begin, newline + 1}, ""};
    // The last line, with no newline: take the newline before it instead.
    std::size_t begin = line_begin;
    if (begin > 0) --begin;
    if (begin > 0 && text[begin - 1] == '\r') --begin;
    return Edit{Span{begin, text.size()}, ""};
  }
  std::size_t begin = s.comment.begin;
  while (begin > line_begin && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
  return Edit{Span{begin, s.comment.end}, ""};
}

// The edit that deletes id `j` of a directive with several, with one of its commas.
Edit remove_id(const Suppression& s, std::size_t j) {
  if (j + 1 < s.ids.size()) return Edit{Span{s.id_spans[j].begin, s.id_spans[j + 1].begin}, ""};
  return Edit{Span{s.id_spans[j - 1].end, s.id_spans[j].end}, ""};
}

std::string describe_id(const std::string& written, const std::string& canonical) {
  return written == canonical ? written : fmt::format("{} ({})", written, canonical);
}

std::string scope_word(Suppression::Scope scope) {
  switch (scope) {
    case Suppression::Scope::Line: return "disable";
    case Suppression::Scope::NextLine: return "disable-next-line";
    case Suppression::Scope::File: return "disable-file";
  }
  return "disable";
}

}  // namespace

const RuleInfo& unused_suppression_rule() { return unused_info; }
const RuleInfo& unknown_suppression_rule() { return unknown_info; }
const RuleInfo& invalid_suppression_rule() { return invalid_info; }
std::vector<const RuleInfo*> suppression_rules() { return {&unused_info, &unknown_info, &invalid_info}; }

std::vector<Suppression> find_suppressions(const SourceFilePtr& file) {
  std::vector<Suppression> out;
  if (!file) return out;
  const std::size_t lines = file->line_count();
  std::vector<bool> content(lines + 1, false);
  for (std::size_t line = 1; line <= lines; ++line) {
    std::string_view text = file->line_text(line);
    std::size_t from = line == 1 && text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
    content[line] = is_content_line(text, from);
  }

  bool seen_content = false;
  for (std::size_t line = 1; line <= lines; ++line) {
    std::string_view text = file->line_text(line);
    std::size_t from = line == 1 && text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
    std::size_t hash = comment_start(text, from);
    if (hash != std::string_view::npos) {
      std::size_t i = hash + 1;
      while (i < text.size() && is_blank(text[i])) ++i;
      constexpr std::string_view kMarker = "pglint:";
      if (text.substr(i, kMarker.size()) == kMarker) {
        std::size_t base = file->line_start(line);
        Parsed parsed = parse_directive(text, i + kMarker.size());
        Suppression s;
        s.file = file;
        s.comment = Span{base + hash, base + text.size()};
        s.scope = parsed.scope;
        s.ids = std::move(parsed.ids);
        for (std::size_t j = 0; j < s.ids.size(); ++j) {
          std::size_t begin = base + parsed.id_offsets[j];
          s.id_spans.push_back(Span{begin, begin + s.ids[j].size()});
        }
        s.has_reason = parsed.has_reason;
        s.own_line = !content[line];
        s.error = std::move(parsed.error);
        if (s.error.empty()) {
          switch (s.scope) {
            case Suppression::Scope::Line:
              s.target_line = line;
              if (s.own_line) {
                s.error =
                    "\"disable\" on a line of its own silences nothing; use \"disable-next-line\" to silence "
                    "the next line";
              }
              break;
            case Suppression::Scope::NextLine:
              if (!s.own_line) {
                s.error = "\"disable-next-line\" must be on a line of its own; use \"disable\" to silence this line";
                break;
              }
              for (std::size_t next = line + 1; next <= lines; ++next) {
                if (content[next]) {
                  s.target_line = next;
                  break;
                }
              }
              if (s.target_line == 0) s.error = "\"disable-next-line\" is not followed by any line to silence";
              break;
            case Suppression::Scope::File:
              if (seen_content || !s.own_line) {
                s.error = "\"disable-file\" must come before the first line that is not blank or a comment";
              }
              break;
          }
        }
        out.push_back(std::move(s));
      }
    }
    if (content[line]) seen_content = true;
  }
  return out;
}

SuppressionResult apply_suppressions(std::vector<Diagnostic> diagnostics, const std::vector<SourceFilePtr>& files,
                                     const std::function<bool(std::string_view id_or_name)>& rule_exists,
                                     const std::function<std::string(std::string_view id_or_name)>& canonical_id,
                                     const std::function<bool(std::string_view id)>& rule_ran) {
  // Every file once, in first-seen order.
  std::vector<std::pair<std::string, SourceFilePtr>> ordered_files;
  std::map<std::string, std::size_t> file_index;
  auto add_file = [&](const SourceFilePtr& file) {
    if (!file) return;
    std::string key = file_key(*file);
    if (file_index.emplace(key, ordered_files.size()).second) ordered_files.emplace_back(key, file);
  };
  for (const auto& file : files) add_file(file);
  for (const auto& d : diagnostics) add_file(d.file);

  std::vector<Entry> entries;
  std::map<std::string, std::vector<std::size_t>> by_file;
  for (const auto& [key, file] : ordered_files) {
    for (Suppression& s : find_suppressions(file)) {
      Entry entry;
      for (const std::string& id : s.ids) {
        std::string canonical = meta_canonical(id);
        if (canonical.empty() && rule_exists(id)) canonical = canonical_id(id);
        entry.canonical.push_back(std::move(canonical));
      }
      entry.used.assign(s.ids.size(), false);
      // A rule that did not run (not selected) cannot tell whether its suppression is needed.
      for (std::size_t j = 0; j < entry.canonical.size(); ++j) {
        const std::string& id = entry.canonical[j];
        if (rule_ran && !id.empty() && meta_canonical(id).empty() && !rule_ran(id)) entry.used[j] = true;
      }
      entry.suppression = std::move(s);
      by_file[key].push_back(entries.size());
      entries.push_back(std::move(entry));
    }
  }

  // Marks every suppression covering `d` as used; true when at least one does.
  auto silence = [&](const Diagnostic& d) {
    if (!d.file) return false;
    auto found = by_file.find(file_key(*d.file));
    if (found == by_file.end()) return false;
    std::size_t line = d.file->position(d.span.begin).line;
    bool silenced = false;
    for (std::size_t index : found->second) {
      Entry& entry = entries[index];
      if (!covers(entry.suppression, line)) continue;
      for (std::size_t j = 0; j < entry.canonical.size(); ++j) {
        if (!entry.canonical[j].empty() && entry.canonical[j] == d.rule_id) {
          entry.used[j] = true;
          silenced = true;
        }
      }
    }
    return silenced;
  };

  SuppressionResult result;
  for (Diagnostic& d : diagnostics) {
    if (!silence(d)) result.kept.push_back(std::move(d));
  }

  // Problems with the suppressions themselves. Those naming M00x rules are judged after they
  // have had the chance to silence the other problems.
  auto unused_problems = [&](bool meta) {
    std::vector<Diagnostic> out;
    for (Entry& entry : entries) {
      const Suppression& s = entry.suppression;
      if (!s.error.empty()) continue;
      std::vector<std::size_t> unused;
      bool any_unknown = false;
      for (std::size_t j = 0; j < s.ids.size(); ++j) {
        if (entry.canonical[j].empty()) {
          any_unknown = true;
        } else if (!entry.used[j] && is_meta_rule(entry.canonical[j]) == meta) {
          unused.push_back(j);
        }
      }
      if (unused.empty()) continue;
      const std::string help = "remove it, or the rule from it, now that nothing needs silencing";
      if (unused.size() == s.ids.size() && !any_unknown) {
        Diagnostic d = problem(unused_info, s.file, s.comment,
                               fmt::format("\"# pglint: {}\" silences nothing", scope_word(s.scope)), help);
        d.fix = Fix{"remove the unused suppression",
                    {remove_directive(s)},
                    s.has_reason ? Applicability::Unsafe : Applicability::Safe};
        out.push_back(std::move(d));
        continue;
      }
      bool all_unused = unused.size() == s.ids.size();
      for (std::size_t j : unused) {
        Diagnostic d = problem(
            unused_info, s.file, s.id_spans[j],
            fmt::format("the suppression of {} silences nothing", describe_id(s.ids[j], entry.canonical[j])), help);
        if (all_unused) {
          d.fix = Fix{"remove the unused suppression",
                      {remove_directive(s)},
                      s.has_reason ? Applicability::Unsafe : Applicability::Safe};
        } else {
          d.fix = Fix{fmt::format("remove {} from the suppression", s.ids[j]), {remove_id(s, j)}, Applicability::Safe};
        }
        out.push_back(std::move(d));
      }
    }
    return out;
  };

  std::vector<Diagnostic> problems;
  for (Entry& entry : entries) {
    const Suppression& s = entry.suppression;
    if (!s.error.empty()) {
      problems.push_back(problem(invalid_info, s.file, s.comment, s.error,
                                 "the forms are: a trailing \"# pglint: disable=ID[,ID]\", \"# pglint: "
                                 "disable-next-line=ID[,ID]\" on a line of its own, and \"# pglint: "
                                 "disable-file=ID[,ID]\" at the top of the file"));
      continue;
    }
    for (std::size_t j = 0; j < s.ids.size(); ++j) {
      if (!entry.canonical[j].empty()) continue;
      problems.push_back(problem(unknown_info, s.file, s.id_spans[j],
                                 fmt::format("unknown rule \"{}\" in a suppression", s.ids[j]),
                                 "use a rule's id (V103) or name (invalid-value); `pglint rules` lists them"));
    }
  }
  for (Diagnostic& d : unused_problems(false)) problems.push_back(std::move(d));
  std::stable_sort(problems.begin(), problems.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    std::size_t fa = file_index[file_key(*a.file)], fb = file_index[file_key(*b.file)];
    if (fa != fb) return fa < fb;
    return a.span.begin < b.span.begin;
  });
  for (Diagnostic& d : problems) {
    if (!silence(d)) result.problems.push_back(std::move(d));
  }
  for (Diagnostic& d : unused_problems(true)) result.problems.push_back(std::move(d));
  return result;
}

SuppressionResult apply_suppressions(std::vector<Diagnostic> diagnostics,
                                     const std::function<bool(std::string_view id_or_name)>& rule_exists,
                                     const std::function<std::string(std::string_view id_or_name)>& canonical_id) {
  return apply_suppressions(std::move(diagnostics), {}, rule_exists, canonical_id);
}

}  // namespace pglint::engine
