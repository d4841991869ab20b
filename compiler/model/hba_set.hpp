#pragma once
// A pg_hba.conf with the files it includes (16+: include, include_if_exists,
// include_dir), parsed into records in the order PostgreSQL tries them, and the
// postgresql.conf it belongs to (whose ssl setting decides whether hostssl can match).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/conf_set.hpp"
#include "compiler/syntax/hba/record.hpp"

namespace pglint::model {

struct HbaFile {
  hba::AuthFile tree;
  int depth = 0;
};

struct HbaRecord {
  const HbaFile* file = nullptr;
  hba::Record record;
};

struct HbaProblem {
  const HbaFile* file = nullptr;
  std::size_t line_index = 0;
  Span span;
  std::string message;  // PostgreSQL's text
  bool record_still_loads = false;  // hostssl with ssl off: an error row, yet the server starts
};

struct HbaSet {
  std::vector<std::unique_ptr<HbaFile>> files;
  std::vector<HbaRecord> records;   // valid records, first match wins
  std::vector<HbaProblem> problems;  // lines PostgreSQL reports as errors
  const ConfSet* conf = nullptr;     // the postgresql.conf this file belongs to, if known
  hba::HbaContext context;

  [[nodiscard]] const HbaFile* main_file() const { return files.empty() ? nullptr : files.front().get(); }
};

// Reads `main` and what it includes; never throws.
// Included and @ files are read through `files` (the disk when null).
HbaSet load_hba_set(const SourceFilePtr& main, const hba::HbaContext& context, const FileProvider* files = nullptr);

// The context the conf set gives: ssl, db_user_namespace, oauth_validator_libraries.
hba::HbaContext hba_context_for(int major, const ConfSet* conf, const catalog::Catalog& catalog);

}  // namespace pglint::model
