#pragma once
// The explicit list of every rule pglint has (no static self-registration).
#include <memory>
#include <string_view>
#include <vector>

#include "compiler/engine/rule.hpp"

namespace pglint::rules {

std::unique_ptr<engine::Rule> make_syntax_error_rule();
std::unique_ptr<engine::Rule> make_unknown_parameter_rule();
std::unique_ptr<engine::Rule> make_invalid_value_rule();
std::unique_ptr<engine::Rule> make_internal_parameter_rule();
std::unique_ptr<engine::Rule> make_include_error_rule();
std::unique_ptr<engine::Rule> make_startup_conflict_rule();
std::unique_ptr<engine::Rule> make_parameter_removed_rule();
std::unique_ptr<engine::Rule> make_parameter_not_yet_available_rule();
std::unique_ptr<engine::Rule> make_parameter_removed_later_rule();
std::unique_ptr<engine::Rule> make_overridden_setting_rule();
std::unique_ptr<engine::Rule> make_hba_invalid_record_rule();
std::unique_ptr<engine::Rule> make_hostssl_without_ssl_rule();
std::unique_ptr<engine::Rule> make_hba_no_entries_rule();
std::unique_ptr<engine::Rule> make_ident_invalid_record_rule();

// Every rule, in id order.
const std::vector<std::unique_ptr<engine::Rule>>& all_rules();
const engine::Rule* find_rule(std::string_view id_or_name);

}  // namespace pglint::rules
