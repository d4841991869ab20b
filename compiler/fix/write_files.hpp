#pragma once
// Writing fixed files safely: every file is checked first (still as it was read, writable),
// then each is written to a temporary file in its own directory and renamed over the
// original, with the original's mode and owner. A symbolic link stays a link: its target
// is written. A file is either wholly old or wholly new, never partial.
#include <string>
#include <vector>

#include "compiler/fix/fix_engine.hpp"

namespace pglint::fix {

// Throws pipeline::PipelineError (exit 2) naming the file when a file changed on disk since
// it was read, cannot be written, or a write fails; files checked before a failure are not
// written at all.
void write_changes(const std::vector<FileChange>& changes);

}  // namespace pglint::fix
