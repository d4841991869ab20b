#pragma once
// One file's bytes, owned, with a line index. Everything downstream refers to a
// SourceFile by pointer and to its bytes by Span.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/span.hpp"

namespace pglint {

struct LineColumn {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, counted in bytes
};

class SourceFile {
 public:
  // `display_path` is what reports show (as given by the user, or relative to the cwd).
  SourceFile(std::string display_path, std::filesystem::path real_path, std::string bytes);

  [[nodiscard]] const std::string& display_path() const { return display_path_; }
  [[nodiscard]] const std::filesystem::path& real_path() const { return real_path_; }
  [[nodiscard]] std::string_view text() const { return bytes_; }
  [[nodiscard]] std::string_view text(Span span) const;

  // Lines end at '\n' only, as in PostgreSQL's scanners: a bare '\r' does not end a line.
  [[nodiscard]] LineColumn position(std::size_t offset) const;
  [[nodiscard]] std::size_t line_count() const { return line_starts_.size(); }
  // The bytes of a 1-based line, without its '\n' (and without a '\r' before it).
  [[nodiscard]] std::string_view line_text(std::size_t line) const;
  [[nodiscard]] std::size_t line_start(std::size_t line) const { return line_starts_.at(line - 1); }

  // Offset of the first byte that is not valid UTF-8, if any.
  [[nodiscard]] std::optional<std::size_t> first_invalid_utf8() const;
  // A NUL byte in the first few kilobytes: almost certainly not a text file.
  [[nodiscard]] bool looks_binary() const;

  // Bytes that hold a secret (a password, a shared secret). Parsers mark them; every
  // output that shows file content masks them.
  void mark_secret(Span span) const { secret_spans_.push_back(span); }
  [[nodiscard]] const std::vector<Span>& secret_spans() const { return secret_spans_; }
  // `text` (the bytes of `span` of this file) with every secret byte replaced by '*'.
  [[nodiscard]] std::string redacted(Span span) const;

 private:
  std::string display_path_;
  std::filesystem::path real_path_;
  std::string bytes_;
  std::vector<std::size_t> line_starts_;
  mutable std::vector<Span> secret_spans_;  // filled by parsers after construction
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

// Reads a file whole. On failure returns nullopt and sets `error` to a message
// that names the file (e.g. "could not open file "x": No such file or directory").
std::optional<SourceFilePtr> read_source_file(const std::filesystem::path& path, const std::string& display_path,
                                              std::string& error);

// Replaces every byte sequence that is not valid UTF-8 with U+FFFD, so that messages
// quoting file content can always be printed as JSON or SARIF.
std::string sanitize_utf8(std::string_view text);

}  // namespace pglint
