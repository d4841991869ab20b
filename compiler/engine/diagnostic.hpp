#pragma once
// A finding: which rule, where (byte span in a file), what, and how to fix it.
#include <optional>
#include <string>
#include <vector>

#include "compiler/source/source_file.hpp"

namespace pglint::engine {

enum class Severity { Info, Warning, Error };

enum class Category {
  Validity,
  Security,
  Resources,
  Durability,
  Compatibility,
  Observability,
  Performance,
  Container,
  Maintenance,
};

std::string_view severity_name(Severity severity);
std::string_view category_name(Category category);
std::optional<Severity> parse_severity(std::string_view text);

// A replacement of bytes [span.begin, span.end) of a file by `replacement`; an empty span
// inserts. Spans are offsets into the bytes the file was read with. `file` is the file to
// edit; null means the diagnostic's own file.
struct Edit {
  Span span;
  std::string replacement;
  SourceFilePtr file;
};

// Safe: keeps every client and resource use as it is (a logging setting, a dead line).
// Unsafe: may refuse a client that gets in today, change resource use or availability, or
// matter only after a restart in a way the user may not expect; `pglint fix --unsafe-fixes`.
enum class Applicability { Safe, Unsafe };

struct Fix {
  std::string description;
  std::vector<Edit> edits;
  Applicability applicability = Applicability::Safe;
};

// Another place the message refers to ("overridden by line 12 of conf.d/b.conf").
struct Related {
  SourceFilePtr file;
  Span span;
  std::string message;
};

struct Diagnostic {
  std::string rule_id;
  std::string rule_name;
  Severity severity = Severity::Error;
  Category category = Category::Validity;
  SourceFilePtr file;
  Span span;
  std::string message;
  std::string help;
  std::vector<Related> related;
  std::optional<Fix> fix;
  // For findings on a setting: what applying a change takes ("reload" or "restart").
  std::string apply;
};

}  // namespace pglint::engine
