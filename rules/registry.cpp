#include "rules/registry.hpp"

#include <algorithm>

namespace pglint::rules {

const std::vector<std::unique_ptr<engine::Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<engine::Rule>> rules = [] {
    std::vector<std::unique_ptr<engine::Rule>> list;
    list.push_back(make_syntax_error_rule());
    list.push_back(make_unknown_parameter_rule());
    list.push_back(make_invalid_value_rule());
    list.push_back(make_internal_parameter_rule());
    list.push_back(make_include_error_rule());
    list.push_back(make_startup_conflict_rule());
    list.push_back(make_parameter_removed_rule());
    list.push_back(make_parameter_not_yet_available_rule());
    list.push_back(make_parameter_removed_later_rule());
    list.push_back(make_overridden_setting_rule());
    list.push_back(make_hba_invalid_record_rule());
    list.push_back(make_hostssl_without_ssl_rule());
    list.push_back(make_hba_no_entries_rule());
    list.push_back(make_ident_invalid_record_rule());
    list.push_back(make_hba_trust_network_rule());
    list.push_back(make_hba_trust_local_rule());
    list.push_back(make_hba_password_cleartext_rule());
    list.push_back(make_hba_md5_rule());
    list.push_back(make_hba_host_without_tls_rule());
    list.push_back(make_hba_open_to_internet_rule());
    list.push_back(make_hba_replication_from_anywhere_rule());
    list.push_back(make_hba_ident_over_tcp_rule());
    list.push_back(make_hba_ldap_without_tls_rule());
    list.push_back(make_hba_radius_rule());
    list.push_back(make_hba_hostname_address_rule());
    list.push_back(make_hba_superuser_remote_rule());
    list.push_back(make_unreachable_hba_record_rule());
    list.push_back(make_unreachable_reject_rule());
    list.push_back(make_hba_clientcert_compat_rule());
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
    return list;
  }();
  return rules;
}

const engine::Rule* find_rule(std::string_view id_or_name) {
  for (const auto& rule : all_rules()) {
    if (rule->info().id == id_or_name || rule->info().name == id_or_name) return rule.get();
  }
  return nullptr;
}

}  // namespace pglint::rules
