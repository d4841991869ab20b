#pragma once
// A rule: its metadata and documentation (one declaration) and its check.
#include <string>
#include <string_view>
#include <vector>

#include "compiler/engine/diagnostic.hpp"
#include "compiler/model/deployment.hpp"

namespace pglint::engine {

enum class FixAvailability { None, Safe, Unsafe };

struct RuleDocs {
  std::string what;         // what it does
  std::string why;          // why it matters
  std::string example;      // configuration it flags
  std::string use_instead;  // configuration it accepts
  std::string fix_safety;   // empty when the rule has no fix
  std::vector<std::string> references;
  std::string profiles;     // what the balanced, cis and strict profiles do, when they differ
};

struct RuleInfo {
  std::string id;       // stable, never reused: V101
  std::string name;     // kebab-case: syntax-error
  std::string summary;  // one line
  Category category = Category::Validity;
  Severity severity = Severity::Error;
  FixAvailability fix = FixAvailability::None;
  RuleDocs docs;
  std::vector<std::string> cis;   // CIS PostgreSQL 16 Benchmark items
  std::vector<std::string> stig;  // DISA STIG ids, where known
};

class DiagnosticSink;

class Rule {
 public:
  virtual ~Rule() = default;
  [[nodiscard]] virtual const RuleInfo& info() const = 0;
  virtual void check(const model::Deployment& deployment, DiagnosticSink& sink) const = 0;
};

// Collects a rule's findings; fills in the rule's id, name, severity and category.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::vector<Diagnostic>& out) : out_(out) {}
  void set_rule(const RuleInfo* rule) { rule_ = rule; }

  Diagnostic& report(const SourceFilePtr& file, Span span, std::string message, std::string help = {});

 private:
  std::vector<Diagnostic>& out_;
  const RuleInfo* rule_ = nullptr;
};

}  // namespace pglint::engine
