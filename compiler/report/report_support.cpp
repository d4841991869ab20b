#include "compiler/report/report_support.hpp"

#include "compiler/report/report.hpp"

namespace pglint::report {

namespace {

// Shorter secrets are not searched for in messages: masking every "on" or "abc" would garble
// them, and rules never quote secrets anyway (they mask them where they are read).
constexpr std::size_t kMinMaskedSecret = 4;

}  // namespace

LineColumn utf16_position(const SourceFile& file, std::size_t offset) {
  std::string_view text = file.text();
  offset = std::min(offset, text.size());
  LineColumn at = file.position(offset);
  std::size_t i = file.line_start(at.line);
  if (i == 0 && text.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) i = 3;
  std::size_t units = 0;
  while (i < offset) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80                   ? 1
                         : (c >= 0xC2 && c <= 0xDF) ? 2
                         : (c >= 0xE0 && c <= 0xEF) ? 3
                         : (c >= 0xF0 && c <= 0xF4) ? 4
                                                    : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (!valid) {
      ++units;
      ++i;
      continue;
    }
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return {at.line, units + 1};
}

std::string mask_secrets(const SourceFile& file, std::string text) {
  for (const Span& span : file.secret_spans()) {
    if (span.size() < kMinMaskedSecret || span.end > file.text().size()) continue;
    std::string_view secret = file.text(span);
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + secret.size())) {
      text.replace(at, secret.size(), std::string(secret.size(), '*'));
    }
  }
  return text;
}

std::string masked_message(const engine::Diagnostic& diagnostic, std::string_view text) {
  std::string out(text);
  if (diagnostic.file) out = mask_secrets(*diagnostic.file, std::move(out));
  for (const auto& related : diagnostic.related) {
    if (related.file) out = mask_secrets(*related.file, std::move(out));
  }
  return sanitize_utf8(out);
}

}  // namespace pglint::report
