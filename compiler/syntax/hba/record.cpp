// parse_hba_line (libpq/hba.c) for PostgreSQL 13-18: every check, in PostgreSQL's order,
// with its error text.
#include "compiler/syntax/hba/record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "compiler/catalog/list_syntax.hpp"

#include "compiler/syntax/hba/address.hpp"
#include "compiler/syntax/hba/regex_check.hpp"

namespace pglint::hba {

namespace {

struct Failure {
  std::string message;
  Span span;
};

// Options that only some methods take, and how PostgreSQL lists those methods.
struct MethodRestriction {
  std::vector<std::string_view> methods;
  std::string_view listed_as;
};

const MethodRestriction* restriction_for(std::string_view option, int major) {
  static const MethodRestriction map_until_17{{"ident", "peer", "gss", "sspi", "cert"}, "ident, peer, gssapi, sspi, and cert"};
  static const MethodRestriction map_from_18{{"ident", "peer", "gss", "sspi", "cert", "oauth"},
                                             "ident, peer, gssapi, sspi, cert, and oauth"};
  static const MethodRestriction pam{{"pam"}, "pam"};
  static const MethodRestriction ldap{{"ldap"}, "ldap"};
  static const MethodRestriction kerberos{{"gss", "sspi"}, "gssapi and sspi"};
  static const MethodRestriction sspi{{"sspi"}, "sspi"};
  static const MethodRestriction radius{{"radius"}, "radius"};
  static const MethodRestriction oauth{{"oauth"}, "oauth"};
  static const std::map<std::string_view, const MethodRestriction*> options = {
      {"pamservice", &pam},          {"pam_use_hostname", &pam},     {"ldapurl", &ldap},
      {"ldaptls", &ldap},            {"ldapscheme", &ldap},          {"ldapserver", &ldap},
      {"ldapport", &ldap},           {"ldapbinddn", &ldap},          {"ldapbindpasswd", &ldap},
      {"ldapsearchattribute", &ldap}, {"ldapsearchfilter", &ldap},   {"ldapbasedn", &ldap},
      {"ldapprefix", &ldap},         {"ldapsuffix", &ldap},          {"krb_realm", &kerberos},
      {"include_realm", &kerberos},  {"compat_realm", &sspi},        {"upn_username", &sspi},
      {"radiusservers", &radius},    {"radiusports", &radius},       {"radiussecrets", &radius},
      {"radiusidentifiers", &radius},
  };
  static const std::map<std::string_view, const MethodRestriction*> oauth_options = {
      {"issuer", &oauth}, {"scope", &oauth}, {"validator", &oauth}, {"delegate_ident_mapping", &oauth}};
  if (option == "map") return major >= 18 ? &map_from_18 : &map_until_17;
  if (auto it = options.find(option); it != options.end()) return it->second;
  if (major >= 18) {
    if (auto it = oauth_options.find(option); it != oauth_options.end()) return it->second;
  }
  return nullptr;
}

class RecordParser {
 public:
  RecordParser(const AuthFile& file, std::size_t line_index, const HbaContext& context)
      : line_(file.lines.at(line_index)), context_(context) {
    record_.line_index = line_index;
    record_.line_number = line_.line_number;
    record_.major = context.major;
  }

  std::variant<Record, RecordError> run() {
    if (auto failure = parse()) {
      return RecordError{record_.line_index, failure->message, failure->span, false};
    }
    return record_;
  }

 private:
  std::optional<Failure> parse() {
    if (auto f = connection_type()) return f;
    if (auto f = name_list("database", record_.databases)) return f;
    if (auto f = name_list("role", record_.users)) return f;
    if (record_.type != ConnectionType::Local) {
      if (auto f = address()) return f;
    }
    if (auto f = method()) return f;
    if (auto f = options()) return f;
    return mandatory_options();
  }

  // The next field, or nullopt at the end of the line.
  const Field* next_field() {
    if (field_ >= line_.fields.size()) return nullptr;
    return &line_.fields[field_++];
  }

  Span end_of_line() const {
    const Token& last = line_.fields.back().back();
    return last.from_at_file ? last.span : Span{last.span.end, last.span.end};
  }

  // Tokens read from an @file carry the span of the @file reference.
  static Span span_of(const Token& token) { return token.span; }

  std::optional<Failure> connection_type() {
    const Field& field = *next_field();
    if (field.size() > 1) return Failure{"multiple values specified for connection type", span_of(field[1])};
    const Token& token = field.front();
    record_.type_token = token;
    static const std::pair<std::string_view, ConnectionType> types[] = {
        {"local", ConnectionType::Local},           {"host", ConnectionType::Host},
        {"hostssl", ConnectionType::HostSsl},       {"hostnossl", ConnectionType::HostNoSsl},
        {"hostgssenc", ConnectionType::HostGssEnc}, {"hostnogssenc", ConnectionType::HostNoGssEnc},
    };
    for (const auto& [name, type] : types) {
      if (token.text == name) {
        record_.type = type;
        if (type == ConnectionType::HostSsl && context_.ssl_enabled == false) {
          record_.warning = "hostssl record cannot match because SSL is disabled";
        }
        return std::nullopt;
      }
    }
    return Failure{fmt::format("invalid connection type \"{}\"", token.text), span_of(token)};
  }

  std::optional<Failure> name_list(std::string_view what, Field& out) {
    const Field* field = next_field();
    if (!field) return Failure{fmt::format("end-of-line before {} specification", what), end_of_line()};
    out = *field;
    if (context_.major < 16) return std::nullopt;
    for (const Token& token : out) {
      // 16+: a token starting with '/' is a regular expression, quoted or not.
      bool keyword = is_keyword(token, "all") || is_keyword(token, "sameuser") || is_keyword(token, "samerole") ||
                     is_keyword(token, "samegroup") || is_keyword(token, "replication");
      if (keyword || token.text.empty() || token.text.front() != '/') continue;
      if (auto error = regex_error(std::string_view(token.text).substr(1))) {
        return Failure{fmt::format("invalid regular expression \"{}\": {}", token.text.substr(1), *error),
                       span_of(token)};
      }
    }
    return std::nullopt;
  }

  std::optional<Failure> address() {
    const Field* field = next_field();
    if (!field) return Failure{"end-of-line before IP address specification", end_of_line()};
    if (field->size() > 1) return Failure{"multiple values specified for host address", span_of((*field)[1])};
    const Token& token = field->front();
    Address address;
    address.span = span_of(token);
    address.text = token.text;
    if (is_keyword(token, "all")) {
      address.kind = AddressKind::All;
    } else if (is_keyword(token, "samehost")) {
      address.kind = AddressKind::SameHost;
    } else if (is_keyword(token, "samenet")) {
      address.kind = AddressKind::SameNet;
    } else if (auto f = network_address(token, address)) {
      return f;
    }
    record_.address = address;
    return std::nullopt;
  }

  std::optional<Failure> network_address(const Token& token, Address& address) {
    std::string text = token.text;
    std::size_t slash = text.find('/');
    std::string host = slash == std::string::npos ? text : text.substr(0, slash);
    NumericAddress numeric;
    std::string error;
    switch (parse_numeric_address(host, numeric, error)) {
      case AddressParse::Numeric:
        address.kind = AddressKind::Network;
        address.family = numeric.family;
        address.bytes = numeric.bytes;
        break;
      case AddressParse::NotNumeric:
        address.kind = AddressKind::HostName;
        address.host_name = host;
        break;
      case AddressParse::Invalid:
        return Failure{fmt::format("invalid IP address \"{}\": {}", host, error), span_of(token)};
    }
    if (slash != std::string::npos) {
      if (address.kind == AddressKind::HostName) {
        return Failure{fmt::format("specifying both host name and CIDR mask is invalid: \"{}\"", text), span_of(token)};
      }
      auto mask = cidr_mask(std::string_view(text).substr(slash + 1), address.family);
      if (!mask) return Failure{fmt::format("invalid CIDR mask in address \"{}\"", text), span_of(token)};
      address.mask = *mask;
      return std::nullopt;
    }
    if (address.kind == AddressKind::HostName) return std::nullopt;
    return netmask_column(address);
  }

  std::optional<Failure> netmask_column(Address& address) {
    const Field* field = next_field();
    if (!field) return Failure{"end-of-line before netmask specification", end_of_line()};
    if (field->size() > 1) return Failure{"multiple values specified for netmask", span_of((*field)[1])};
    const Token& token = field->front();
    NumericAddress mask;
    std::string error;
    AddressParse parsed = parse_numeric_address(token.text, mask, error);
    if (parsed != AddressParse::Numeric) {
      if (parsed == AddressParse::NotNumeric) error = "Name or service not known";
      return Failure{fmt::format("invalid IP mask \"{}\": {}", token.text, error), span_of(token)};
    }
    if (mask.family != address.family) return Failure{"IP address and mask do not match", span_of(token)};
    address.mask = mask.bytes;
    address.span.end = span_of(token).end;
    return std::nullopt;
  }

  std::optional<Failure> method() {
    const Field* field = next_field();
    if (!field) return Failure{"end-of-line before authentication method", end_of_line()};
    if (field->size() > 1) return Failure{"multiple values specified for authentication type", span_of((*field)[1])};
    const Token& token = field->front();
    record_.method_token = token;
    static const std::set<std::string> common = {"trust", "ident", "peer", "password", "gss", "sspi", "reject",
                                                 "md5", "scram-sha-256", "pam", "bsd", "ldap", "cert", "radius"};
    std::string method = token.text;
    bool known = common.contains(method) || (method == "oauth" && context_.major >= 18);
    if (!known) return Failure{fmt::format("invalid authentication method \"{}\"", method), span_of(token)};
    if (!method_supported_by_full_build(method)) {
      return Failure{fmt::format("invalid authentication method \"{}\": not supported by this build", method),
                     span_of(token)};
    }
    if (method == "md5" && context_.db_user_namespace && context_.major <= 16) {
      return Failure{"MD5 authentication is not supported when \"db_user_namespace\" is enabled", span_of(token)};
    }
    bool local = record_.type == ConnectionType::Local;
    if (local && method == "ident") method = "peer";  // PostgreSQL silently uses peer
    if (local && method == "gss") return Failure{"gssapi authentication is not supported on local sockets", span_of(token)};
    if (!local && method == "peer") {
      return Failure{"peer authentication is only supported on local sockets", span_of(token)};
    }
    if (record_.type != ConnectionType::HostSsl && method == "cert") {
      return Failure{"cert authentication is only supported on hostssl connections", span_of(token)};
    }
    record_.method = method;
    return std::nullopt;
  }

  std::optional<Failure> options() {
    while (const Field* field = next_field()) {
      for (const Token& token : *field) {
        std::size_t equals = token.text.find('=');
        if (equals == std::string::npos) {
          return Failure{fmt::format("authentication option not in name=value format: {}", token.text),
                         span_of(token)};
        }
        Option option{token.text.substr(0, equals), token.text.substr(equals + 1), span_of(token)};
        if (auto f = check_option(option)) return f;
        record_.options.push_back(std::move(option));
      }
    }
    return std::nullopt;
  }

  [[nodiscard]] bool method_is(const std::vector<std::string_view>& methods) const {
    return std::find(methods.begin(), methods.end(), record_.method) != methods.end();
  }

  Failure only_valid_for(const Option& option, std::string_view methods) const {
    return {fmt::format("authentication option \"{}\" is only valid for authentication methods {}", option.name,
                        methods),
            option.span};
  }

  // parse_hba_auth_opt: first which option it is and whether the method takes it, then
  // its value.
  std::optional<Failure> check_option(const Option& o) {
    if (o.name == "clientcert") return check_clientcert(o);
    if (o.name == "clientname" && context_.major >= 14) return check_clientname(o);
    const MethodRestriction* restriction = restriction_for(o.name, context_.major);
    if (!restriction) return Failure{fmt::format("unrecognized authentication option name: \"{}\"", o.name), o.span};
    if (!method_is(restriction->methods)) return only_valid_for(o, restriction->listed_as);
    if (o.name == "ldapport" && std::atoi(o.value.c_str()) == 0) {
      return Failure{fmt::format("invalid LDAP port number: \"{}\"", o.value), o.span};
    }
    if (o.name.starts_with("radius")) return check_radius_list(o);
    return std::nullopt;
  }

  std::optional<Failure> check_clientname(const Option& o) const {
    if (record_.type != ConnectionType::HostSsl) return Failure{"clientname can only be configured for \"hostssl\" rows", o.span};
    if (o.value != "CN" && o.value != "DN") return Failure{fmt::format("invalid value for clientname: \"{}\"", o.value), o.span};
    return std::nullopt;
  }

  // RADIUS options are comma lists (SplitGUCList); servers and ports are checked here,
  // their counts after all options are read.
  std::optional<Failure> check_radius_list(const Option& o) {
    static const std::map<std::string, std::string> list_names = {{"radiusservers", "server list"},
                                                                  {"radiusports", "port list"},
                                                                  {"radiussecrets", "secret list"},
                                                                  {"radiusidentifiers", "identifiers list"}};
    auto items = catalog::split_guc_list(o.value);
    if (!items) return Failure{fmt::format("could not parse RADIUS {} \"{}\"", list_names.at(o.name), o.value), o.span};
    if (o.name == "radiusports") {
      for (const auto& port : *items) {
        if (std::atoi(port.c_str()) == 0) return Failure{fmt::format("invalid RADIUS port number: \"{}\"", port), o.span};
      }
    }
    radius_counts_[o.name] = items->size();
    return std::nullopt;
  }

  std::optional<Failure> check_radius_counts() const {
    auto count = [&](const std::string& name) {
      auto it = radius_counts_.find(name);
      return it == radius_counts_.end() ? std::size_t{0} : it->second;
    };
    std::size_t servers = count("radiusservers");
    Span span = span_of(record_.method_token);
    auto mismatch = [&](const std::string& name, const char* what, bool zero_allowed) -> std::optional<Failure> {
      std::size_t n = count(name);
      if ((zero_allowed && n == 0) || n == 1 || n == servers) return std::nullopt;
      return Failure{fmt::format("the number of RADIUS {} ({}) must be 1 or the same as the number of RADIUS servers ({})",
                                 what, n, servers),
                     span};
    };
    if (auto f = mismatch("radiussecrets", "secrets", false)) return f;
    if (auto f = mismatch("radiusports", "ports", true)) return f;
    return mismatch("radiusidentifiers", "identifiers", true);
  }

  std::optional<Failure> check_clientcert(const Option& o) const {
    if (record_.type != ConnectionType::HostSsl) return Failure{"clientcert can only be configured for \"hostssl\" rows", o.span};
    bool cert = record_.method == "cert";
    if (context_.major <= 13) {
      if (o.value == "1" || o.value == "verify-ca" || o.value == "verify-full") return std::nullopt;
      if (o.value == "0" || o.value == "no-verify") {
        if (cert) return Failure{"clientcert cannot be set to \"no-verify\" when using \"cert\" authentication", o.span};
        return std::nullopt;
      }
      return Failure{fmt::format("invalid value for clientcert: \"{}\"", o.value), o.span};
    }
    if (o.value == "verify-full") return std::nullopt;
    if (o.value == "verify-ca") {
      if (cert) return Failure{"clientcert only accepts \"verify-full\" when using \"cert\" authentication", o.span};
      return std::nullopt;
    }
    return Failure{fmt::format("invalid value for clientcert: \"{}\"", o.value), o.span};
  }

  std::optional<Failure> mandatory_options() const {
    Span method_span = span_of(record_.method_token);
    auto requires_argument = [&](std::string_view argument) {
      return Failure{fmt::format("authentication method \"{}\" requires argument \"{}\" to be set", record_.method,
                                 argument),
                     method_span};
    };
    if (record_.method == "ldap") {
      bool prefix_mode = record_.option("ldapprefix") || record_.option("ldapsuffix");
      bool search_mode = record_.option("ldapbasedn") || record_.option("ldapbinddn") ||
                         record_.option("ldapbindpasswd") || record_.option("ldapsearchattribute") ||
                         record_.option("ldapsearchfilter");
      if (prefix_mode && search_mode) {
        return Failure{"cannot use ldapbasedn, ldapbinddn, ldapbindpasswd, ldapsearchattribute, ldapsearchfilter, or "
                       "ldapurl together with ldapprefix",
                       method_span};
      }
      if (!prefix_mode && !record_.option("ldapbasedn") && !record_.option("ldapurl")) {
        return Failure{"authentication method \"ldap\" requires argument \"ldapbasedn\", \"ldapprefix\", or "
                       "\"ldapsuffix\" to be set",
                       method_span};
      }
      if (record_.option("ldapsearchattribute") && record_.option("ldapsearchfilter")) {
        return Failure{"cannot use ldapsearchattribute together with ldapsearchfilter", method_span};
      }
    }
    if (record_.method == "radius") {
      // An empty list counts as not set.
      if (!radius_counts_.contains("radiusservers") || radius_counts_.at("radiusservers") == 0) {
        return requires_argument("radiusservers");
      }
      if (!radius_counts_.contains("radiussecrets") || radius_counts_.at("radiussecrets") == 0) {
        return requires_argument("radiussecrets");
      }
      if (auto f = check_radius_counts()) return f;
    }
    if (record_.method == "oauth") {
      if (!record_.option("issuer")) return requires_argument("issuer");
      if (!record_.option("scope")) return requires_argument("scope");
      if (context_.oauth_validator_libraries.empty()) {
        return Failure{"oauth_validator_libraries must be set for authentication method oauth", method_span};
      }
    }
    return std::nullopt;
  }

  const LogicalLine& line_;
  const HbaContext& context_;
  Record record_;
  std::size_t field_ = 0;
  std::map<std::string, std::size_t> radius_counts_;
};

}  // namespace

std::string_view connection_type_name(ConnectionType type) {
  switch (type) {
    case ConnectionType::Local: return "local";
    case ConnectionType::Host: return "host";
    case ConnectionType::HostSsl: return "hostssl";
    case ConnectionType::HostNoSsl: return "hostnossl";
    case ConnectionType::HostGssEnc: return "hostgssenc";
    case ConnectionType::HostNoGssEnc: return "hostnogssenc";
  }
  return "host";
}

bool method_supported_by_full_build(std::string_view method) { return method != "bsd" && method != "sspi"; }

const Option* Record::option(std::string_view name) const {
  for (const Option& option : options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

std::variant<Record, RecordError> parse_record(const AuthFile& file, std::size_t line_index, const HbaContext& context) {
  return RecordParser(file, line_index, context).run();
}

}  // namespace pglint::hba
