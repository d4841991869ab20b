#include "compiler/fix/fix_engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "compiler/fix/edits.hpp"

namespace pglint::fix {

namespace {

namespace fs = std::filesystem;

// Findings that mean PostgreSQL cannot parse a file: such a file is never edited.
bool means_unparsable(const engine::Diagnostic& d) {
  static const std::set<std::string, std::less<>> rules = {"V101", "V201", "V211", "V301"};
  return rules.contains(d.rule_id);
}

fs::path key_of(const SourceFilePtr& file) { return provider_key(file->real_path()); }

// One fix, its edits resolved to files.
struct Candidate {
  const engine::Diagnostic* diagnostic = nullptr;
  std::vector<engine::Edit> edits;  // every edit names its file
  std::string identity;             // stable across passes, to remember rejections
};

std::string identity_of(const engine::Diagnostic& d, const std::vector<engine::Edit>& edits) {
  std::string id = d.rule_id + '\0' + d.fix->description;
  for (const auto& e : edits) {
    id += '\0' + key_of(e.file).string() + '\0' + std::string(e.file->text(e.span)) + '\0' + e.replacement;
  }
  return id;
}

std::vector<Candidate> candidates(const pipeline::LintResult& lint, const FixOptions& options,
                                  const std::set<std::string>& rejected) {
  std::set<fs::path> unparsable;
  for (const auto& d : lint.diagnostics) {
    if (means_unparsable(d)) unparsable.insert(key_of(d.file));
  }
  std::vector<Candidate> out;
  for (const auto& d : lint.diagnostics) {
    if (!fix_applies(d, options.unsafe_fixes) || d.fix->edits.empty()) continue;
    Candidate c{&d, d.fix->edits, {}};
    bool editable = true;
    for (auto& e : c.edits) {
      if (!e.file) e.file = d.file;
      editable = editable && !unparsable.contains(key_of(e.file)) && e.span.end <= e.file->text().size();
    }
    if (!editable) continue;
    c.identity = identity_of(d, c.edits);
    if (!rejected.contains(c.identity)) out.push_back(std::move(c));
  }
  return out;
}

// The candidates whose edits overlap no earlier chosen one; the rest wait for the next pass.
std::vector<const Candidate*> without_overlaps(const std::vector<Candidate>& all) {
  std::vector<const Candidate*> chosen;
  std::map<fs::path, std::vector<engine::Edit>> taken;
  for (const auto& c : all) {
    bool clash = false;
    for (const auto& e : c.edits) {
      for (const auto& other : taken[key_of(e.file)]) clash = clash || edits_overlap(e, other);
    }
    // Two edits of the same fix must not overlap either.
    for (std::size_t i = 0; i < c.edits.size() && !clash; ++i) {
      for (std::size_t j = i + 1; j < c.edits.size(); ++j) {
        clash = clash || (key_of(c.edits[i].file) == key_of(c.edits[j].file) && edits_overlap(c.edits[i], c.edits[j]));
      }
    }
    if (clash) continue;
    for (const auto& e : c.edits) taken[key_of(e.file)].push_back(e);
    chosen.push_back(&c);
  }
  return chosen;
}

// The overlay with `fixes` applied to the current bytes of their files.
OverlayFileProvider with_fixes(const OverlayFileProvider& overlay, const std::vector<const Candidate*>& fixes) {
  std::map<fs::path, std::pair<SourceFilePtr, std::vector<engine::Edit>>> by_file;
  for (const Candidate* c : fixes) {
    for (const auto& e : c->edits) {
      auto& slot = by_file[key_of(e.file)];
      slot.first = e.file;
      slot.second.push_back(e);
    }
  }
  OverlayFileProvider next = overlay;
  for (auto& [key, slot] : by_file) next.set(key, apply_edits(slot.first->text(), std::move(slot.second)));
  return next;
}

std::map<fs::path, std::size_t> validity_counts(const pipeline::LintResult& lint) {
  std::map<fs::path, std::size_t> counts;
  for (const auto& d : lint.diagnostics) {
    if (d.category == engine::Category::Validity) counts[key_of(d.file)] += 1;
  }
  return counts;
}

// The first file that has more validity findings after than before, if any.
std::optional<std::string> gained_validity_finding(const pipeline::LintResult& before, const pipeline::LintResult& after) {
  auto old_counts = validity_counts(before);
  for (const auto& [key, count] : validity_counts(after)) {
    if (count <= old_counts[key]) continue;
    for (const auto& d : after.diagnostics) {
      if (d.category == engine::Category::Validity && key_of(d.file) == key) {
        return fmt::format("{}: {} [{}]", d.file->display_path(), d.message, d.rule_id);
      }
    }
  }
  return std::nullopt;
}

FixRecord record_of(const Candidate& c, std::string reason = {}) {
  const engine::Diagnostic& d = *c.diagnostic;
  return {d.rule_id, d.file->display_path(), d.file->position(d.span.begin).line, d.fix->description, std::move(reason)};
}

}  // namespace

bool fix_applies(const engine::Diagnostic& diagnostic, bool unsafe_fixes) {
  if (!diagnostic.fix) return false;
  return unsafe_fixes || diagnostic.fix->applicability == engine::Applicability::Safe;
}

FixResult fix_deployment(const pipeline::LintPlan& plan, const FixOptions& options) {
  FixResult result;
  OverlayFileProvider overlay;
  pipeline::LintResult current = pipeline::run_lint(plan, overlay);
  std::vector<SourceFilePtr> originals = current.files;
  std::set<std::string> rejected;
  // After a pass that had to be rolled back, fixes go one at a time until the culprit is found
  // and rejected; those single trials are bounded apart from the passes.
  bool one_at_a_time = false;
  int single_trials = 0;
  constexpr int max_single_trials = 200;
  while (result.passes < options.max_passes && single_trials < max_single_trials) {
    auto all = candidates(current, options, rejected);
    auto chosen = without_overlaps(all);
    if (chosen.empty()) break;
    if (one_at_a_time) {
      chosen.erase(chosen.begin() + 1, chosen.end());
      ++single_trials;
    } else {
      ++result.passes;
    }
    OverlayFileProvider next = with_fixes(overlay, chosen);
    pipeline::LintResult relinted = pipeline::run_lint(plan, next);
    if (auto gained = gained_validity_finding(current, relinted)) {
      if (one_at_a_time) {
        rejected.insert(chosen.front()->identity);
        result.rejected.push_back(record_of(*chosen.front(), "it would make the file invalid: " + *gained));
      }
      one_at_a_time = !one_at_a_time;
      continue;
    }
    for (const Candidate* c : chosen) result.applied.push_back(record_of(*c));
    overlay = std::move(next);
    current = std::move(relinted);
  }
  std::map<fs::path, SourceFilePtr> final_files;
  for (const auto& file : current.files) final_files.emplace(key_of(file), file);
  std::set<fs::path> seen;
  for (const auto& file : originals) {
    fs::path key = key_of(file);
    const std::string* after = overlay.find(key);
    if (!after || *after == file->text() || !seen.insert(key).second) continue;
    auto final_file = final_files.find(key);
    std::string after_masked = final_file != final_files.end() ? final_file->second->redacted({0, after->size()}) : *after;
    result.changes.push_back({file->real_path(), file->display_path(), std::string(file->text()), *after,
                              file->redacted({0, file->text().size()}), std::move(after_masked)});
  }
  result.remaining = std::move(current);
  return result;
}

}  // namespace pglint::fix
