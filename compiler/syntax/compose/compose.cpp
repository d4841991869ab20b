#include "compiler/syntax/compose/compose.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>

#include "compiler/syntax/dockerfile/dockerfile.hpp"

namespace pglint::compose {

namespace {

using container::make_error;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Reader {
 public:
  explicit Reader(const SourceFilePtr& file) : file_(file), text_(file->text()) {}

  // The bytes of a scalar as written: quotes included, a block scalar with its lines.
  Span scalar_span(const YAML::Node& node) const {
    std::size_t pos = start_of(node);
    if (pos >= text_.size()) return {text_.size(), text_.size()};
    const std::string& value = node.Scalar();
    char first = text_[pos];
    if (first == '"' || first == '\'') {
      std::size_t i = pos + 1;
      while (i < text_.size()) {
        if (first == '"' && text_[i] == '\\') {
          i += 2;
          continue;
        }
        if (text_[i] == first) {
          if (first == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
            i += 2;
            continue;
          }
          return {pos, i + 1};
        }
        ++i;
      }
      return {pos, text_.size()};
    }
    if (first == '|' || first == '>') return block_span(pos);
    if (!value.empty() && text_.substr(pos, value.size()) == value) return {pos, pos + value.size()};
    // A plain scalar that spans lines, or one yaml-cpp normalised: to the end of its line.
    std::size_t end = pos;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') {
      if (text_[end] == '#' && end > pos && is_blank(text_[end - 1])) break;
      if (text_[end] == ':' && (end + 1 == text_.size() || std::isspace(static_cast<unsigned char>(text_[end + 1]))))
        break;
      ++end;
    }
    while (end > pos && is_blank(text_[end - 1])) --end;
    return {pos, end};
  }

  // Any node: a scalar's bytes; a collection from its start to the end of its last scalar.
  Span node_span(const YAML::Node& node) const {
    if (!node.IsDefined()) return {};
    if (node.IsScalar()) return scalar_span(node);
    std::size_t begin = std::min(start_of(node), text_.size());
    Span span{begin, begin};
    auto extend = [&](const YAML::Node& child) {
      Span inner = node_span(child);
      if (inner.end > span.end) span.end = inner.end;
    };
    if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        extend(it->first);
        extend(it->second);
      }
    } else if (node.IsSequence()) {
      for (const auto& child : node) extend(child);
    }
    // A flow collection ends at its closing bracket.
    if (begin < text_.size() && (text_[begin] == '[' || text_[begin] == '{')) {
      char close = text_[begin] == '[' ? ']' : '}';
      std::size_t at = text_.find(close, span.end);
      if (at != std::string_view::npos) span.end = at + 1;
    }
    return span;
  }

  Located located(const YAML::Node& node) const { return {node.IsScalar() ? node.Scalar() : std::string(), node_span(node)}; }

  ComposeError error(std::string message, Span span) const { return make_error(*file_, std::move(message), span); }

  const SourceFile& file() const { return *file_; }

 private:
  // Where the node's own text starts: after an anchor (&a) or a tag (!!str) written before it.
  std::size_t start_of(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.pos < 0) return text_.size();
    std::size_t pos = static_cast<std::size_t>(mark.pos);
    while (pos < text_.size() && (text_[pos] == '&' || text_[pos] == '!')) {
      while (pos < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos]))) ++pos;
      while (pos < text_.size() && is_blank(text_[pos])) ++pos;
    }
    return std::min(pos, text_.size());
  }

  // A block scalar: its indicator line and every following line indented deeper than the line
  // the indicator is on (blank lines inside included).
  Span block_span(std::size_t pos) const {
    std::size_t line_begin = text_.rfind('\n', pos);
    line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    std::size_t indent = 0;
    while (line_begin + indent < text_.size() && text_[line_begin + indent] == ' ') ++indent;
    std::size_t end = text_.find('\n', pos);
    if (end == std::string_view::npos) return {pos, text_.size()};
    std::size_t content_end = end;
    std::size_t next = end + 1;
    while (next < text_.size()) {
      std::size_t line_end = text_.find('\n', next);
      if (line_end == std::string_view::npos) line_end = text_.size();
      std::string_view line = text_.substr(next, line_end - next);
      std::size_t spaces = line.find_first_not_of(" \t\r");
      if (spaces != std::string_view::npos) {
        if (spaces <= indent) break;
        content_end = line_end;
        if (content_end > next && text_[content_end - 1] == '\r') --content_end;
      }
      next = line_end + 1;
    }
    return {pos, content_end};
  }

  SourceFilePtr file_;
  std::string_view text_;
};

// A mapping's entries in file order, with "<<" merge keys resolved: explicit keys win over
// merged ones, earlier merged maps over later ones.
std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node& map, int depth = 0) {
  std::vector<std::pair<YAML::Node, YAML::Node>> out;
  if (!map.IsMap() || depth > 16) return out;
  std::vector<YAML::Node> merges;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == "<<") {
      // Copy the node first: `it->second` lives in a proxy that dies with the expression, so
      // iterating it directly reads freed stack (ASan: stack-use-after-scope).
      YAML::Node merged = it->second;
      if (merged.IsSequence()) {
        for (const auto& each : merged) merges.push_back(each);
      } else {
        merges.push_back(merged);
      }
    } else {
      out.emplace_back(it->first, it->second);
    }
  }
  for (const auto& merged : merges) {
    for (auto& [key, value] : entries(merged, depth + 1)) {
      bool present = std::any_of(out.begin(), out.end(), [&](const auto& entry) {
        return entry.first.IsScalar() && key.IsScalar() && entry.first.Scalar() == key.Scalar();
      });
      if (!present) out.emplace_back(key, value);
    }
  }
  return out;
}

YAML::Node get(const YAML::Node& map, std::string_view key) {
  for (auto& [name, value] : entries(map)) {
    if (name.IsScalar() && name.Scalar() == key) return value;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

bool present(const YAML::Node& node) { return node.IsDefined() && !node.IsNull(); }

std::optional<Located> scalar(const Reader& reader, const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar()) return std::nullopt;
  return reader.located(node);
}

void read_environment(const Reader& reader, const YAML::Node& node, Service& service) {
  if (node.IsMap()) {
    for (auto& [key, value] : entries(node)) {
      if (!key.IsScalar()) continue;
      EnvVar var;
      var.name = key.Scalar();
      Span key_span = reader.scalar_span(key);
      if (value.IsScalar()) {
        var.value = value.Scalar();
        var.value_span = reader.scalar_span(value);
      } else {
        var.value_span = {key_span.end, key_span.end};
      }
      var.span = {key_span.begin, std::max(key_span.end, var.value_span.end)};
      service.environment.push_back(std::move(var));
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (!item.IsScalar()) continue;
      Located entry = reader.located(item);
      EnvVar var;
      var.span = entry.span;
      std::size_t equals = entry.text.find('=');
      if (equals == std::string::npos) {
        var.name = entry.text;
        var.value_span = {entry.span.end, entry.span.end};
      } else {
        var.name = entry.text.substr(0, equals);
        var.value = entry.text.substr(equals + 1);
        var.value_span = container::sub_span(reader.file(), entry, equals + 1, var.value->size());
        if (var.value->empty()) {
          Span name = container::sub_span(reader.file(), entry, 0, equals);
          var.value_span = {name.end + 1, name.end + 1};
        }
      }
      service.environment.push_back(std::move(var));
    }
  }
}

// "[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]", HOST_IP possibly "[::1]".
PortMapping read_short_port(const Reader& reader, const Located& entry) {
  PortMapping port;
  port.span = entry.span;
  std::string text = entry.text;
  port.protocol = "tcp";
  if (auto slash = text.rfind('/'); slash != std::string::npos) {
    port.protocol = text.substr(slash + 1);
    text.resize(slash);
  }
  std::size_t host_ip_begin = 0, host_ip_length = 0;
  std::string rest = text;
  if (!text.empty() && text.front() == '[') {
    std::size_t close = text.find(']');
    if (close != std::string::npos) {
      host_ip_begin = 1;
      host_ip_length = close - 1;
      rest = close + 1 < text.size() && text[close + 1] == ':' ? text.substr(close + 2) : text.substr(close + 1);
    }
  } else {
    // The last two colon-separated parts are ports; what is before them is the host IP.
    std::size_t last = text.rfind(':');
    std::size_t before = last == std::string::npos || last == 0 ? std::string::npos : text.rfind(':', last - 1);
    // "${VAR:-x}" contains colons that are not separators: only count colons outside ${...}.
    if (text.find("${") == std::string::npos && before != std::string::npos) {
      host_ip_length = before;
      rest = text.substr(before + 1);
    }
  }
  if (host_ip_length > 0) {
    port.host_ip = Located{text.substr(host_ip_begin, host_ip_length),
                           container::sub_span(reader.file(), entry, host_ip_begin, host_ip_length)};
  }
  std::size_t colon = rest.rfind(':');
  if (text.find("${") != std::string::npos) colon = rest.find(':') == rest.rfind(':') ? rest.find(':') : std::string::npos;
  if (colon == std::string::npos) {
    port.container_port = rest;
  } else {
    port.host_port = rest.substr(0, colon);
    port.container_port = rest.substr(colon + 1);
  }
  return port;
}

bool all_interfaces(const std::optional<Located>& host_ip) {
  if (!host_ip) return true;
  const std::string& ip = host_ip->text;
  return ip.empty() || ip == "0.0.0.0" || ip == "::" || ip == "[::]";
}

void read_ports(const Reader& reader, const YAML::Node& node, Service& service) {
  if (!node.IsSequence()) return;
  for (const auto& item : node) {
    PortMapping port;
    if (item.IsScalar()) {
      port = read_short_port(reader, reader.located(item));
    } else if (item.IsMap()) {
      port.span = reader.node_span(item);
      port.protocol = "tcp";
      if (auto target = get(item, "target"); target.IsScalar()) port.container_port = target.Scalar();
      if (auto published = get(item, "published"); published.IsScalar()) port.host_port = published.Scalar();
      if (auto protocol = get(item, "protocol"); protocol.IsScalar()) port.protocol = protocol.Scalar();
      if (auto host_ip = get(item, "host_ip"); host_ip.IsScalar()) port.host_ip = reader.located(host_ip);
      for (auto it = item.begin(); it != item.end(); ++it) {
        port.fields.emplace_back(reader.located(it->first), reader.located(it->second));
      }
    } else {
      continue;
    }
    port.all_interfaces = all_interfaces(port.host_ip);
    service.ports.push_back(std::move(port));
  }
}

std::vector<Located> read_command(const Reader& reader, const YAML::Node& node) {
  std::vector<Located> words;
  if (node.IsSequence()) {
    for (const auto& item : node) {
      if (item.IsScalar()) words.push_back(reader.located(item));
    }
  } else if (node.IsScalar()) {
    Located whole = reader.located(node);
    const std::string& text = whole.text;
    // Source offsets of each byte of the value: exact when the value is written verbatim,
    // else each word is looked up in the written text, in order.
    std::string_view written = reader.file().text(whole.span);
    std::size_t at = written.find(text);
    std::vector<std::size_t> offsets(text.size() + 1);
    for (std::size_t i = 0; i <= text.size(); ++i)
      offsets[i] = at == std::string_view::npos ? whole.span.begin : whole.span.begin + at + i;
    words = container::split_words(text, offsets);
    if (at == std::string_view::npos) {
      std::size_t cursor = 0;
      for (Located& word : words) {
        std::size_t found = word.text.empty() ? std::string_view::npos : written.find(word.text, cursor);
        if (found == std::string_view::npos) {
          word.span = whole.span;
        } else {
          word.span = {whole.span.begin + found, whole.span.begin + found + word.text.size()};
          cursor = found + word.text.size();
        }
      }
    }
  }
  return words;
}

bool read_healthcheck(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return false;
  if (!node.IsMap()) return true;
  if (auto disable = get(node, "disable"); disable.IsScalar() && lower(disable.Scalar()) == "true") return false;
  auto test = get(node, "test");
  if (test.IsSequence() && test.size() > 0 && test[0].IsScalar() && test[0].Scalar() == "NONE") return false;
  return true;
}

// The Dockerfile a service is built from, when it can be read next to the compose file.
bool built_from_postgres(const SourceFile& compose, const Service& service, const std::string& target) {
  if (!service.build_context || compose.real_path().empty()) return false;
  const std::string& context = service.build_context->text;
  if (context.find("://") != std::string::npos || context.find('$') != std::string::npos) return false;
  std::error_code ec;
  std::filesystem::path directory = compose.real_path().parent_path() / context;
  std::filesystem::path path = directory / (service.dockerfile ? service.dockerfile->text : "Dockerfile");
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::string error;
  auto source = read_source_file(path, path.string(), error);
  if (!source) return false;
  auto model = dockerfile::read_dockerfile(*source);
  if (model.stages.empty()) return false;
  if (!target.empty()) {
    for (const auto& stage : model.stages) {
      if (stage.alias && lower(*stage.alias) == lower(target)) return stage.runs_postgres;
    }
  }
  return model.stages.back().runs_postgres;
}

Service read_service(const Reader& reader, const YAML::Node& key, const YAML::Node& body) {
  Service service;
  service.name = key.Scalar();
  service.name_span = reader.scalar_span(key);
  if (!body.IsMap()) return service;
  service.image = scalar(reader, get(body, "image"));
  std::string target;
  if (auto build = get(body, "build"); build.IsScalar()) {
    service.build_context = reader.located(build);
  } else if (build.IsMap()) {
    service.build_context = scalar(reader, get(build, "context"));
    if (!service.build_context) service.build_context = Located{".", reader.node_span(build)};
    service.dockerfile = scalar(reader, get(build, "dockerfile"));
    if (auto stage = get(build, "target"); stage.IsScalar()) target = stage.Scalar();
  }
  read_environment(reader, get(body, "environment"), service);
  if (auto env_file = get(body, "env_file"); env_file.IsScalar()) {
    service.env_files.push_back(reader.located(env_file));
  } else if (env_file.IsSequence()) {
    for (const auto& item : env_file) {
      if (item.IsScalar()) {
        service.env_files.push_back(reader.located(item));
      } else if (auto path = get(item, "path"); path.IsScalar()) {
        service.env_files.push_back(reader.located(path));
      }
    }
  }
  read_ports(reader, get(body, "ports"), service);
  service.memory_limit = scalar(reader, get(get(get(get(body, "deploy"), "resources"), "limits"), "memory"));
  if (!service.memory_limit) service.memory_limit = scalar(reader, get(body, "mem_limit"));
  if (service.memory_limit) service.memory_limit_bytes = parse_docker_memory(service.memory_limit->text);
  service.shm_size = scalar(reader, get(body, "shm_size"));
  service.command = read_command(reader, get(body, "command"));
  service.server_settings = container::server_settings(reader.file(), service.command);
  if (auto secrets = get(body, "secrets"); secrets.IsSequence()) {
    for (const auto& item : secrets) {
      if (item.IsScalar()) {
        service.secrets.push_back(reader.located(item));
      } else if (auto source = get(item, "source"); source.IsScalar()) {
        service.secrets.push_back(reader.located(source));
      }
    }
  }
  service.has_healthcheck = read_healthcheck(get(body, "healthcheck"));
  service.runs_postgres = (service.image && container::is_postgres_image(service.image->text)) ||
                          container::is_postgres_command(service.command) ||
                          built_from_postgres(reader.file(), service, target);
  return service;
}

}  // namespace

ComposeFile read_compose(const SourceFilePtr& file) {
  ComposeFile result;
  result.file = file;
  Reader reader(file);
  std::string_view text = file->text();
  if (file->looks_binary()) {
    result.errors.push_back(reader.error("not a compose file: the file is binary", {0, 0}));
    return result;
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsDefined() || root.IsNull()) return result;
    if (!root.IsMap()) {
      result.errors.push_back(reader.error("not a compose file: the top level is not a mapping", reader.node_span(root)));
      return result;
    }
    YAML::Node services = get(root, "services");
    if (!present(services)) return result;
    if (!services.IsMap()) {
      result.errors.push_back(reader.error("\"services\" is not a mapping", reader.node_span(services)));
      return result;
    }
    for (auto& [key, body] : entries(services)) {
      if (!key.IsScalar()) continue;
      result.services.push_back(read_service(reader, key, body));
    }
    for (const auto& service : result.services) {
      for (const auto& var : service.environment) container::mark_secrets(*file, var);
      for (const auto& setting : service.server_settings) container::mark_secrets(*file, setting);
    }
  } catch (const YAML::Exception& e) {
    std::size_t line = e.mark.is_null() ? 0 : static_cast<std::size_t>(std::max(0, e.mark.line));
    std::size_t column = e.mark.is_null() ? 0 : static_cast<std::size_t>(std::max(0, e.mark.column));
    std::size_t offset = e.mark.is_null() || e.mark.pos < 0 ? 0 : std::min<std::size_t>(e.mark.pos, text.size());
    ComposeError error{"invalid YAML: " + e.msg, line + 1, column + 1, {offset, offset}};
    result.errors.push_back(std::move(error));
  } catch (const std::exception& e) {
    result.errors.push_back(reader.error(std::string("could not read the compose file: ") + e.what(), {0, 0}));
  }
  return result;
}

std::optional<unsigned long long> parse_docker_memory(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == 0) return std::nullopt;
  std::size_t integer_end = i;
  if (i < text.size() && text[i] == '.') {
    ++i;
    std::size_t fraction = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == fraction) return std::nullopt;
  }
  std::string number(text.substr(0, i));
  std::string unit = lower(text.substr(i));
  if (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  int power = 0;
  if (!unit.empty() && std::string_view("kmgtp").find(unit.front()) != std::string_view::npos) {
    power = static_cast<int>(std::string_view("kmgtp").find(unit.front())) + 1;
    unit.erase(0, 1);
  }
  if (!(unit.empty() || unit == "b" || (power > 0 && (unit == "ib" || unit == "i")))) return std::nullopt;
  long double multiplier = std::pow(1024.0L, power);
  constexpr auto max = std::numeric_limits<unsigned long long>::max();
  if (integer_end == number.size()) {
    unsigned long long value = 0;
    for (char c : number) {
      if (value > (max - static_cast<unsigned long long>(c - '0')) / 10) return std::nullopt;
      value = value * 10 + static_cast<unsigned long long>(c - '0');
    }
    unsigned long long factor = static_cast<unsigned long long>(multiplier);
    if (factor != 0 && value > max / factor) return std::nullopt;
    return value * factor;
  }
  long double value = std::stold(number) * multiplier;
  if (value >= static_cast<long double>(max)) return std::nullopt;
  return static_cast<unsigned long long>(value);
}

}  // namespace pglint::compose
