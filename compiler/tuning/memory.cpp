#include "compiler/tuning/memory.hpp"

#include <algorithm>
#include <cmath>

namespace pglint::tuning {

namespace {

double whole_mb(double bytes) { return std::floor(bytes / mib) * mib; }

}  // namespace

double MemoryUse::peak() const {
  return shared_buffers + wal_buffers + connections * work_mem + autovacuum_workers * autovacuum_memory;
}

double shared_buffers_for(double ram) { return whole_mb(ram * shared_buffers_share); }

double effective_cache_size_for(double ram) { return whole_mb(ram * effective_cache_size_share); }

double maintenance_work_mem_for(double ram) {
  return whole_mb(std::min(ram * maintenance_work_mem_share, maintenance_work_mem_cap));
}

std::optional<double> work_mem_within(double ram, MemoryUse use) {
  if (use.connections <= 0) return std::nullopt;
  use.work_mem = 0;
  double left = ram * peak_memory_max_share - use.peak();
  double work_mem = whole_mb(left / use.connections);
  if (work_mem < mib) return std::nullopt;
  return work_mem;
}

double max_connections_for(double ram) { return std::floor(ram / bytes_per_connection); }

double automatic_wal_buffers(double shared_buffers) { return std::min(shared_buffers / 32, 16.0 * mib); }

}  // namespace pglint::tuning
