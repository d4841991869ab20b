// pglint check: read the deployment, run the rules, apply suppressions and project
// configuration, report, and exit 0/1/2.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "compiler/cli/apply_notes.hpp"
#include "compiler/cli/commands.hpp"
#include "compiler/cli/config.hpp"
#include "compiler/cli/load_deployment.hpp"
#include "compiler/engine/engine.hpp"
#include "compiler/engine/suppressions.hpp"
#include "compiler/model/intent_facts.hpp"
#include "compiler/report/report.hpp"
#include "compiler/model/containers.hpp"
#include "rules/registry.hpp"

namespace pglint::cli {

namespace {

namespace fs = std::filesystem;

struct UsageError {
  std::string message;
};

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) != 0;
}

Config load_config(const CheckOptions& options) {
  std::optional<fs::path> path;
  if (options.config) {
    path = *options.config;
  } else if (!options.paths.empty()) {
    path = find_config(options.paths.front());
  }
  if (!path) return {};
  std::string error;
  auto config = read_config(*path, error);
  if (!config) throw UsageError{error};
  return *config;
}

// The intent: --intent, else the config's, else an intent.toml among the inputs.
std::optional<intent::Intent> load_intent(const CheckOptions& options, const Config& config,
                                          const std::vector<InputFile>& inputs) {
  std::optional<fs::path> path;
  std::string display;
  if (options.intent) {
    path = *options.intent;
    display = *options.intent;
  } else if (config.intent) {
    path = *config.intent;
    display = config.intent->string();
  } else {
    for (const auto& input : inputs) {
      if (input.kind == model::FileKind::Intent) {
        path = input.path;
        display = input.display;
        break;
      }
    }
  }
  if (!path) return std::nullopt;
  std::string error;
  auto source = read_source_file(*path, display, error);
  if (!source) throw UsageError{error};
  auto parsed = intent::parse_intent(*source);
  if (auto* errors = std::get_if<std::vector<intent::IntentError>>(&parsed)) {
    std::string message = "invalid intent file:";
    for (const auto& e : *errors) message += "\n  " + intent::format_error(**source, e);
    throw UsageError{message};
  }
  return std::get<intent::Intent>(std::move(parsed));
}

// What the container files say: PostgreSQL runs in a container, and the memory it may use
// when the intent does not say.
void add_container_facts(model::Deployment& deployment) {
  for (const auto& file : deployment.compose_files) {
    for (const auto& service : file.services) {
      if (!service.runs_postgres) continue;
      deployment.facts.in_container = true;
      if (!deployment.facts.memory_bytes && service.memory_limit_bytes) {
        deployment.facts.memory_bytes = static_cast<double>(*service.memory_limit_bytes);
        deployment.facts.memory_source = fmt::format("memory limit of service \"{}\" in {}", service.name,
                                                     file.file->display_path());
      }
    }
  }
  for (const auto& file : deployment.dockerfiles) {
    for (const auto& stage : file.stages) deployment.facts.in_container = deployment.facts.in_container || stage.runs_postgres;
  }
  // The official image runs initdb with POSTGRES_USER as the bootstrap superuser: then there
  // is no postgres role, and that user is the one to protect.
  model::for_each_postgres_env(deployment, [&](const SourceFilePtr&, const container::EnvVar& variable) {
    if (variable.name != "POSTGRES_USER" || !variable.value || variable.value->empty()) return;
    if (variable.value->find('$') != std::string::npos) return;  // interpolated: unknown
    deployment.facts.superusers = {*variable.value};
  });
}

std::vector<const engine::Rule*> selected_rules(const CheckOptions& options, const Config& config) {
  const auto& select = options.select.empty() ? config.select : options.select;
  std::vector<std::string> ignore = config.ignore;
  ignore.insert(ignore.end(), options.ignore.begin(), options.ignore.end());
  std::vector<const engine::Rule*> list;
  for (const auto& rule : rules::all_rules()) {
    const auto& info = rule->info();
    auto matches = [&](const std::string& p) { return pattern_matches_rule(p, info.id, info.name); };
    bool wanted = select.empty() || std::any_of(select.begin(), select.end(), matches);
    if (wanted && std::none_of(ignore.begin(), ignore.end(), matches)) list.push_back(rule.get());
  }
  return list;
}

void check_patterns(const CheckOptions& options, const Config& config) {
  auto check = [](const std::string& pattern, const std::string& where) {
    for (const auto& rule : rules::all_rules()) {
      if (pattern_matches_rule(pattern, rule->info().id, rule->info().name)) return;
    }
    throw UsageError{fmt::format("{}: \"{}\" names no rule; `pglint rules` lists them", where, pattern)};
  };
  for (const auto& p : options.select) check(p, "--select");
  for (const auto& p : options.ignore) check(p, "--ignore");
  std::string file = config.path.string();
  for (const auto& p : config.select) check(p, file + ": select");
  for (const auto& p : config.ignore) check(p, file + ": ignore");
  for (const auto& [p, level] : config.severity) check(p, file + ": [severity]");
}

std::vector<engine::Diagnostic> apply_configuration(std::vector<engine::Diagnostic> diagnostics, const Config& config) {
  std::vector<engine::Diagnostic> kept;
  for (auto& d : diagnostics) {
    bool ignored = false;
    for (const auto& [glob, patterns] : config.per_path_ignores) {
      if (!glob_matches(glob, d.file->display_path())) continue;
      for (const auto& p : patterns) ignored = ignored || pattern_matches_rule(p, d.rule_id, d.rule_name);
    }
    if (ignored) continue;
    for (const auto& [p, level] : config.severity) {
      if (pattern_matches_rule(p, d.rule_id, d.rule_name)) d.severity = *engine::parse_severity(level);
    }
    kept.push_back(std::move(d));
  }
  return kept;
}

std::vector<engine::Diagnostic> apply_comment_suppressions(std::vector<engine::Diagnostic> diagnostics,
                                                           const std::vector<SourceFilePtr>& files) {
  auto exists = [](std::string_view id) {
    for (const auto* info : engine::suppression_rules()) {
      if (info->id == id || info->name == id) return true;
    }
    return rules::find_rule(id) != nullptr;
  };
  auto canonical = [](std::string_view id) -> std::string {
    for (const auto* info : engine::suppression_rules()) {
      if (info->id == id || info->name == id) return info->id;
    }
    const engine::Rule* rule = rules::find_rule(id);
    return rule ? rule->info().id : std::string(id);
  };
  auto result = engine::apply_suppressions(std::move(diagnostics), files, exists, canonical);
  std::vector<engine::Diagnostic> all = std::move(result.kept);
  for (auto& d : result.problems) all.push_back(std::move(d));
  return all;
}

std::vector<SourceFilePtr> files_read(const model::Deployment& deployment) {
  std::vector<SourceFilePtr> files;
  for (const auto& set : deployment.conf_sets) {
    for (const auto& file : set.files) files.push_back(file->tree.file);
  }
  for (const auto& set : deployment.hba_sets) {
    for (const auto& file : set.files) files.push_back(file->tree.file);
  }
  for (const auto& set : deployment.ident_sets) files.push_back(set.tree.file);
  for (const auto& file : deployment.compose_files) files.push_back(file.file);
  for (const auto& file : deployment.dockerfiles) files.push_back(file.file);
  return files;
}

void write_report(std::ostream& out, const std::string& format, const std::vector<engine::Diagnostic>& diagnostics,
                  const report::Summary& summary, bool color) {
  if (format == "json") {
    report::write_json(out, diagnostics, summary);
  } else if (format == "sarif") {
    std::vector<const engine::RuleInfo*> infos;
    for (const auto& rule : rules::all_rules()) infos.push_back(&rule->info());
    report::write_sarif(out, diagnostics, infos, fs::current_path());
  } else if (format == "github") {
    report::write_github(out, diagnostics);
  } else {
    report::write_text(out, diagnostics, summary, {color});
  }
}

// Writes atomically: a temporary file renamed over the target, never half a report.
void write_output_file(const std::string& path, const std::string& content) {
  std::string temporary = path + ".pglint-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) throw UsageError{fmt::format("could not write \"{}\"", path)};
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw UsageError{fmt::format("could not write \"{}\": {}", path, ec.message())};
  }
}

// A message may quote a value that holds a secret (an overridden primary_conninfo, say):
// every format gets it masked, whatever the rule wrote.
void mask_secrets_in_messages(std::vector<engine::Diagnostic>& diagnostics) {
  for (auto& d : diagnostics) {
    d.message = report::masked_message(d, d.message);
    d.help = report::masked_message(d, d.help);
    for (auto& related : d.related) related.message = report::masked_message(d, related.message);
  }
}

bool fails(const std::vector<engine::Diagnostic>& diagnostics, const std::string& fail_on) {
  if (fail_on == "never") return false;
  engine::Severity threshold = *engine::parse_severity(fail_on);
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const auto& d) { return d.severity >= threshold; });
}

int check(const GlobalOptions& global, const CheckOptions& options) {
  Config config = load_config(options);
  check_patterns(options, config);
  std::optional<model::FileKind> kind;
  if (global.kind) kind = model::parse_file_kind(*global.kind);
  std::vector<InputError> errors;
  std::vector<InputFile> inputs = collect_inputs(options.paths, kind, errors);
  std::optional<intent::Intent> intent = load_intent(options, config, inputs);
  std::optional<int> major = global.pg_version;
  if (!major) major = config.pg_version;
  if (!major && intent) major = intent->postgres_version;
  LoadResult loaded = load_deployment(inputs, major, errors);
  if (!errors.empty()) {
    std::string message;
    for (const auto& error : errors) message += (message.empty() ? "" : "\n") + error.message;
    throw UsageError{message};
  }
  model::Deployment& deployment = loaded.deployment;
  if (intent) deployment.facts = model::facts_from_intent(*intent);
  add_container_facts(deployment);
  std::string profile = options.profile.value_or(config.profile.value_or("balanced"));
  deployment.profile = *model::parse_profile(profile);

  std::vector<const engine::Rule*> rules = selected_rules(options, config);
  auto diagnostics = engine::run_rules(deployment, rules);
  diagnostics = apply_comment_suppressions(std::move(diagnostics), files_read(deployment));
  // Findings about suppressions come from the engine: keep them only when selected.
  std::erase_if(diagnostics, [&](const engine::Diagnostic& d) {
    return std::none_of(rules.begin(), rules.end(), [&](const engine::Rule* r) { return r->info().id == d.rule_id; });
  });
  diagnostics = apply_configuration(std::move(diagnostics), config);
  add_apply_notes(deployment, diagnostics);
  mask_secrets_in_messages(diagnostics);
  engine::sort_diagnostics(diagnostics);

  std::size_t file_count = loaded.file_count + (intent ? 1 : 0);
  report::Summary summary = report::summarize(diagnostics, file_count);
  if (options.output) {
    std::ostringstream buffer;
    write_report(buffer, options.format, diagnostics, summary, false);
    write_output_file(*options.output, buffer.str());
    if (options.format != "text") write_report(std::cout, "text", diagnostics, summary, use_color());
  } else {
    write_report(std::cout, options.format, diagnostics, summary, options.format == "text" && use_color());
  }
  std::cout.flush();
  std::string fail_on = options.fail_on.value_or(config.fail_on.value_or("warning"));
  return fails(diagnostics, fail_on) ? exit_findings : exit_clean;
}

}  // namespace

int run_check(const GlobalOptions& global, const CheckOptions& options) {
  try {
    return check(global, options);
  } catch (const UsageError& e) {
    std::cerr << "pglint: error: " << e.message << '\n';
    return exit_failure;
  }
}

}  // namespace pglint::cli
