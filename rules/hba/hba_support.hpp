#pragma once
// Helpers for pg_hba.conf rules: walking records, classifying addresses and methods.
#include <functional>
#include <string>

#include "compiler/model/deployment.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

void for_each_record(const model::Deployment& deployment,
                     const std::function<void(const model::HbaSet&, const model::HbaRecord&)>& visit);

inline const SourceFilePtr& file_of(const model::HbaRecord& record) { return record.file->tree.file; }

// The span of the whole record line (for findings about the line as a whole).
Span record_span(const model::HbaRecord& record);

bool is_network_record(const hba::Record& record);  // any TCP type
// 127.0.0.0/8 or ::1/128, or a network inside them.
bool is_loopback_only(const hba::Record& record);
// all, 0.0.0.0/0, ::/0 (any network with a zero-length mask).
bool is_whole_internet(const hba::Record& record);
std::string describe_address(const hba::Record& record);

// Whether the users field lets `role` in by name or through `all`.
bool admits_role(const hba::Record& record, std::string_view role);

// The effective value of a postgresql.conf parameter for this hba set's server.
std::optional<std::string> conf_text(const model::Deployment& deployment, const model::HbaSet& set, std::string_view name);

}  // namespace pglint::rules
