#include "compiler/pipeline/lint.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/engine/engine.hpp"
#include "compiler/engine/suppressions.hpp"
#include "compiler/model/containers.hpp"
#include "compiler/model/intent_facts.hpp"
#include "compiler/pipeline/apply_notes.hpp"
#include "compiler/pipeline/comment_guard.hpp"
#include "compiler/pipeline/load_deployment.hpp"
#include "compiler/report/report.hpp"
#include "rules/registry.hpp"

namespace pglint::pipeline {

namespace {

namespace fs = std::filesystem;

Config load_config(const LintRequest& request) {
  std::optional<fs::path> path;
  if (request.config) {
    path = *request.config;
  } else if (!request.paths.empty()) {
    path = find_config(request.paths.front());
  }
  if (!path) return {};
  std::string error;
  auto config = read_config(*path, error);
  if (!config) throw PipelineError(error);
  return *config;
}

// The intent: --intent, else the config's, else an intent.toml among the inputs.
std::optional<intent::Intent> load_intent(const LintRequest& request, const Config& config,
                                          const std::vector<InputFile>& inputs) {
  std::optional<fs::path> path;
  std::string display;
  if (request.intent) {
    path = *request.intent;
    display = *request.intent;
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
  if (!source) throw PipelineError(error);
  auto parsed = intent::parse_intent(*source);
  if (auto* errors = std::get_if<std::vector<intent::IntentError>>(&parsed)) {
    std::string message = "invalid intent file:";
    for (const auto& e : *errors) message += "\n  " + intent::format_error(**source, e);
    throw PipelineError(message);
  }
  return std::get<intent::Intent>(std::move(parsed));
}

void check_patterns(const LintRequest& request, const Config& config) {
  auto check = [](const std::string& pattern, const std::string& where) {
    for (const auto& rule : rules::all_rules()) {
      if (pattern_matches_rule(pattern, rule->info().id, rule->info().name)) return;
    }
    throw PipelineError(fmt::format("{}: \"{}\" names no rule; `pglint rules` lists them", where, pattern));
  };
  for (const auto& p : request.select) check(p, "--select");
  for (const auto& p : request.ignore) check(p, "--ignore");
  std::string file = config.path.string();
  for (const auto& p : config.select) check(p, file + ": select");
  for (const auto& p : config.ignore) check(p, file + ": ignore");
  for (const auto& [p, level] : config.severity) check(p, file + ": [severity]");
}

std::vector<const engine::Rule*> selected_rules(const LintRequest& request, const Config& config) {
  const auto& select = request.select.empty() ? config.select : request.select;
  std::vector<std::string> ignore = config.ignore;
  ignore.insert(ignore.end(), request.ignore.begin(), request.ignore.end());
  std::vector<const engine::Rule*> list;
  for (const auto& rule : rules::all_rules()) {
    const auto& info = rule->info();
    auto matches = [&](const std::string& p) { return pattern_matches_rule(p, info.id, info.name); };
    bool wanted = select.empty() || std::any_of(select.begin(), select.end(), matches);
    if (wanted && std::none_of(ignore.begin(), ignore.end(), matches)) list.push_back(rule.get());
  }
  return list;
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
                                                           const std::vector<SourceFilePtr>& files,
                                                           const std::vector<const engine::Rule*>& rules) {
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
  auto ran = [&](std::string_view id) {
    return std::any_of(rules.begin(), rules.end(), [&](const engine::Rule* r) { return r->info().id == id; });
  };
  auto result = engine::apply_suppressions(std::move(diagnostics), files, exists, canonical, ran);
  std::vector<engine::Diagnostic> all = std::move(result.kept);
  for (auto& d : result.problems) all.push_back(std::move(d));
  return all;
}

// A message may quote a value that holds a secret (an overridden primary_conninfo, say):
// every format gets it masked, whatever the rule wrote.
void mask_secrets_in_messages(std::vector<engine::Diagnostic>& diagnostics) {
  for (auto& d : diagnostics) {
    d.message = report::masked_message(d, d.message);
    d.help = report::masked_message(d, d.help);
    for (auto& related : d.related) related.message = report::masked_message(d, related.message);
    if (d.fix) d.fix->description = report::masked_message(d, d.fix->description);
  }
}

}  // namespace

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

LintPlan plan_lint(const LintRequest& request) {
  LintPlan plan;
  plan.config = load_config(request);
  check_patterns(request, plan.config);
  std::vector<InputError> errors;
  plan.inputs = collect_inputs(request.paths, request.forced_kind, errors);
  if (!errors.empty()) {
    std::string message;
    for (const auto& error : errors) message += (message.empty() ? "" : "\n") + error.message;
    throw PipelineError(message);
  }
  plan.intent = load_intent(request, plan.config, plan.inputs);
  plan.pg_major = request.pg_version;
  if (!plan.pg_major) plan.pg_major = plan.config.pg_version;
  if (!plan.pg_major && plan.intent) plan.pg_major = plan.intent->postgres_version;
  std::string profile = request.profile.value_or(plan.config.profile.value_or("balanced"));
  auto parsed_profile = model::parse_profile(profile);
  if (!parsed_profile) throw PipelineError(fmt::format("unknown profile \"{}\"", profile));
  plan.profile = *parsed_profile;
  plan.rules = selected_rules(request, plan.config);
  return plan;
}

LintResult run_lint(const LintPlan& plan, const FileProvider& files) {
  std::vector<InputError> errors;
  LoadResult loaded = load_deployment(plan.inputs, plan.pg_major, errors, files);
  if (!errors.empty()) {
    std::string message;
    for (const auto& error : errors) message += (message.empty() ? "" : "\n") + error.message;
    throw PipelineError(message);
  }
  LintResult result;
  result.deployment = std::move(loaded.deployment);
  model::Deployment& deployment = result.deployment;
  if (plan.intent) deployment.facts = model::facts_from_intent(*plan.intent);
  add_container_facts(deployment);
  deployment.profile = plan.profile;

  result.files = files_read(deployment);
  auto diagnostics = engine::run_rules(deployment, plan.rules);
  diagnostics = apply_comment_suppressions(std::move(diagnostics), result.files, plan.rules);
  // Findings about suppressions come from the engine: keep them only when selected.
  std::erase_if(diagnostics, [&](const engine::Diagnostic& d) {
    return std::none_of(plan.rules.begin(), plan.rules.end(),
                        [&](const engine::Rule* r) { return r->info().id == d.rule_id; });
  });
  diagnostics = apply_configuration(std::move(diagnostics), plan.config);
  add_apply_notes(deployment, diagnostics);
  mark_comment_deleting_fixes_unsafe(deployment, diagnostics);
  mask_secrets_in_messages(diagnostics);
  engine::sort_diagnostics(diagnostics);
  result.diagnostics = std::move(diagnostics);
  result.file_count = loaded.file_count + (plan.intent ? 1 : 0);
  return result;
}

}  // namespace pglint::pipeline
