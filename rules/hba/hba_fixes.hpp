#pragma once
// Fixes for pg_hba.conf findings, built on the authentication file tree: one token replaced,
// a line commented out, a line added, every other byte (alignment, trailing comments) kept.
#include <optional>
#include <string>
#include <string_view>

#include "compiler/engine/diagnostic.hpp"
#include "compiler/model/hba_set.hpp"

namespace pglint::rules {

// The record's authentication method token replaced by `method` ("use scram-sha-256").
std::optional<engine::Fix> replace_method_fix(const model::HbaRecord& record, std::string_view method,
                                              engine::Applicability applicability);

// The record's connection type token replaced by `type` (host -> hostssl).
std::optional<engine::Fix> replace_type_fix(const model::HbaRecord& record, std::string_view type,
                                            engine::Applicability applicability);

// Every physical line of the record's logical line turned into a comment.
engine::Fix comment_out_record_fix(const model::HbaRecord& record, engine::Applicability applicability);

// `host <databases> <role> all reject` added before the record, after a comment line saying
// `why`; nullopt when the role cannot be written as a plain name.
std::optional<engine::Fix> reject_role_before_fix(const model::HbaRecord& record, std::string_view databases,
                                                  std::string_view role, std::string_view why,
                                                  engine::Applicability applicability);

}  // namespace pglint::rules
