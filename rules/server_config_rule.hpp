#pragma once
// Base for rules that judge one whole server configuration (a postgresql.conf with its
// includes and postgresql.auto.conf), where built-in defaults count as choices.
#include "rules/rule_support.hpp"

namespace pglint::rules {

class ServerConfigRule : public engine::Rule {
 public:
  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const final {
    for_each_server_config(deployment, [&](const model::ConfSet& set) { check_config(deployment, set, sink); });
  }

 protected:
  virtual void check_config(const model::Deployment& deployment, const model::ConfSet& set,
                            engine::DiagnosticSink& sink) const = 0;
};

// The same for rules that look at a single parameter's final value: `judge` returns a
// message (and help) when the value is a problem.
struct Verdict {
  std::string message;
  std::string help;
};

}  // namespace pglint::rules

namespace pglint::rules {

// Reports `name` when its final Boolean value is `unwanted`; the message says whether a
// file set it or the default did.
inline void report_boolean(engine::DiagnosticSink& sink, const model::Deployment& d, const model::ConfSet& set,
                           std::string_view name, bool unwanted, std::string_view consequence, std::string help) {
  auto view = view_setting(d, set, name);
  if (view.boolean() != unwanted) return;
  std::string state = unwanted ? "on" : "off";
  std::string how = view.is_set() ? std::string(name) + " is " + state
                                  : std::string(name) + " is not set (default " + state + ")";
  report_setting(sink, view, how + ": " + std::string(consequence), std::move(help));
}

}  // namespace pglint::rules
