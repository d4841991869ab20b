#pragma once
// A rule's documentation rendered for people (Markdown: `pglint rule`, docs/rules/)
// and for tools (JSON: `pglint rules --format json`, SARIF rule metadata).
#include <nlohmann/json.hpp>
#include <string>

#include "compiler/engine/rule.hpp"

namespace pglint::engine {

std::string rule_markdown(const RuleInfo& info);
nlohmann::ordered_json rule_json(const RuleInfo& info);
std::string_view fix_availability_name(FixAvailability fix);

}  // namespace pglint::engine
