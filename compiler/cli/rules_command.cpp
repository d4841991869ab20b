#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "compiler/cli/commands.hpp"
#include "compiler/engine/rule_docs.hpp"
#include "rules/registry.hpp"

namespace pglint::cli {

int run_rules(const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& rule : rules::all_rules()) list.push_back(engine::rule_json(rule->info()));
    std::cout << list.dump(2) << '\n';
    return exit_clean;
  }
  for (const auto& rule : rules::all_rules()) {
    const auto& info = rule->info();
    std::cout << fmt::format("{:<6} {:<30} {:<8} {:<14} {}\n", info.id, info.name, engine::severity_name(info.severity),
                             engine::category_name(info.category), info.summary);
  }
  return exit_clean;
}

int run_rule(const std::string& id) {
  const engine::Rule* rule = rules::find_rule(id);
  if (!rule) {
    std::cerr << "pglint: error: no rule \"" << id << "\"; `pglint rules` lists them\n";
    return exit_failure;
  }
  std::cout << engine::rule_markdown(rule->info());
  return exit_clean;
}

}  // namespace pglint::cli
