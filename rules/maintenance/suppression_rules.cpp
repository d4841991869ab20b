// M001-M003: the findings about suppression comments themselves. The engine produces
// them (compiler/engine/suppressions.cpp) after the other rules ran; these entries put
// them in the rule list, the documentation and SARIF.
#include "compiler/engine/suppressions.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

class SuppressionRule final : public engine::Rule {
 public:
  explicit SuppressionRule(const engine::RuleInfo& info) : info_(info) {}
  [[nodiscard]] const engine::RuleInfo& info() const override { return info_; }
  void check(const model::Deployment&, engine::DiagnosticSink&) const override {}

 private:
  const engine::RuleInfo& info_;
};

}  // namespace

std::unique_ptr<engine::Rule> make_unused_suppression_rule() {
  return std::make_unique<SuppressionRule>(engine::unused_suppression_rule());
}
std::unique_ptr<engine::Rule> make_unknown_suppression_rule() {
  return std::make_unique<SuppressionRule>(engine::unknown_suppression_rule());
}
std::unique_ptr<engine::Rule> make_invalid_suppression_rule() {
  return std::make_unique<SuppressionRule>(engine::invalid_suppression_rule());
}

}  // namespace pglint::rules
