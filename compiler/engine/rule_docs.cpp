#include "compiler/engine/rule_docs.hpp"

#include <fmt/format.h>

namespace pglint::engine {

std::string_view fix_availability_name(FixAvailability fix) {
  switch (fix) {
    case FixAvailability::None: return "none";
    case FixAvailability::Safe: return "safe";
    case FixAvailability::Unsafe: return "unsafe";
  }
  return "none";
}

std::string rule_markdown(const RuleInfo& info) {
  std::string out = fmt::format("# {} {}\n\n{}\n\n", info.id, info.name, info.summary);
  out += fmt::format("- Category: {}\n- Default severity: {}\n- Fix: {}\n\n", category_name(info.category),
                     severity_name(info.severity), fix_availability_name(info.fix));
  out += fmt::format("## What it does\n\n{}\n\n## Why\n\n{}\n\n", info.docs.what, info.docs.why);
  out += fmt::format("## Example\n\n```\n{}\n```\n\n## Use instead\n\n```\n{}\n```\n\n", info.docs.example,
                     info.docs.use_instead);
  if (!info.docs.fix_safety.empty()) out += fmt::format("## Fix safety\n\n{}\n\n", info.docs.fix_safety);
  out += fmt::format("## Profiles\n\n{}\n\n",
                     info.docs.profiles.empty() ? "The same in the balanced, cis and strict profiles: the sources agree."
                                                : info.docs.profiles);
  if (!info.cis.empty() || !info.stig.empty()) {
    out += "## Benchmarks\n\n";
    for (const auto& item : info.cis) out += fmt::format("- CIS PostgreSQL 16 Benchmark {}\n", item);
    for (const auto& item : info.stig) out += fmt::format("- DISA STIG {}\n", item);
    out += "\n";
  }
  out += "## References\n\n";
  for (const auto& reference : info.docs.references) out += fmt::format("- {}\n", reference);
  return out;
}

nlohmann::ordered_json rule_json(const RuleInfo& info) {
  return {{"id", info.id},
          {"name", info.name},
          {"summary", info.summary},
          {"category", category_name(info.category)},
          {"severity", severity_name(info.severity)},
          {"fix", fix_availability_name(info.fix)},
          {"what", info.docs.what},
          {"why", info.docs.why},
          {"example", info.docs.example},
          {"use_instead", info.docs.use_instead},
          {"references", info.docs.references},
          {"profiles", info.docs.profiles},
          {"cis", info.cis},
          {"stig", info.stig}};
}

}  // namespace pglint::engine
