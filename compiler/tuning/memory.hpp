#pragma once
// The sizing formulas, in one place: the resource rules judge settings with them, `pglint fix`
// writes values with them, and `pglint compile` will too, so a value pglint writes can never be
// flagged by its own rules. RAM is what the intent declares, else the container's memory limit.
//
//   shared_buffers        25% of RAM (accepted: 15-40%)                  PostgreSQL docs, pgtune
//   effective_cache_size  75% of RAM (accepted: 40-90%, >= shared_buffers) pgtune
//   maintenance_work_mem  RAM/16, at most 2GB (flagged above 25% of RAM)  pgtune
//   peak memory           shared_buffers + wal_buffers + max_connections x work_mem
//                         + autovacuum workers x autovacuum memory <= 90% of RAM
//   max_connections       at most RAM / 9531392 (AWS RDS's default formula)
#include <optional>

namespace pglint::tuning {

inline constexpr double shared_buffers_share = 0.25;
inline constexpr double shared_buffers_min_share = 0.15;
inline constexpr double shared_buffers_max_share = 0.40;

inline constexpr double effective_cache_size_share = 0.75;
inline constexpr double effective_cache_size_min_share = 0.40;
inline constexpr double effective_cache_size_max_share = 0.90;

inline constexpr double maintenance_work_mem_share = 1.0 / 16;
inline constexpr double maintenance_work_mem_max_share = 0.25;
inline constexpr double maintenance_work_mem_cap = 2.0 * 1024 * 1024 * 1024;
inline constexpr double autovacuum_max_share = 0.5;  // all autovacuum workers together

inline constexpr double peak_memory_max_share = 0.9;
inline constexpr double bytes_per_connection = 9531392;

inline constexpr double mib = 1024.0 * 1024;

// What peak memory is made of, in bytes (counts for connections and workers).
struct MemoryUse {
  double shared_buffers = 0;
  double wal_buffers = 0;
  double connections = 0;
  double work_mem = 0;
  double autovacuum_workers = 3;
  double autovacuum_memory = 0;  // autovacuum_work_mem, else maintenance_work_mem

  [[nodiscard]] double peak() const;
};

// Recommended values in bytes, rounded down to whole MB.
double shared_buffers_for(double ram);
double effective_cache_size_for(double ram);
double maintenance_work_mem_for(double ram);
// The largest work_mem (whole MB, at least 1MB) that keeps the peak within its share of RAM;
// nullopt when even 1MB does not fit (the fix is then fewer connections, not less work_mem).
std::optional<double> work_mem_within(double ram, MemoryUse use);
// The most connections the RAM supports.
double max_connections_for(double ram);

// PostgreSQL's automatic wal_buffers (-1): 1/32 of shared_buffers, at most 16MB.
double automatic_wal_buffers(double shared_buffers);

}  // namespace pglint::tuning
