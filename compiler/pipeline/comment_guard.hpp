#pragma once
// A fix that would delete a comment is never safe: the comment may say why a value is what it
// is. Safe fixes whose edits remove any byte of a comment (other than a `# pglint:` directive,
// which M001 removes on purpose) become unsafe, for check's markers and fix alike.
#include <vector>

#include "compiler/engine/diagnostic.hpp"
#include "compiler/model/deployment.hpp"

namespace pglint::pipeline {

void mark_comment_deleting_fixes_unsafe(const model::Deployment& deployment,
                                        std::vector<engine::Diagnostic>& diagnostics);

}  // namespace pglint::pipeline
