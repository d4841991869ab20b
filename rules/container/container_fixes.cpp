#include "rules/container/container_fixes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace pglint::rules {

namespace {

constexpr std::string_view loopback = "127.0.0.1";

bool quote(char c) { return c == '"' || c == '\''; }

// The bytes of `span` without the quotes around them, when it is quoted.
Span unquoted(const SourceFile& file, Span span) {
  std::string_view text = file.text(span);
  if (text.size() >= 2 && quote(text.front()) && text.back() == text.front()) return {span.begin + 1, span.end - 1};
  return span;
}

// A short port entry written with nothing YAML or Compose would rewrite: digits, ':', '-',
// '.', '/', protocol letters, brackets of an IPv6 host IP.
bool simple_port_text(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == ':' || c == '-' || c == '.' || c == '/' ||
                  c == '[' || c == ']';
         });
}

std::optional<engine::Fix> short_port_fix(const SourceFilePtr& file, const compose::PortMapping& port) {
  Span inner = unquoted(*file, port.span);
  std::string_view text = file->text(inner);
  // Without a host IP there is at most one colon; ":5432:5432" has an empty one: leave it.
  if (!simple_port_text(text) || std::count(text.begin(), text.end(), ':') > 1 || port.container_port.empty())
    return std::nullopt;
  // "5432:5432" -> "127.0.0.1:5432:5432"; "5432" (a random host port) -> "127.0.0.1::5432".
  std::string prefix = fmt::format("{}:{}", loopback, port.host_port.empty() ? ":" : "");
  return engine::Fix{fmt::format("publish on {} only", loopback), {{{inner.begin, inner.begin}, prefix, file}},
                     engine::Applicability::Unsafe};
}

// The column (0-based) of `offset` on its line, and whether only "- " and blanks precede it.
std::optional<std::size_t> key_indent(const SourceFile& file, std::size_t offset) {
  std::string_view text = file.text();
  std::size_t line_begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_begin = line_begin == std::string_view::npos || offset == 0 ? 0 : line_begin + 1;
  std::string_view before = text.substr(line_begin, offset - line_begin);
  if (before.find_first_not_of(" -") != std::string_view::npos) return std::nullopt;
  return before.size();
}

// Long syntax: `host_ip: 127.0.0.1` on a line of its own after the entry's last key, at the
// keys' indentation; only for a block mapping of one single-line `key: value` per line.
std::optional<engine::Fix> long_port_fix(const SourceFilePtr& file, const compose::PortMapping& port) {
  if (port.fields.empty()) return std::nullopt;
  std::string_view text = file->text();
  std::optional<std::size_t> indent;
  std::size_t last_line = 0, end = 0;
  for (const auto& [key, value] : port.fields) {
    if (key.text == "<<" || value.span.empty() || text.substr(value.span.begin, value.span.size()).find('\n') !=
                                                      std::string_view::npos)
      return std::nullopt;
    auto column = key_indent(*file, key.span.begin);
    std::size_t line = file->position(key.span.begin).line;
    if (!column || (indent && *column != *indent) || line <= last_line) return std::nullopt;
    indent = column;
    last_line = line;
    end = std::max(end, value.span.end);
  }
  std::size_t newline = text.find('\n', end);
  std::string eol = newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
  std::string line = fmt::format("{}host_ip: {}", std::string(*indent, ' '), loopback);
  engine::Edit edit = newline == std::string_view::npos
                          ? engine::Edit{{text.size(), text.size()}, eol + line, file}
                          : engine::Edit{{newline + 1, newline + 1}, line + eol, file};
  return engine::Fix{fmt::format("publish on {} only", loopback), {std::move(edit)}, engine::Applicability::Unsafe};
}

// The official image under the names Docker resolves to it.
bool official_postgres(std::string_view name) {
  static constexpr std::array names{"postgres", "library/postgres", "docker.io/postgres", "docker.io/library/postgres",
                                    "index.docker.io/library/postgres"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::optional<engine::Edit> replace_written(const SourceFilePtr& file, Span span, std::string_view written,
                                            std::string_view value) {
  Span inner = unquoted(*file, span);
  if (file->text(inner) != written) return std::nullopt;
  return engine::Edit{inner, std::string(value), file};
}

std::optional<engine::Fix> loopback_port_fix(const SourceFilePtr& file, const compose::PortMapping& port) {
  if (port.host_ip) {
    // 0.0.0.0 / :: written out: the loopback address of the same family.
    const std::string& ip = port.host_ip->text;
    std::string_view replacement = ip == "0.0.0.0" ? loopback : ip == "::" ? "::1" : "";
    if (replacement.empty()) return std::nullopt;
    auto edit = replace_written(file, port.host_ip->span, ip, replacement);
    if (!edit) return std::nullopt;
    return engine::Fix{fmt::format("publish on {} only", replacement), {std::move(*edit)}, engine::Applicability::Unsafe};
  }
  return port.fields.empty() ? short_port_fix(file, port) : long_port_fix(file, port);
}

std::optional<engine::Fix> pin_image_fix(const SourceFilePtr& file, const container::Located& image, int major) {
  std::string_view text = image.text;
  std::size_t colon = text.rfind(':');
  std::string_view name = text, tag;
  if (colon != std::string_view::npos && text.find('/', colon) == std::string_view::npos) {
    name = text.substr(0, colon);
    tag = text.substr(colon + 1);
  }
  if (!official_postgres(name) || (!tag.empty() && tag != "latest")) return std::nullopt;
  std::string pinned = fmt::format("{}:{}", name, major);
  auto edit = replace_written(file, image.span, text, pinned);
  if (!edit) return std::nullopt;
  return engine::Fix{fmt::format("use {}", pinned), {std::move(*edit)}, engine::Applicability::Unsafe};
}

}  // namespace pglint::rules
