#include "rules/conf/conf_fix_support.hpp"

#include "rules/server_config_rule.hpp"

namespace pglint::rules {

engine::Diagnostic* report_boolean_with_fix(engine::DiagnosticSink& sink, const model::Deployment& d,
                                            const model::ConfSet& set, std::string_view name, bool unwanted,
                                            std::string_view consequence, std::string help, std::string_view why) {
  auto view = view_setting(d, set, name);
  if (view.boolean() != unwanted) return nullptr;
  std::string state = unwanted ? "on" : "off";
  std::string how = view.is_set() ? std::string(name) + " is " + state
                                  : std::string(name) + " is not set (default " + state + ")";
  auto& finding = report_setting(sink, view, how + ": " + std::string(consequence), std::move(help));
  attach_set_value_fix(finding, view, unwanted ? "off" : "on", why);
  return &finding;
}

std::optional<engine::Fix> comment_out_setting_fix(const model::Setting& setting, std::string description,
                                                   engine::Applicability applicability) {
  if (setting.from_command_line || !setting.name.file || !setting.name.source) return std::nullopt;
  return engine::Fix{std::move(description), {comment_out_line(setting.name.source, setting.name.span.begin)},
                     applicability};
}

}  // namespace pglint::rules
