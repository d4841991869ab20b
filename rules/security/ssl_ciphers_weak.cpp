// S103 ssl-ciphers-weak: cipher lists that allow weak or anonymous TLS 1.2 suites.
#include <fmt/format.h>

#include <set>

#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S103",
    .name = "ssl-ciphers-weak",
    .summary = "ssl_ciphers allows weak, unauthenticated or non-forward-secret TLS 1.2 suites",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "With TLS on, reads the OpenSSL cipher string of `ssl_ciphers` and reports enabled weak classes "
                "(ALL, LOW, EXP, NULL, eNULL, MEDIUM, 3DES, DES, RC4, MD5, SEED, IDEA, RC2, aNULL, ADH, AECDH), and "
                "HIGH, ALL or DEFAULT without `!aNULL` (anonymous suites). PostgreSQL's default "
                "'HIGH:MEDIUM:+3DES:!aNULL' is reported: it enables MEDIUM and 3DES. The strict profile also wants "
                "static-RSA key exchange excluded (`!kRSA`). ssl_ciphers only governs TLS 1.2 and older; TLS 1.3 "
                "suites are all strong.",
        .why = "A client that offers only weak suites gets one: 3DES is open to Sweet32, RC4 and MD5 are broken, "
               "anonymous suites have no server authentication at all (a man in the middle needs nothing), and "
               "static RSA loses forward secrecy.",
        .example = "ssl_ciphers = 'HIGH:MEDIUM:+3DES:!aNULL'",
        .use_instead = "ssl_ciphers = 'HIGH:!aNULL:!eNULL:!MEDIUM:!3DES:!MD5:!RC4:!kRSA'\nssl_min_protocol_version = 'TLSv1.3'",
        .fix_safety = "Unsafe: the fix sets ssl_ciphers = 'HIGH:!aNULL:!eNULL:!MEDIUM:!3DES:!MD5:!RC4:!kRSA'. A "
                      "TLS 1.2 client that offers only suites this removes (3DES, static RSA) is refused after "
                      "the reload; TLS 1.3 clients are not affected.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-SSL-CIPHERS",
                       "https://docs.openssl.org/master/man1/openssl-ciphers/"},
        .profiles = "balanced and cis: weak and anonymous classes. strict: also static RSA key exchange.",
    },
    .cis = {"6.8"}};

// Accepted by every profile: no weak class, anonymous suites and static RSA excluded.
constexpr std::string_view strong_ciphers = "HIGH:!aNULL:!eNULL:!MEDIUM:!3DES:!MD5:!RC4:!kRSA";

std::vector<std::string> split_cipher_string(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : text + ":") {
    if (c == ':' || c == ',' || c == ' ') {
      if (!current.empty()) parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  return parts;
}

class SslCiphersWeakRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (view_setting(d, set, "ssl").boolean() != true) return;
    auto view = view_setting(d, set, "ssl_ciphers");
    std::vector<std::string> weak;
    std::set<std::string> excluded;
    bool broad = false;
    for (const std::string& part : split_cipher_string(view.text())) {
      if (part.front() == '!' || part.front() == '-') {
        excluded.insert(part.substr(1));
        continue;
      }
      std::string name = part.front() == '+' ? part.substr(1) : part;
      static const std::set<std::string> weak_classes = {"ALL", "LOW", "EXP", "EXPORT", "NULL", "eNULL", "aNULL",
                                                         "MEDIUM", "3DES", "DES", "RC4", "MD5", "SEED", "IDEA",
                                                         "RC2", "ADH", "AECDH", "COMPLEMENTOFALL"};
      if (weak_classes.contains(name) && !excluded.contains(name)) weak.push_back(name);
      broad = broad || name == "HIGH" || name == "ALL" || name == "DEFAULT";
    }
    if (broad && !excluded.contains("aNULL") && !excluded.contains("ADH")) weak.push_back("anonymous suites (no !aNULL)");
    if (d.profile == model::Profile::Strict && !excluded.contains("kRSA") && !excluded.contains("RSA")) {
      weak.push_back("static RSA key exchange (no !kRSA)");
    }
    if (weak.empty()) return;
    std::string list;
    for (const auto& w : weak) list += (list.empty() ? "" : ", ") + w;
    auto& finding = report_setting(
        sink, view, fmt::format("ssl_ciphers '{}'{} enables {}", view.text(), view.is_set() ? "" : " (the default)", list),
        fmt::format("for example ssl_ciphers = '{}'", strong_ciphers));
    // Unsafe: a TLS 1.2 client that offers only the removed suites is refused.
    attach_set_value_fix(finding, view, strong_ciphers, "S103 ssl-ciphers-weak", engine::Applicability::Unsafe);
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_ssl_ciphers_weak_rule() { return std::make_unique<SslCiphersWeakRule>(); }

}  // namespace pglint::rules
