#pragma once
// Suppression comments, one syntax for every format (they all use '#'):
//   work_mem = 1MB   # pglint: disable=V103,invalid-value     silences those rules on this line
//   # pglint: disable-next-line=V103                           silences the next line that is not
//                                                              blank or a comment
//   # pglint: disable-file=S301                                before the first line that is not blank
//                                                              or a comment: silences the whole file
// Free text may follow the list after a blank ("# pglint: disable=V103 -- tested on 16").
// There is no blanket form: every directive names its rules.
//
// The scan is conservative and needs no grammar: a directive counts only when its '#' is at the
// start of the line or after a blank, outside '...' and "..." on that line, and "pglint:" is the
// first thing in the comment. A '#' inside a quoted value is never a directive.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/engine/diagnostic.hpp"
#include "compiler/engine/rule.hpp"

namespace pglint::engine {

struct Suppression {
  enum class Scope { Line, NextLine, File };

  SourceFilePtr file;
  Span comment;                  // from '#' to the end of the line (no '\r')
  std::vector<std::string> ids;  // as written: ids (V101) or names (syntax-error)
  std::vector<Span> id_spans;    // where each of `ids` is
  Scope scope = Scope::Line;
  std::size_t target_line = 0;  // 1-based line it silences; 0 for Scope::File (and when nothing follows)
  bool own_line = false;        // the comment is alone on its line
  bool has_reason = false;      // free text follows the list
  std::string error;            // non-empty: a malformed or misplaced directive, which silences nothing
};

std::vector<Suppression> find_suppressions(const SourceFilePtr& file);

struct SuppressionResult {
  std::vector<Diagnostic> kept;      // the diagnostics no suppression silenced, in their order
  std::vector<Diagnostic> problems;  // M001 unused, M002 unknown rule, M003 invalid directive
};

// Silences `diagnostics` by the suppression comments of `files` (and of every file a diagnostic is
// in). Files are matched by real path, so one file loaded twice counts once. `rule_exists` and
// `canonical_id` know the registry's rules by id or name ("syntax-error" -> "V101"); the M00x
// rules are known without them and may be suppressed too (e.g. disable-file=M001).
// `rule_ran` (when given) says which rules ran: suppressions of the others are not judged unused,
// so `--select M001` never calls a suppression of an unselected rule unused (nor removes it).
SuppressionResult apply_suppressions(std::vector<Diagnostic> diagnostics, const std::vector<SourceFilePtr>& files,
                                     const std::function<bool(std::string_view id_or_name)>& rule_exists,
                                     const std::function<std::string(std::string_view id_or_name)>& canonical_id,
                                     const std::function<bool(std::string_view id)>& rule_ran = nullptr);

// Same, with only the files diagnostics are in (suppressions in other files go unchecked).
SuppressionResult apply_suppressions(std::vector<Diagnostic> diagnostics,
                                     const std::function<bool(std::string_view id_or_name)>& rule_exists,
                                     const std::function<std::string(std::string_view id_or_name)>& canonical_id);

// The rules behind SuppressionResult::problems (list them with the others).
const RuleInfo& unused_suppression_rule();   // M001 unused-suppression
const RuleInfo& unknown_suppression_rule();  // M002 unknown-rule-in-suppression
const RuleInfo& invalid_suppression_rule();  // M003 invalid-suppression
std::vector<const RuleInfo*> suppression_rules();

}  // namespace pglint::engine
