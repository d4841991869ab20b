#include "compiler/source/source_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace pglint {

SourceFile::SourceFile(std::string display_path, std::filesystem::path real_path, std::string bytes)
    : display_path_(std::move(display_path)), real_path_(std::move(real_path)), bytes_(std::move(bytes)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < bytes_.size(); ++i) {
    if (bytes_[i] == '\n' && i + 1 < bytes_.size()) line_starts_.push_back(i + 1);
  }
}

std::string_view SourceFile::text(Span span) const {
  return std::string_view(bytes_).substr(span.begin, span.end - span.begin);
}

LineColumn SourceFile::position(std::size_t offset) const {
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
  return {line, offset - line_starts_[line - 1] + 1};
}

std::string_view SourceFile::line_text(std::size_t line) const {
  std::size_t begin = line_starts_.at(line - 1);
  std::size_t end = bytes_.find('\n', begin);
  if (end == std::string::npos) end = bytes_.size();
  if (end > begin && bytes_[end - 1] == '\r') --end;
  return std::string_view(bytes_).substr(begin, end - begin);
}

namespace {

// Length of the valid UTF-8 sequence starting at `p`, or 0 when it is invalid.
std::size_t utf8_sequence_length(const unsigned char* p, std::size_t available) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  std::size_t length = 0;
  unsigned int min_second = 0x80, max_second = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) min_second = 0xA0;  // overlong
    if (c == 0xED) max_second = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) min_second = 0x90;
    if (c == 0xF4) max_second = 0x8F;
  } else {
    return 0;
  }
  if (available < length) return 0;
  if (p[1] < min_second || p[1] > max_second) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

std::optional<std::size_t> SourceFile::first_invalid_utf8() const {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes_.data());
  for (std::size_t i = 0; i < bytes_.size();) {
    std::size_t length = utf8_sequence_length(data + i, bytes_.size() - i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

std::string SourceFile::redacted(Span span) const {
  std::string out(text(span));
  for (const Span& secret : secret_spans_) {
    std::size_t begin = std::max(secret.begin, span.begin);
    std::size_t end = std::min(secret.end, span.end);
    for (std::size_t i = begin; i < end; ++i) out[i - span.begin] = '*';
  }
  return out;
}

bool SourceFile::looks_binary() const {
  std::size_t probe = std::min<std::size_t>(bytes_.size(), 8192);
  return std::memchr(bytes_.data(), '\0', probe) != nullptr;
}

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = utf8_sequence_length(data + i, text.size() - i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::optional<SourceFilePtr> read_source_file(const std::filesystem::path& path, const std::string& display_path,
                                              std::string& error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "could not read \"" + display_path + "\": is a directory";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "could not open file \"" + display_path + "\": " + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "could not read file \"" + display_path + "\": " + std::strerror(errno);
    return std::nullopt;
  }
  return std::make_shared<const SourceFile>(display_path, path, std::move(buffer).str());
}

}  // namespace pglint
