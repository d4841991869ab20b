#pragma once
// Helpers shared by the SARIF and GitHub reporters.
#include <string>
#include <string_view>

#include "compiler/source/source_file.hpp"

namespace pglint::report {

// Line and column of `offset` as editors and GitHub count them: 1-based, columns in UTF-16
// code units (an invalid UTF-8 byte counts as one), a BOM at the start of the file not counted.
LineColumn utf16_position(const SourceFile& file, std::size_t offset);

// `text` with every secret of `file` (spans the parsers marked, at least 4 bytes long) masked.
std::string mask_secrets(const SourceFile& file, std::string text);

}  // namespace pglint::report
