#include "compiler/syntax/intent/intent.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>

#include "compiler/catalog/suggest.hpp"

namespace pglint::intent {

namespace {

constexpr unsigned long long kKiB = 1024ULL;
constexpr unsigned long long kMiB = kKiB * 1024;
constexpr unsigned long long kGiB = kMiB * 1024;
constexpr unsigned long long kTiB = kGiB * 1024;
// Bounds of `resources.memory`: anything outside is a typo ("8TB" for "8GB" is not, but
// "8PB" or "12kB" is).
constexpr unsigned long long kMinMemory = kMiB;
constexpr unsigned long long kMaxMemory = 1024 * kTiB;
// PostgreSQL's MAX_BACKENDS (2^18 - 1): the largest max_connections it accepts.
constexpr long long kMaxConnections = 262143;

template <typename E>
struct EnumName {
  std::string_view name;
  E value;
};

constexpr std::array<EnumName<Environment>, 3> kEnvironments{{{"production", Environment::Production},
                                                              {"staging", Environment::Staging},
                                                              {"development", Environment::Development}}};
constexpr std::array<EnumName<Role>, 2> kRoles{{{"primary", Role::Primary}, {"replica", Role::Replica}}};
constexpr std::array<EnumName<Storage>, 3> kStorages{
    {{"ssd", Storage::Ssd}, {"hdd", Storage::Hdd}, {"network", Storage::Network}}};
constexpr std::array<EnumName<Workload>, 4> kWorkloads{
    {{"web", Workload::Web}, {"oltp", Workload::Oltp}, {"analytics", Workload::Analytics}, {"mixed", Workload::Mixed}}};
constexpr std::array<EnumName<Exposure>, 3> kExposures{
    {{"private", Exposure::Private}, {"internal", Exposure::Internal}, {"public", Exposure::Public}}};
constexpr std::array<EnumName<TlsMode>, 3> kTlsModes{
    {{"off", TlsMode::Off}, {"preferred", TlsMode::Preferred}, {"required", TlsMode::Required}}};
constexpr std::array<EnumName<PasswordEncryption>, 2> kPasswordEncryptions{
    {{"scram-sha-256", PasswordEncryption::ScramSha256}, {"md5", PasswordEncryption::Md5}}};
// PostgreSQL's ssl_min_protocol_version values (TLSv1 and TLSv1.1 are insecure, but valid).
constexpr std::array<std::string_view, 4> kTlsVersions{"TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};

template <typename E, std::size_t N>
std::string_view name_of(const std::array<EnumName<E>, N>& names, E value) {
  for (const auto& entry : names) {
    if (entry.value == value) return entry.name;
  }
  return "";
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string quoted_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += fmt::format("\"{}\"", names[i]);
  }
  return out;
}

// The closest of `candidates` to `text`, when it is a plausible typo of it.
std::optional<std::string_view> closest(std::string_view text, const std::vector<std::string_view>& candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  for (std::string_view candidate : candidates) {
    if (lower(candidate) == lower(text)) return candidate;
    std::size_t distance = catalog::edit_distance(lower(text), lower(candidate));
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (best && best_distance <= std::max<std::size_t>(1, std::min(text.size(), best->size()) / 3)) return best;
  return std::nullopt;
}

std::string_view type_phrase(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

class Parser {
 public:
  explicit Parser(const SourceFilePtr& file) : file_(file) { intent_.file = file; }

  std::variant<Intent, std::vector<IntentError>> run() {
    const SourceFile& file = *file_;
    std::string_view text = file.text();
    if (file.looks_binary()) {
      std::size_t nul = text.find('\0');
      error(Span{nul, nul + 1}, "this is not a text file (it contains a NUL byte); an intent file is TOML");
      return errors_;
    }
    if (auto bad = file.first_invalid_utf8()) {
      error(Span{*bad, *bad + 1}, fmt::format("invalid UTF-8 (byte 0x{:02X}); TOML files must be UTF-8",
                                              static_cast<unsigned char>(text[*bad])));
      return errors_;
    }
    toml::table root;
    try {
      root = toml::parse(text, std::string_view(file.display_path()));
    } catch (const toml::parse_error& e) {
      std::size_t at = offset_of(e.source().begin);
      error(Span{at, std::min(at + 1, text.size())}, fmt::format("invalid TOML: {}", e.description()));
      return errors_;
    } catch (const std::exception& e) {
      error(Span{0, 0}, fmt::format("invalid TOML: {}", e.what()));
      return errors_;
    }
    walk_root(root);
    cross_check();
    if (!errors_.empty()) {
      std::stable_sort(errors_.begin(), errors_.end(),
                       [](const IntentError& a, const IntentError& b) { return a.span.begin < b.span.begin; });
      return errors_;
    }
    return std::move(intent_);
  }

 private:
  using Handler = std::function<void(const toml::node&, const std::string&)>;
  struct Key {
    std::string_view name;
    Handler handle;
  };

  // toml++ counts columns in code points after a BOM; pglint works in bytes.
  std::size_t offset_of(const toml::source_position& position) const {
    std::string_view text = file_->text();
    if (position.line == 0) return 0;
    if (position.line > file_->line_count()) return text.size();
    std::size_t offset = file_->line_start(position.line);
    if (position.line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") offset += 3;
    for (std::size_t column = 1; column < position.column && offset < text.size() && text[offset] != '\n'; ++column) {
      auto lead = static_cast<unsigned char>(text[offset]);
      std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      offset = std::min(offset + length, text.size());
    }
    return offset;
  }

  Span span_of(const toml::source_region& region) const {
    std::size_t begin = offset_of(region.begin);
    std::size_t end = region.end.line == 0 ? begin : std::max(begin, offset_of(region.end));
    return Span{begin, end};
  }

  Span span_of(const toml::node& node) const { return span_of(node.source()); }

  void error(Span span, std::string message) {
    LineColumn at = file_->position(span.begin);
    errors_.push_back(IntentError{std::move(message), at.line, at.column, span});
  }

  void walk(const toml::table& table, const std::string& prefix, const std::vector<Key>& keys) {
    for (auto&& [key, node] : table) {
      std::string path = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
      auto known = std::find_if(keys.begin(), keys.end(), [&](const Key& k) { return k.name == key.str(); });
      if (known == keys.end()) {
        std::vector<std::string_view> names;
        for (const Key& k : keys) names.push_back(k.name);
        std::string message = prefix.empty() ? fmt::format("unknown table [{}]", key.str())
                                             : fmt::format("unknown key \"{}\" in [{}]", key.str(), prefix);
        auto suggestion = closest(key.str(), names);
        if (prefix.empty() && !node.is_table()) {
          std::vector<std::string> tables;
          for (const Key& k : keys) tables.push_back(fmt::format("[{}]", k.name));
          message =
              fmt::format("unknown key \"{}\": every key belongs in a table ({})", key.str(), fmt::join(tables, ", "));
        } else if (suggestion) {
          message += prefix.empty() ? fmt::format("; did you mean [{}]?", *suggestion)
                                    : fmt::format("; did you mean \"{}\"?", *suggestion);
        } else {
          message += fmt::format("; known: {}", quoted_list(names));
        }
        Span span = span_of(key.source());
        error(span.empty() ? span_of(node) : span, std::move(message));
        continue;
      }
      intent_.key_spans[path] = span_of(node);
      known->handle(node, path);
    }
  }

  Handler section(std::vector<Key> keys) {
    return [this, keys = std::move(keys)](const toml::node& node, const std::string& path) {
      if (const toml::table* table = node.as_table()) {
        walk(*table, path, keys);
      } else {
        error(span_of(node), fmt::format("\"{}\" must be a table ([{}]), not {}", path, path, type_phrase(node)));
      }
    };
  }

  void wrong_type(const toml::node& node, const std::string& path, std::string_view expected) {
    error(span_of(node), fmt::format("\"{}\" must be {}, not {}", path, expected, type_phrase(node)));
  }

  std::optional<long long> integer(const toml::node& node, const std::string& path, long long min, long long max,
                                   std::string_view range_note = {}) {
    const auto* value = node.as_integer();
    if (!value) {
      wrong_type(node, path, "an integer");
      return std::nullopt;
    }
    long long number = value->get();
    if (number < min || number > max) {
      std::string message = fmt::format("\"{}\" = {} is out of range ({} to {})", path, number, min, max);
      if (!range_note.empty()) message += fmt::format(": {}", range_note);
      error(span_of(node), std::move(message));
      return std::nullopt;
    }
    return number;
  }

  std::optional<std::string> string(const toml::node& node, const std::string& path) {
    const auto* value = node.as_string();
    if (!value) {
      wrong_type(node, path, "a string");
      return std::nullopt;
    }
    return value->get();
  }

  std::optional<bool> boolean(const toml::node& node, const std::string& path) {
    const auto* value = node.as_boolean();
    if (!value) {
      wrong_type(node, path, "a boolean (true or false)");
      return std::nullopt;
    }
    return value->get();
  }

  template <typename E, std::size_t N>
  std::optional<E> enumeration(const toml::node& node, const std::string& path,
                               const std::array<EnumName<E>, N>& names) {
    std::vector<std::string_view> allowed;
    for (const auto& entry : names) allowed.push_back(entry.name);
    auto text = string(node, path);
    if (!text) return std::nullopt;
    for (const auto& entry : names) {
      if (entry.name == *text) return entry.value;
    }
    std::string message = fmt::format("\"{}\" = \"{}\" is not one of {}", path, *text, quoted_list(allowed));
    if (auto suggestion = closest(*text, allowed)) message += fmt::format("; did you mean \"{}\"?", *suggestion);
    error(span_of(node), std::move(message));
    return std::nullopt;
  }

  void walk_root(const toml::table& root) {
    walk(root, "",
         {
             {"cluster", section({
                             {"name",
                              [this](const toml::node& n, const std::string& p) {
                                if (auto v = string(n, p)) {
                                  if (v->empty()) {
                                    error(span_of(n), fmt::format("\"{}\" must not be empty", p));
                                  } else {
                                    intent_.name = *v;
                                  }
                                }
                              }},
                             {"postgres_version",
                              [this](const toml::node& n, const std::string& p) {
                                if (auto v = integer(n, p, min_postgres_version, max_postgres_version,
                                                     "pglint knows PostgreSQL 13 to 18")) {
                                  intent_.postgres_version = static_cast<int>(*v);
                                }
                              }},
                             {"environment",
                              [this](const toml::node& n, const std::string& p) {
                                if (auto v = enumeration(n, p, kEnvironments)) intent_.environment = *v;
                              }},
                             {"role",
                              [this](const toml::node& n, const std::string& p) {
                                if (auto v = enumeration(n, p, kRoles)) intent_.role = *v;
                              }},
                             {"replicas",
                              [this](const toml::node& n, const std::string& p) {
                                if (auto v = integer(n, p, 0, 100)) intent_.replicas = static_cast<int>(*v);
                              }},
                         })},
             {"resources", section({
                               {"memory", [this](const toml::node& n, const std::string& p) { memory(n, p); }},
                               {"cpus",
                                [this](const toml::node& n, const std::string& p) {
                                  if (auto v = integer(n, p, 1, 4096)) intent_.cpus = static_cast<int>(*v);
                                }},
                               {"storage",
                                [this](const toml::node& n, const std::string& p) {
                                  if (auto v = enumeration(n, p, kStorages)) intent_.storage = *v;
                                }},
                               {"workload",
                                [this](const toml::node& n, const std::string& p) {
                                  if (auto v = enumeration(n, p, kWorkloads)) intent_.workload = *v;
                                }},
                               {"max_connections",
                                [this](const toml::node& n, const std::string& p) {
                                  if (auto v = integer(n, p, 1, kMaxConnections,
                                                       "PostgreSQL allows at most 262143 connections")) {
                                    intent_.max_connections = static_cast<int>(*v);
                                  }
                                }},
                           })},
             {"network", section({
                             {"exposure",
                              [this](const toml::node& n, const std::string& p) {
                                if (auto v = enumeration(n, p, kExposures)) intent_.exposure = *v;
                              }},
                             {"allowed_cidrs", [this](const toml::node& n, const std::string& p) { cidrs(n, p); }},
                             {"listen_addresses",
                              [this](const toml::node& n, const std::string& p) { listen_addresses(n, p); }},
                         })},
             {"tls", section({
                         {"mode",
                          [this](const toml::node& n, const std::string& p) {
                            if (auto v = enumeration(n, p, kTlsModes)) intent_.tls_mode = *v;
                          }},
                         {"min_version", [this](const toml::node& n, const std::string& p) { tls_version(n, p); }},
                     })},
             {"auth", section({
                          {"password_encryption",
                           [this](const toml::node& n, const std::string& p) {
                             if (auto v = enumeration(n, p, kPasswordEncryptions)) intent_.password_encryption = *v;
                           }},
                      })},
             {"backup", section({
                            {"archiving",
                             [this](const toml::node& n, const std::string& p) {
                               if (auto v = boolean(n, p)) intent_.archiving = *v;
                             }},
                            {"pitr",
                             [this](const toml::node& n, const std::string& p) {
                               if (auto v = boolean(n, p)) intent_.pitr = *v;
                             }},
                        })},
         });
  }

  void memory(const toml::node& node, const std::string& path) {
    if (node.is_integer() || node.is_floating_point()) {
      error(span_of(node), fmt::format("\"{}\" needs a unit: write it as a string such as \"8GB\" or \"512MB\"", path));
      return;
    }
    auto text = string(node, path);
    if (!text) return;
    std::string problem;
    auto bytes = parse_memory(*text, problem);
    if (!bytes) {
      error(span_of(node), fmt::format("\"{}\" = \"{}\": {}", path, *text, problem));
      return;
    }
    if (*bytes < kMinMemory || *bytes > kMaxMemory) {
      error(span_of(node), fmt::format("\"{}\" = \"{}\" is out of range (1MB to 1024TB)", path, *text));
      return;
    }
    intent_.memory_bytes = *bytes;
  }

  // Calls `each` with the path and text of every string element of an array (errors for the rest).
  template <typename Each>
  void for_each_string(const toml::node& node, const std::string& path, std::string_view expected, Each each) {
    const toml::array* array = node.as_array();
    if (!array) {
      wrong_type(node, path, expected);
      return;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      std::string element_path = fmt::format("{}[{}]", path, i);
      intent_.key_spans[element_path] = span_of(element);
      if (auto text = string(element, element_path)) each(element, element_path, *text);
    }
  }

  void cidrs(const toml::node& node, const std::string& path) {
    for_each_string(node, path, "an array of CIDR strings such as [\"10.0.0.0/8\"]",
                    [&](const toml::node& element, const std::string& element_path, const std::string& text) {
                      std::string problem;
                      if (!valid_cidr(text, problem)) {
                        error(span_of(element), fmt::format("\"{}\" = \"{}\": {}", element_path, text, problem));
                        return;
                      }
                      intent_.allowed_cidrs.push_back(text);
                    });
  }

  // Host names or addresses of the server's interfaces: what listen_addresses may list.
  void listen_addresses(const toml::node& node, const std::string& path) {
    static constexpr std::string_view allowed =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:_";
    for_each_string(node, path, "an array of host names or addresses such as [\"localhost\", \"10.0.0.12\"]",
                    [&](const toml::node& element, const std::string& element_path, const std::string& text) {
                      bool plain = !text.empty() && text.find_first_not_of(allowed) == std::string::npos;
                      if (!plain || text == "0.0.0.0" || text == "::") {
                        error(span_of(element), fmt::format("\"{}\" = \"{}\": name one interface by host name or "
                                                            "address (not *, 0.0.0.0 or ::)",
                                                            element_path, text));
                        return;
                      }
                      intent_.listen_addresses.push_back(text);
                    });
  }

  void tls_version(const toml::node& node, const std::string& path) {
    auto text = string(node, path);
    if (!text) return;
    if (std::find(kTlsVersions.begin(), kTlsVersions.end(), *text) != kTlsVersions.end()) {
      intent_.tls_min_version = *text;
      return;
    }
    std::vector<std::string_view> allowed(kTlsVersions.begin(), kTlsVersions.end());
    std::string message = fmt::format("\"{}\" = \"{}\" is not one of {}", path, *text, quoted_list(allowed));
    if (auto suggestion = closest(*text, allowed)) message += fmt::format("; did you mean \"{}\"?", *suggestion);
    error(span_of(node), std::move(message));
  }

  // Contradictions inside the intent itself.
  void cross_check() {
    if (intent_.tls_mode == TlsMode::Off && intent_.key_spans.count("tls.min_version")) {
      error(intent_.key_spans["tls.min_version"],
            "\"tls.min_version\" means nothing with tls.mode = \"off\"; remove it or turn TLS on");
    }
    if (intent_.pitr == true && intent_.archiving == false) {
      error(intent_.key_spans["backup.pitr"],
            "point-in-time recovery needs WAL archiving, but backup.archiving = false");
    }
    if (intent_.pitr == true && !intent_.archiving) intent_.archiving = true;
    if (intent_.exposure != Exposure::Public) {
      for (std::size_t i = 0; i < intent_.allowed_cidrs.size(); ++i) {
        const std::string& cidr = intent_.allowed_cidrs[i];
        if (cidr == "0.0.0.0/0" || cidr == "::/0") {
          error(intent_.key_spans[fmt::format("network.allowed_cidrs[{}]", i)],
                fmt::format("\"{}\" allows every address, which contradicts network.exposure = \"{}\"", cidr,
                            exposure_name(intent_.exposure)));
        }
      }
    }
  }

  SourceFilePtr file_;
  Intent intent_;
  std::vector<IntentError> errors_;
};

struct MemoryUnit {
  std::string_view name;
  unsigned long long multiplier;
};

constexpr std::array<MemoryUnit, 9> kMemoryUnits{{{"B", 1},
                                                  {"kB", kKiB},
                                                  {"MB", kMiB},
                                                  {"GB", kGiB},
                                                  {"TB", kTiB},
                                                  {"KiB", kKiB},
                                                  {"MiB", kMiB},
                                                  {"GiB", kGiB},
                                                  {"TiB", kTiB}}};

// A unit written in the wrong case or Docker's way ("gb", "KB", "2g") -> the one meant.
std::optional<std::string_view> unit_hint(std::string_view unit) {
  std::string l = lower(unit);
  if (l == "b") return "B";
  if (l == "k" || l == "kb") return "kB";
  if (l == "m" || l == "mb") return "MB";
  if (l == "g" || l == "gb") return "GB";
  if (l == "t" || l == "tb") return "TB";
  if (l == "kib") return "KiB";
  if (l == "mib") return "MiB";
  if (l == "gib") return "GiB";
  if (l == "tib") return "TiB";
  return std::nullopt;
}

}  // namespace

Span Intent::span_of(const std::string& key) const {
  auto it = key_spans.find(key);
  return it == key_spans.end() ? Span{0, 0} : it->second;
}

std::variant<Intent, std::vector<IntentError>> parse_intent(const SourceFilePtr& file) { return Parser(file).run(); }

std::optional<unsigned long long> parse_memory(std::string_view text, std::string& error) {
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t i = 0;
  while (i < text.size() && is_blank(text[i])) ++i;
  std::size_t digits_begin = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  std::string_view whole = text.substr(digits_begin, i - digits_begin);
  std::string_view fraction;
  if (i < text.size() && text[i] == '.') {
    std::size_t fraction_begin = ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    fraction = text.substr(fraction_begin, i - fraction_begin);
    if (fraction.empty()) {
      error = "expected digits after the decimal point";
      return std::nullopt;
    }
  }
  if (whole.empty()) {
    error = "expected a number followed by a unit, such as \"8GB\" or \"512MB\"";
    return std::nullopt;
  }
  while (i < text.size() && is_blank(text[i])) ++i;
  std::size_t unit_end = text.size();
  while (unit_end > i && is_blank(text[unit_end - 1])) --unit_end;
  std::string_view unit = text.substr(i, unit_end - i);
  if (unit.empty()) {
    error = "a memory size needs a unit (B, kB, MB, GB, TB, KiB, MiB, GiB or TiB), such as \"8GB\"";
    return std::nullopt;
  }
  auto found =
      std::find_if(kMemoryUnits.begin(), kMemoryUnits.end(), [&](const MemoryUnit& u) { return u.name == unit; });
  if (found == kMemoryUnits.end()) {
    error = fmt::format(
        "unknown unit \"{}\": units are case-sensitive as in PostgreSQL (B, kB, MB, GB, TB; or KiB, "
        "MiB, GiB, TiB, all 1024-based)",
        unit);
    if (auto hint = unit_hint(unit)) error += fmt::format("; did you mean \"{}\"?", *hint);
    return std::nullopt;
  }
  if (whole.size() > 15) {
    error = "the number is too large";
    return std::nullopt;
  }
  long double value = std::stold(std::string(whole) + (fraction.empty() ? "" : "." + std::string(fraction)));
  long double bytes = std::round(value * static_cast<long double>(found->multiplier));
  if (bytes > static_cast<long double>(1ULL << 62)) {
    error = "the number is too large";
    return std::nullopt;
  }
  return static_cast<unsigned long long>(bytes);
}

bool valid_cidr(std::string_view text, std::string& error) {
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    error = "expected an address and a prefix length, such as \"10.0.0.0/8\" or \"192.0.2.7/32\"";
    return false;
  }
  std::string address(text.substr(0, slash));
  std::string_view bits_text = text.substr(slash + 1);
  std::array<unsigned char, 16> bytes{};
  int family = 0;
  if (inet_pton(AF_INET, address.c_str(), bytes.data()) == 1) {
    family = AF_INET;
  } else if (inet_pton(AF_INET6, address.c_str(), bytes.data()) == 1) {
    family = AF_INET6;
  } else {
    error = fmt::format("\"{}\" is not a numeric IPv4 or IPv6 address", address);
    return false;
  }
  int max_bits = family == AF_INET ? 32 : 128;
  if (bits_text.empty() || bits_text.size() > 3 ||
      !std::all_of(bits_text.begin(), bits_text.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      std::stoi(std::string(bits_text)) > max_bits) {
    error = fmt::format("the prefix length must be a number from 0 to {}", max_bits);
    return false;
  }
  int bits = std::stoi(std::string(bits_text));
  std::array<unsigned char, 16> network = bytes;
  for (int i = bits; i < max_bits; ++i) {
    network[static_cast<std::size_t>(i / 8)] &= static_cast<unsigned char>(~(0x80 >> (i % 8)));
  }
  if (network != bytes) {
    std::array<char, INET6_ADDRSTRLEN> buffer{};
    inet_ntop(family, network.data(), buffer.data(), buffer.size());
    error = fmt::format("host bits are set after /{}; did you mean \"{}/{}\"?", bits, buffer.data(), bits);
    return false;
  }
  return true;
}

std::string_view environment_name(Environment value) { return name_of(kEnvironments, value); }
std::string_view role_name(Role value) { return name_of(kRoles, value); }
std::string_view storage_name(Storage value) { return name_of(kStorages, value); }
std::string_view workload_name(Workload value) { return name_of(kWorkloads, value); }
std::string_view exposure_name(Exposure value) { return name_of(kExposures, value); }
std::string_view tls_mode_name(TlsMode value) { return name_of(kTlsModes, value); }
std::string_view password_encryption_name(PasswordEncryption value) { return name_of(kPasswordEncryptions, value); }

nlohmann::ordered_json intent_json(const Intent& intent) {
  using nlohmann::ordered_json;
  auto optional = [](const auto& value, auto convert) -> ordered_json {
    if (!value) return nullptr;
    return convert(*value);
  };
  auto same = [](const auto& v) { return ordered_json(v); };
  ordered_json root;
  root["kind"] = "intent";
  root["path"] = intent.file ? intent.file->display_path() : "";
  root["cluster"] = {{"name", optional(intent.name, same)},
                     {"postgres_version", optional(intent.postgres_version, same)},
                     {"environment", environment_name(intent.environment)},
                     {"role", role_name(intent.role)},
                     {"replicas", optional(intent.replicas, same)}};
  root["resources"] = {
      {"memory_bytes", optional(intent.memory_bytes, same)},
      {"cpus", optional(intent.cpus, same)},
      {"storage", optional(intent.storage, [](Storage s) { return ordered_json(storage_name(s)); })},
      {"workload", optional(intent.workload, [](Workload w) { return ordered_json(workload_name(w)); })},
      {"max_connections", optional(intent.max_connections, same)}};
  root["network"] = {{"exposure", exposure_name(intent.exposure)},
                     {"allowed_cidrs", intent.allowed_cidrs},
                     {"listen_addresses", intent.listen_addresses}};
  root["tls"] = {{"mode", tls_mode_name(intent.tls_mode)}, {"min_version", optional(intent.tls_min_version, same)}};
  root["auth"] = {{"password_encryption", optional(intent.password_encryption, [](PasswordEncryption p) {
                     return ordered_json(password_encryption_name(p));
                   })}};
  root["backup"] = {{"archiving", optional(intent.archiving, same)}, {"pitr", optional(intent.pitr, same)}};
  return root;
}

std::string format_error(const SourceFile& file, const IntentError& error) {
  return fmt::format("{}:{}:{}: {}", file.display_path(), error.line, error.column, error.message);
}

}  // namespace pglint::intent
