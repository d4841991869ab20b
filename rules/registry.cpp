#include "rules/registry.hpp"

#include <algorithm>

namespace pglint::rules {

const std::vector<std::unique_ptr<engine::Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<engine::Rule>> rules = [] {
    std::vector<std::unique_ptr<engine::Rule>> list;
    list.push_back(make_include_error_rule());
    list.push_back(make_internal_parameter_rule());
    list.push_back(make_invalid_value_rule());
    list.push_back(make_parameter_not_yet_available_rule());
    list.push_back(make_parameter_removed_rule());
    list.push_back(make_parameter_removed_later_rule());
    list.push_back(make_startup_conflict_rule());
    list.push_back(make_syntax_error_rule());
    list.push_back(make_unknown_parameter_rule());
    list.push_back(make_container_file_invalid_rule());
    list.push_back(make_host_auth_trust_rule());
    list.push_back(make_image_tag_floating_rule());
    list.push_back(make_image_version_mismatch_rule());
    list.push_back(make_memory_limit_below_intent_rule());
    list.push_back(make_no_healthcheck_rule());
    list.push_back(make_no_memory_limit_rule());
    list.push_back(make_password_in_environment_rule());
    list.push_back(make_port_all_interfaces_rule());
    list.push_back(make_postgres_user_superuser_rule());
    list.push_back(make_archive_command_missing_rule());
    list.push_back(make_archiving_off_rule());
    list.push_back(make_fsync_off_rule());
    list.push_back(make_full_page_writes_off_rule());
    list.push_back(make_min_wal_above_max_rule());
    list.push_back(make_synchronous_commit_off_rule());
    list.push_back(make_wal_level_minimal_rule());
    list.push_back(make_hba_clientcert_compat_rule());
    list.push_back(make_hba_host_without_tls_rule());
    list.push_back(make_hba_hostname_address_rule());
    list.push_back(make_hostssl_without_ssl_rule());
    list.push_back(make_ident_invalid_record_rule());
    list.push_back(make_hba_ident_over_tcp_rule());
    list.push_back(make_hba_invalid_record_rule());
    list.push_back(make_hba_ldap_without_tls_rule());
    list.push_back(make_hba_md5_rule());
    list.push_back(make_hba_no_entries_rule());
    list.push_back(make_hba_open_to_internet_rule());
    list.push_back(make_hba_password_cleartext_rule());
    list.push_back(make_hba_radius_rule());
    list.push_back(make_hba_replication_from_anywhere_rule());
    list.push_back(make_hba_superuser_remote_rule());
    list.push_back(make_hba_trust_local_rule());
    list.push_back(make_hba_trust_network_rule());
    list.push_back(make_unreachable_hba_record_rule());
    list.push_back(make_unreachable_reject_rule());
    list.push_back(make_autovacuum_disabled_rule());
    list.push_back(make_overridden_setting_rule());
    list.push_back(make_unused_suppression_rule());
    list.push_back(make_unknown_suppression_rule());
    list.push_back(make_invalid_suppression_rule());
    list.push_back(make_debug_output_on_rule());
    list.push_back(make_log_checkpoints_off_rule());
    list.push_back(make_log_connections_off_rule());
    list.push_back(make_log_disconnections_off_rule());
    list.push_back(make_log_line_prefix_incomplete_rule());
    list.push_back(make_log_lock_waits_off_rule());
    list.push_back(make_log_temp_files_off_rule());
    list.push_back(make_logging_collector_off_rule());
    list.push_back(make_pg_stat_statements_missing_rule());
    list.push_back(make_slow_query_logging_off_rule());
    list.push_back(make_checkpoint_completion_target_low_rule());
    list.push_back(make_effective_io_concurrency_storage_rule());
    list.push_back(make_jit_oltp_rule());
    list.push_back(make_planner_method_disabled_rule());
    list.push_back(make_random_page_cost_storage_rule());
    list.push_back(make_untuned_defaults_rule());
    list.push_back(make_effective_cache_size_ratio_rule());
    list.push_back(make_huge_pages_off_rule());
    list.push_back(make_maintenance_work_mem_large_rule());
    list.push_back(make_max_connections_high_rule());
    list.push_back(make_memory_overcommit_rule());
    list.push_back(make_shared_buffers_ratio_rule());
    list.push_back(make_developer_settings_rule());
    list.push_back(make_listen_all_rule());
    list.push_back(make_log_statement_secrets_rule());
    list.push_back(make_password_encryption_md5_rule());
    list.push_back(make_password_in_setting_rule());
    list.push_back(make_primary_conninfo_without_tls_rule());
    list.push_back(make_ssl_ciphers_weak_rule());
    list.push_back(make_ssl_min_protocol_rule());
    list.push_back(make_ssl_off_rule());
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
