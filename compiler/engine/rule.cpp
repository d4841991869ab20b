#include "compiler/engine/rule.hpp"

namespace pglint::engine {

Diagnostic& DiagnosticSink::report(const SourceFilePtr& file, Span span, std::string message, std::string help) {
  Diagnostic diagnostic;
  diagnostic.rule_id = rule_->id;
  diagnostic.rule_name = rule_->name;
  diagnostic.severity = rule_->severity;
  diagnostic.category = rule_->category;
  diagnostic.file = file;
  diagnostic.span = span;
  diagnostic.message = std::move(message);
  diagnostic.help = std::move(help);
  out_.push_back(std::move(diagnostic));
  return out_.back();
}

}  // namespace pglint::engine
