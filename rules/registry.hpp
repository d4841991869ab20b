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
std::unique_ptr<engine::Rule> make_hba_trust_network_rule();
std::unique_ptr<engine::Rule> make_hba_trust_local_rule();
std::unique_ptr<engine::Rule> make_hba_password_cleartext_rule();
std::unique_ptr<engine::Rule> make_hba_md5_rule();
std::unique_ptr<engine::Rule> make_hba_host_without_tls_rule();
std::unique_ptr<engine::Rule> make_hba_open_to_internet_rule();
std::unique_ptr<engine::Rule> make_hba_replication_from_anywhere_rule();
std::unique_ptr<engine::Rule> make_hba_ident_over_tcp_rule();
std::unique_ptr<engine::Rule> make_hba_ldap_without_tls_rule();
std::unique_ptr<engine::Rule> make_hba_radius_rule();
std::unique_ptr<engine::Rule> make_hba_hostname_address_rule();
std::unique_ptr<engine::Rule> make_hba_superuser_remote_rule();
std::unique_ptr<engine::Rule> make_unreachable_hba_record_rule();
std::unique_ptr<engine::Rule> make_unreachable_reject_rule();
std::unique_ptr<engine::Rule> make_hba_clientcert_compat_rule();

// Every rule, in id order.
const std::vector<std::unique_ptr<engine::Rule>>& all_rules();
const engine::Rule* find_rule(std::string_view id_or_name);

}  // namespace pglint::rules
