#include "compiler/pipeline/comment_guard.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace pglint::pipeline {

namespace {

using CommentIndex = std::map<const SourceFile*, std::vector<Span>>;

bool is_directive(std::string_view comment) {
  std::size_t i = comment.find_first_not_of("# \t");
  return i != std::string_view::npos && comment.substr(i).starts_with("pglint:");
}

void add(CommentIndex& index, const SourceFilePtr& file, Span span) {
  if (!is_directive(file->text(span))) index[file.get()].push_back(span);
}

CommentIndex comments_of(const model::Deployment& deployment) {
  CommentIndex index;
  for (const auto& set : deployment.conf_sets) {
    for (const auto& file : set.files) {
      for (const auto& line : file->tree.lines) {
        if (line.comment >= 0) add(index, file->tree.file, line.tokens[static_cast<std::size_t>(line.comment)].span);
      }
    }
  }
  auto add_auth_file = [&](const hba::AuthFile& tree) {
    for (const auto& line : tree.lines) {
      for (Span span : line.comments) add(index, tree.file, span);
    }
  };
  for (const auto& set : deployment.hba_sets) {
    for (const auto& file : set.files) add_auth_file(file->tree);
  }
  for (const auto& set : deployment.ident_sets) add_auth_file(set.tree);
  return index;
}

bool deletes_comment(const CommentIndex& index, const engine::Diagnostic& d, const engine::Edit& edit) {
  if (edit.span.empty()) return false;
  auto found = index.find(edit.file ? edit.file.get() : d.file.get());
  if (found == index.end()) return false;
  return std::any_of(found->second.begin(), found->second.end(), [&](Span comment) {
    return edit.span.begin < comment.end && comment.begin < edit.span.end;
  });
}

}  // namespace

void mark_comment_deleting_fixes_unsafe(const model::Deployment& deployment,
                                        std::vector<engine::Diagnostic>& diagnostics) {
  std::optional<CommentIndex> index;  // built when the first safe fix needs it
  for (auto& d : diagnostics) {
    if (!d.fix || d.fix->applicability != engine::Applicability::Safe) continue;
    if (!index) index = comments_of(deployment);
    bool deletes = std::any_of(d.fix->edits.begin(), d.fix->edits.end(),
                               [&](const engine::Edit& edit) { return deletes_comment(*index, d, edit); });
    if (deletes) d.fix->applicability = engine::Applicability::Unsafe;
  }
}

}  // namespace pglint::pipeline
