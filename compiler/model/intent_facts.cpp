#include "compiler/model/intent_facts.hpp"

namespace pglint::model {

Facts facts_from_intent(const intent::Intent& in) {
  Facts facts;
  facts.environment = static_cast<Environment>(in.environment);
  if (in.memory_bytes) {
    facts.memory_bytes = static_cast<double>(*in.memory_bytes);
    facts.memory_source = in.file ? in.file->display_path() : "the intent";
  }
  facts.cpus = in.cpus;
  if (in.storage) facts.storage = static_cast<Storage>(*in.storage);
  if (in.workload) facts.workload = static_cast<Workload>(*in.workload);
  facts.max_connections = in.max_connections;
  facts.exposure = static_cast<Exposure>(in.exposure);
  facts.listen_addresses = in.listen_addresses;
  facts.tls_mode = static_cast<TlsMode>(in.tls_mode);
  facts.tls_min_version = in.tls_min_version;
  return facts;
}

}  // namespace pglint::model

// The conversions above rely on both enums listing their values in the same order.
static_assert(static_cast<int>(pglint::intent::Storage::Network) == static_cast<int>(pglint::model::Storage::Network));
static_assert(static_cast<int>(pglint::intent::Workload::Mixed) == static_cast<int>(pglint::model::Workload::Mixed));
static_assert(static_cast<int>(pglint::intent::Exposure::Public) == static_cast<int>(pglint::model::Exposure::Public));
static_assert(static_cast<int>(pglint::intent::TlsMode::Required) == static_cast<int>(pglint::model::TlsMode::Required));
static_assert(static_cast<int>(pglint::intent::Environment::Development) ==
              static_cast<int>(pglint::model::Environment::Development));
