#pragma once
// The explicit list of every rule pglint has (no static self-registration).
#include <memory>
#include <string_view>
#include <vector>

#include "compiler/engine/rule.hpp"

namespace pglint::rules {

std::unique_ptr<engine::Rule> make_include_error_rule();
std::unique_ptr<engine::Rule> make_internal_parameter_rule();
std::unique_ptr<engine::Rule> make_invalid_value_rule();
std::unique_ptr<engine::Rule> make_parameter_not_yet_available_rule();
std::unique_ptr<engine::Rule> make_parameter_removed_rule();
std::unique_ptr<engine::Rule> make_parameter_removed_later_rule();
std::unique_ptr<engine::Rule> make_startup_conflict_rule();
std::unique_ptr<engine::Rule> make_syntax_error_rule();
std::unique_ptr<engine::Rule> make_unknown_parameter_rule();
std::unique_ptr<engine::Rule> make_container_file_invalid_rule();
std::unique_ptr<engine::Rule> make_host_auth_trust_rule();
std::unique_ptr<engine::Rule> make_image_tag_floating_rule();
std::unique_ptr<engine::Rule> make_image_version_mismatch_rule();
std::unique_ptr<engine::Rule> make_memory_limit_below_intent_rule();
std::unique_ptr<engine::Rule> make_no_healthcheck_rule();
std::unique_ptr<engine::Rule> make_no_memory_limit_rule();
std::unique_ptr<engine::Rule> make_password_in_environment_rule();
std::unique_ptr<engine::Rule> make_port_all_interfaces_rule();
std::unique_ptr<engine::Rule> make_postgres_user_superuser_rule();
std::unique_ptr<engine::Rule> make_archive_command_missing_rule();
std::unique_ptr<engine::Rule> make_archiving_off_rule();
std::unique_ptr<engine::Rule> make_fsync_off_rule();
std::unique_ptr<engine::Rule> make_full_page_writes_off_rule();
std::unique_ptr<engine::Rule> make_min_wal_above_max_rule();
std::unique_ptr<engine::Rule> make_synchronous_commit_off_rule();
std::unique_ptr<engine::Rule> make_wal_level_minimal_rule();
std::unique_ptr<engine::Rule> make_hba_clientcert_compat_rule();
std::unique_ptr<engine::Rule> make_hba_host_without_tls_rule();
std::unique_ptr<engine::Rule> make_hba_hostname_address_rule();
std::unique_ptr<engine::Rule> make_hostssl_without_ssl_rule();
std::unique_ptr<engine::Rule> make_ident_invalid_record_rule();
std::unique_ptr<engine::Rule> make_hba_ident_over_tcp_rule();
std::unique_ptr<engine::Rule> make_hba_invalid_record_rule();
std::unique_ptr<engine::Rule> make_hba_ldap_without_tls_rule();
std::unique_ptr<engine::Rule> make_hba_md5_rule();
std::unique_ptr<engine::Rule> make_hba_no_entries_rule();
std::unique_ptr<engine::Rule> make_hba_open_to_internet_rule();
std::unique_ptr<engine::Rule> make_hba_password_cleartext_rule();
std::unique_ptr<engine::Rule> make_hba_radius_rule();
std::unique_ptr<engine::Rule> make_hba_replication_from_anywhere_rule();
std::unique_ptr<engine::Rule> make_hba_superuser_remote_rule();
std::unique_ptr<engine::Rule> make_hba_trust_local_rule();
std::unique_ptr<engine::Rule> make_hba_trust_network_rule();
std::unique_ptr<engine::Rule> make_unreachable_hba_record_rule();
std::unique_ptr<engine::Rule> make_unreachable_reject_rule();
std::unique_ptr<engine::Rule> make_autovacuum_disabled_rule();
std::unique_ptr<engine::Rule> make_overridden_setting_rule();
std::unique_ptr<engine::Rule> make_unused_suppression_rule();
std::unique_ptr<engine::Rule> make_unknown_suppression_rule();
std::unique_ptr<engine::Rule> make_invalid_suppression_rule();
std::unique_ptr<engine::Rule> make_debug_output_on_rule();
std::unique_ptr<engine::Rule> make_log_checkpoints_off_rule();
std::unique_ptr<engine::Rule> make_log_connections_off_rule();
std::unique_ptr<engine::Rule> make_log_disconnections_off_rule();
std::unique_ptr<engine::Rule> make_log_line_prefix_incomplete_rule();
std::unique_ptr<engine::Rule> make_log_lock_waits_off_rule();
std::unique_ptr<engine::Rule> make_log_temp_files_off_rule();
std::unique_ptr<engine::Rule> make_logging_collector_off_rule();
std::unique_ptr<engine::Rule> make_pg_stat_statements_missing_rule();
std::unique_ptr<engine::Rule> make_slow_query_logging_off_rule();
std::unique_ptr<engine::Rule> make_checkpoint_completion_target_low_rule();
std::unique_ptr<engine::Rule> make_effective_io_concurrency_storage_rule();
std::unique_ptr<engine::Rule> make_jit_oltp_rule();
std::unique_ptr<engine::Rule> make_planner_method_disabled_rule();
std::unique_ptr<engine::Rule> make_random_page_cost_storage_rule();
std::unique_ptr<engine::Rule> make_untuned_defaults_rule();
std::unique_ptr<engine::Rule> make_effective_cache_size_ratio_rule();
std::unique_ptr<engine::Rule> make_huge_pages_off_rule();
std::unique_ptr<engine::Rule> make_maintenance_work_mem_large_rule();
std::unique_ptr<engine::Rule> make_max_connections_high_rule();
std::unique_ptr<engine::Rule> make_memory_overcommit_rule();
std::unique_ptr<engine::Rule> make_shared_buffers_ratio_rule();
std::unique_ptr<engine::Rule> make_developer_settings_rule();
std::unique_ptr<engine::Rule> make_listen_all_rule();
std::unique_ptr<engine::Rule> make_log_statement_secrets_rule();
std::unique_ptr<engine::Rule> make_password_encryption_md5_rule();
std::unique_ptr<engine::Rule> make_password_in_setting_rule();
std::unique_ptr<engine::Rule> make_primary_conninfo_without_tls_rule();
std::unique_ptr<engine::Rule> make_ssl_ciphers_weak_rule();
std::unique_ptr<engine::Rule> make_ssl_min_protocol_rule();
std::unique_ptr<engine::Rule> make_ssl_off_rule();

// Every rule, in id order.
const std::vector<std::unique_ptr<engine::Rule>>& all_rules();
const engine::Rule* find_rule(std::string_view id_or_name);

}  // namespace pglint::rules
