#include <iostream>
#include <nlohmann/json.hpp>

#include "compiler/source/secrets.hpp"

#include "compiler/cli/commands.hpp"
#include "compiler/model/file_kind.hpp"
#include "compiler/catalog/catalog.hpp"
#include "compiler/syntax/compose/compose.hpp"
#include "compiler/syntax/conf/tree.hpp"
#include "compiler/syntax/dockerfile/dockerfile.hpp"
#include "compiler/syntax/hba/record.hpp"
#include "compiler/syntax/hba/secrets.hpp"
#include "compiler/syntax/ident/record.hpp"
#include "compiler/syntax/intent/intent.hpp"

namespace pglint::cli {

namespace {

using nlohmann::ordered_json;

ordered_json span_json(Span span) { return ordered_json::array({span.begin, span.end}); }

std::string_view line_kind_name(conf::LineKind kind) {
  switch (kind) {
    case conf::LineKind::Blank: return "blank";
    case conf::LineKind::Entry: return "entry";
    case conf::LineKind::Error: return "error";
  }
  return "blank";
}

// `text` with the secret parts find_secret_ranges sees replaced by '*'.
std::string masked_text(std::string text) {
  for (Span secret : find_secret_ranges(text)) {
    for (std::size_t i = secret.begin; i < secret.end && i < text.size(); ++i) text[i] = '*';
  }
  return text;
}

ordered_json conf_tree_json(const conf::Tree& tree) {
  const SourceFile& file = *tree.file;
  ordered_json lines = ordered_json::array();
  for (std::size_t i = 0; i < tree.lines.size(); ++i) {
    const conf::Line& line = tree.lines[i];
    ordered_json node{{"line", file.position(line.span.begin).line},
                      {"kind", line_kind_name(line.kind)},
                      {"span", span_json(line.span)}};
    if (line.kind == conf::LineKind::Entry) {
      conf::Entry entry = tree.entry(i);
      node["name"] = entry.name;
      // Secrets (conninfo passwords ...) are masked like in every other output.
      node["raw_value"] = masked_text(entry.raw_value);
      node["value"] = masked_text(entry.value);
      node["name_span"] = span_json(entry.name_span);
      node["value_span"] = span_json(entry.value_span);
    }
    if (line.comment >= 0) node["comment"] = file.text(line.tokens[static_cast<std::size_t>(line.comment)].span);
    if (line.error) node["error"] = {{"message", line.error->message}, {"span", span_json(line.error->at)}};
    ordered_json tokens = ordered_json::array();
    for (const auto& token : line.tokens) {
      tokens.push_back({{"kind", conf::token_kind_name(token.kind)}, {"span", span_json(token.span)}});
    }
    node["tokens"] = std::move(tokens);
    lines.push_back(std::move(node));
  }
  return {{"kind", "conf"}, {"path", file.display_path()}, {"lines", std::move(lines)}};
}

ordered_json token_json(const hba::Token& token) {
  ordered_json node{{"text", hba::mask_secret_token(token.text)}, {"quoted", token.quoted}, {"span", span_json(token.span)}};
  if (token.from_at_file) node["from_at_file"] = true;
  return node;
}

ordered_json field_json(const hba::Field& field) {
  ordered_json tokens = ordered_json::array();
  for (const auto& token : field) tokens.push_back(token_json(token));
  return tokens;
}

ordered_json hba_record_json(const hba::Record& record) {
  ordered_json node{{"type", hba::connection_type_name(record.type)},
                    {"databases", field_json(record.databases)},
                    {"users", field_json(record.users)}};
  if (record.address) node["address"] = {{"text", record.address->text}, {"span", span_json(record.address->span)}};
  node["method"] = record.method;
  ordered_json options = ordered_json::array();
  for (const auto& option : record.options) {
    options.push_back({{"name", option.name},
                       {"value", hba::is_secret_option(option.name) ? "****" : option.value},
                       {"span", span_json(option.span)}});
  }
  node["options"] = std::move(options);
  return node;
}

// One JSON object per logical line: its fields, and the record or the error.
ordered_json auth_file_json(const hba::AuthFile& file, model::FileKind kind, int major) {
  ordered_json lines = ordered_json::array();
  hba::HbaContext context;
  context.major = major;
  for (std::size_t i = 0; i < file.lines.size(); ++i) {
    const hba::LogicalLine& line = file.lines[i];
    ordered_json node{{"line", line.line_number}, {"span", span_json(line.span)}};
    ordered_json fields = ordered_json::array();
    for (const auto& field : line.fields) fields.push_back(field_json(field));
    node["fields"] = std::move(fields);
    if (line.error) {
      node["error"] = *line.error;
    } else if (!line.fields.empty() && kind == model::FileKind::Hba) {
      auto parsed = hba::parse_record(file, i, context);
      if (auto* error = std::get_if<hba::RecordError>(&parsed)) {
        node["error"] = error->message;
      } else {
        node["record"] = hba_record_json(std::get<hba::Record>(parsed));
      }
    } else if (!line.fields.empty()) {
      auto parsed = ident::parse_mapping(file, i, major);
      if (auto* error = std::get_if<ident::MappingError>(&parsed)) {
        node["error"] = error->message;
      } else {
        const auto& mapping = std::get<ident::Mapping>(parsed);
        node["mapping"] = {{"map", mapping.map.text}, {"system_user", mapping.system_user.text},
                           {"pg_user", mapping.pg_user.text}};
      }
    }
    lines.push_back(std::move(node));
  }
  return {{"kind", model::file_kind_name(kind)}, {"path", file.file->display_path()}, {"lines", std::move(lines)}};
}

// A value as the reader decoded it, with its secrets masked when the file marks any in its span.
ordered_json located_json(const SourceFile& file, const container::Located& located) {
  bool secret = file.redacted(located.span) != file.text(located.span);
  return {{"text", secret ? std::string(located.text.size(), '*') : located.text}, {"span", span_json(located.span)}};
}

ordered_json env_json(const SourceFile& file, const std::vector<container::EnvVar>& environment) {
  ordered_json list = ordered_json::array();
  for (const auto& variable : environment) {
    ordered_json node{{"name", variable.name}, {"span", span_json(variable.span)}};
    if (variable.value) node["value"] = file.redacted(variable.value_span);  // secrets masked
    list.push_back(std::move(node));
  }
  return list;
}

ordered_json settings_json(const SourceFile& file, const std::vector<container::ServerSetting>& settings) {
  ordered_json list = ordered_json::array();
  for (const auto& [name, value] : settings) {
    list.push_back({{"name", located_json(file, name)}, {"value", located_json(file, value)}});
  }
  return list;
}

ordered_json errors_json(const std::vector<container::ReadError>& errors) {
  ordered_json list = ordered_json::array();
  for (const auto& e : errors) list.push_back({{"message", e.message}, {"line", e.line}, {"column", e.column}});
  return list;
}

// What the compose reader sees: the services, and for PostgreSQL ones the facts pglint uses.
ordered_json compose_json(const compose::ComposeFile& file) {
  ordered_json services = ordered_json::array();
  for (const auto& service : file.services) {
    ordered_json node{{"name", service.name}, {"runs_postgres", service.runs_postgres}};
    if (service.image) node["image"] = located_json(*file.file, *service.image);
    if (service.memory_limit_bytes) node["memory_limit_bytes"] = *service.memory_limit_bytes;
    ordered_json ports = ordered_json::array();
    for (const auto& port : service.ports) {
      ports.push_back({{"host_port", port.host_port}, {"container_port", port.container_port},
                       {"all_interfaces", port.all_interfaces}, {"span", span_json(port.span)}});
    }
    node["ports"] = std::move(ports);
    node["environment"] = env_json(*file.file, service.environment);
    node["server_settings"] = settings_json(*file.file, service.server_settings);
    node["healthcheck"] = service.has_healthcheck;
    services.push_back(std::move(node));
  }
  return {{"kind", "compose"}, {"path", file.file->display_path()}, {"services", std::move(services)},
          {"errors", errors_json(file.errors)}};
}

ordered_json dockerfile_json(const dockerfile::DockerfileModel& file) {
  ordered_json stages = ordered_json::array();
  for (const auto& stage : file.stages) {
    ordered_json node{{"image", located_json(*file.file, stage.image)}, {"runs_postgres", stage.runs_postgres},
                      {"environment", env_json(*file.file, stage.env)},
                      {"server_settings", settings_json(*file.file, stage.server_settings)},
                      {"healthcheck", stage.has_healthcheck}};
    if (stage.alias) node["alias"] = *stage.alias;
    ordered_json instructions = ordered_json::array();
    for (const auto& instruction : stage.instructions) {
      instructions.push_back({{"keyword", instruction.keyword}, {"line", instruction.line}, {"span", span_json(instruction.span)}});
    }
    node["instructions"] = std::move(instructions);
    stages.push_back(std::move(node));
  }
  return {{"kind", "dockerfile"}, {"path", file.file->display_path()}, {"stages", std::move(stages)},
          {"errors", errors_json(file.errors)}};
}

}  // namespace

int run_parse(const GlobalOptions& global, const ParseOptions& options) {
  auto kind = global.kind ? model::parse_file_kind(*global.kind) : model::detect_file_kind(options.path);
  if (!kind) {
    std::cerr << "pglint: error: \"" << options.path << "\": cannot tell what kind of file this is; pass --kind\n";
    return exit_failure;
  }
  std::string error;
  auto source = read_source_file(options.path, options.path, error);
  if (!source) {
    std::cerr << "pglint: error: " << error << '\n';
    return exit_failure;
  }
  int major = global.pg_version.value_or(catalog::newest_supported_major);
  if (*kind == model::FileKind::Hba || *kind == model::FileKind::Ident) {
    hba::AuthFile file = hba::tokenize(*source, {major, 0});
    if (options.json) {
      std::cout << auth_file_json(file, *kind, major).dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    } else {
      std::cout << hba::print(file);
    }
    std::cout.flush();
    return exit_clean;
  }
  if (*kind == model::FileKind::Intent) {
    auto parsed = intent::parse_intent(*source);
    if (auto* errors = std::get_if<std::vector<intent::IntentError>>(&parsed)) {
      for (const auto& e : *errors) std::cerr << "pglint: error: " << intent::format_error(**source, e) << '\n';
      return exit_failure;
    }
    if (options.json) {
      std::cout << intent::intent_json(std::get<intent::Intent>(parsed)).dump(2) << '\n';
    } else {
      std::cout << (*source)->text();
    }
    return exit_clean;
  }
  if (*kind == model::FileKind::Compose || *kind == model::FileKind::Dockerfile) {
    // These readers keep the file's bytes and point into them; the text is printed as is.
    if (!options.json) {
      std::cout << (*source)->text();
      return exit_clean;
    }
    ordered_json tree = *kind == model::FileKind::Compose ? compose_json(compose::read_compose(*source))
                                                          : dockerfile_json(dockerfile::read_dockerfile(*source));
    std::cout << tree.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    return exit_clean;
  }
  conf::Tree tree = conf::parse(*source);
  if (options.json) {
    std::cout << conf_tree_json(tree).dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  } else {
    std::cout << conf::print(tree);
  }
  std::cout.flush();
  return exit_clean;
}

}  // namespace pglint::cli
