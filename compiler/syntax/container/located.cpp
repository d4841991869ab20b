#include "compiler/syntax/container/located.hpp"

#include "compiler/source/secrets.hpp"

#include <algorithm>
#include <cctype>

namespace pglint::container {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// ${NAME:-default} and ${NAME-default} become their default; ${NAME} and $NAME become empty.
std::string drop_variables(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '$') {
      out += text[i++];
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      std::size_t close = text.find('}', i + 2);
      if (close == std::string_view::npos) break;
      std::string_view inner = text.substr(i + 2, close - i - 2);
      std::size_t dash = inner.find('-');
      if (dash != std::string_view::npos) {
        std::string_view fallback = inner.substr(dash + 1);
        out += drop_variables(fallback);
      }
      i = close + 1;
    } else {
      ++i;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) ++i;
    }
  }
  return out;
}

}  // namespace

bool is_secret_name(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper.size() >= 8 && upper.ends_with("PASSWORD");
}

bool is_postgres_image(std::string_view image) {
  std::string name = lower(drop_variables(image));
  if (auto at = name.find('@'); at != std::string::npos) name.resize(at);
  // The repository's last path segment, without its tag.
  std::size_t slash = name.rfind('/');
  std::string repository = slash == std::string::npos ? name : name.substr(0, slash);
  std::string last = slash == std::string::npos ? name : name.substr(slash + 1);
  if (auto colon = last.find(':'); colon != std::string::npos) last.resize(colon);
  for (std::string_view not_a_server : {"postgrest", "exporter", "pgadmin", "pgbouncer", "backup", "pgweb",
                                        "pgpool", "pghero", "adminer", "migrat", "client"}) {
    if (contains(last, not_a_server)) return false;
  }
  for (std::string_view server : {"postgres", "postgis", "timescale", "pgvector", "spilo", "patroni", "paradedb"}) {
    if (contains(last, server)) return true;
  }
  if (last == "citus" || contains(repository, "citusdata")) return true;
  return false;
}

bool is_postgres_command(const std::vector<Located>& command) {
  if (command.empty()) return false;
  std::string_view first = command.front().text;
  if (auto slash = first.rfind('/'); slash != std::string_view::npos) first = first.substr(slash + 1);
  return first == "postgres" || first == "postmaster";
}

Span sub_span(const SourceFile& file, const Located& located, std::size_t begin, std::size_t length) {
  std::string_view written = file.text(located.span);
  std::size_t at = written.find(located.text);
  if (located.text.empty() || at == std::string_view::npos) {
    // The text is not verbatim (escapes, folding): look for the part alone.
    std::string_view part = std::string_view(located.text).substr(std::min(begin, located.text.size()), length);
    std::size_t found = part.empty() ? std::string_view::npos : written.find(part);
    if (found == std::string_view::npos) return located.span;
    return {located.span.begin + found, located.span.begin + found + part.size()};
  }
  begin = std::min(begin, located.text.size());
  length = std::min(length, located.text.size() - begin);
  return {located.span.begin + at + begin, located.span.begin + at + begin + length};
}

std::vector<ServerSetting> server_settings(const SourceFile& file, const std::vector<Located>& command) {
  std::vector<ServerSetting> settings;
  auto add = [&](const Located& argument, std::size_t start) {
    std::string_view text = std::string_view(argument.text).substr(start);
    std::size_t equals = text.find('=');
    if (equals == std::string_view::npos || equals == 0) return;
    std::string name(text.substr(0, equals));
    std::string value(text.substr(equals + 1));
    // "--shared-buffers=1GB" is accepted by postgres as shared_buffers.
    std::replace(name.begin(), name.end(), '-', '_');
    Span name_span = sub_span(file, argument, start, equals);
    Span value_span = sub_span(file, argument, start + equals + 1, value.size());
    if (value.empty()) value_span = {name_span.end + 1, name_span.end + 1};
    settings.push_back({Located{std::move(name), name_span}, Located{std::move(value), value_span}});
  };
  for (std::size_t i = 0; i < command.size(); ++i) {
    const std::string& word = command[i].text;
    if (word == "-c" && i + 1 < command.size()) {
      add(command[++i], 0);
    } else if (word.size() > 2 && word.starts_with("-c")) {
      add(command[i], 2);
    } else if (word.size() > 2 && word.starts_with("--") && word.find('=') != std::string::npos) {
      add(command[i], 2);
    }
  }
  return settings;
}

std::vector<Located> split_words(std::string_view text, const std::vector<std::size_t>& offsets) {
  std::vector<Located> words;
  std::size_t i = 0;
  auto at = [&](std::size_t index) { return offsets.at(std::min(index, offsets.size() - 1)); };
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    std::size_t begin = i;
    std::string word;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) {
      char c = text[i];
      if (c == '\'') {
        std::size_t close = text.find('\'', i + 1);
        if (close == std::string_view::npos) close = text.size();
        word.append(text.substr(i + 1, close - i - 1));
        i = std::min(close + 1, text.size());
      } else if (c == '"') {
        ++i;
        while (i < text.size() && text[i] != '"') {
          if (text[i] == '\\' && i + 1 < text.size() &&
              (text[i + 1] == '"' || text[i + 1] == '\\' || text[i + 1] == '$' || text[i + 1] == '`')) {
            ++i;
          }
          word += text[i++];
        }
        if (i < text.size()) ++i;
      } else if (c == '\\' && i + 1 < text.size()) {
        word += text[i + 1];
        i += 2;
      } else {
        word += c;
        ++i;
      }
    }
    words.push_back({std::move(word), Span{at(begin), at(i - 1) + 1}});
  }
  return words;
}

ReadError make_error(const SourceFile& file, std::string message, Span span) {
  LineColumn position = file.position(std::min(span.begin, file.text().size()));
  return {std::move(message), position.line, position.column, span};
}

void mark_secrets(const SourceFile& file, const EnvVar& variable) {
  if (!variable.value || variable.value_span.empty()) return;
  if (is_secret_name(variable.name) || !find_secret_ranges(*variable.value).empty()) file.mark_secret(variable.value_span);
}

void mark_secrets(const SourceFile& file, const ServerSetting& setting) {
  const Located& value = setting.second;
  if (!value.span.empty() && !find_secret_ranges(value.text).empty()) file.mark_secret(value.span);
}

}  // namespace pglint::container
