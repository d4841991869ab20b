#include "rules/hba/hba_support.hpp"

#include <fmt/format.h>

namespace pglint::rules {

void for_each_record(const model::Deployment& deployment,
                     const std::function<void(const model::HbaSet&, const model::HbaRecord&)>& visit) {
  for (const model::HbaSet& set : deployment.hba_sets) {
    for (const model::HbaRecord& record : set.records) visit(set, record);
  }
}

Span record_span(const model::HbaRecord& record) {
  const hba::LogicalLine& line = record.file->tree.lines.at(record.record.line_index);
  Span span = line.span;
  std::string_view text = record.file->tree.file->text(span);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
    --span.end;
  }
  return span;
}

bool is_network_record(const hba::Record& record) { return record.type != hba::ConnectionType::Local; }

bool is_loopback_only(const hba::Record& record) {
  if (!record.address || record.address->kind != hba::AddressKind::Network) return false;
  const hba::Address& a = *record.address;
  if (a.family == 4) return a.bytes[0] == 127 && a.mask[0] == 0xFF;
  for (std::size_t i = 0; i < 16; ++i) {
    unsigned char expected = i == 15 ? 1 : 0;
    if (a.mask[i] != 0xFF || a.bytes[i] != expected) return false;
  }
  return true;
}

bool is_whole_internet(const hba::Record& record) {
  if (!record.address) return false;
  const hba::Address& a = *record.address;
  if (a.kind == hba::AddressKind::All) return true;
  if (a.kind != hba::AddressKind::Network) return false;
  for (unsigned char byte : a.mask) {
    if (byte != 0) return false;
  }
  return true;
}

std::string describe_address(const hba::Record& record) {
  if (!record.address) return "the local socket";
  if (record.address->kind == hba::AddressKind::All) return "any address";
  return fmt::format("\"{}\"", record.address->text);
}

bool admits_role(const hba::Record& record, std::string_view role) {
  for (const hba::Token& token : record.users) {
    if (hba::is_keyword(token, "all") || (token.text == role && !token.text.starts_with("+"))) return true;
  }
  return false;
}

std::optional<std::string> conf_text(const model::Deployment& deployment, const model::HbaSet& set,
                                     std::string_view name) {
  if (!set.conf) return std::nullopt;
  return effective_text(deployment, *set.conf, name);
}

}  // namespace pglint::rules
