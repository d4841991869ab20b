// S102 ssl-min-protocol: old TLS versions allowed.
#include <fmt/format.h>
#include <strings.h>

#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S102",
    .name = "ssl-min-protocol",
    .summary = "ssl_min_protocol_version allows an older TLS version than required",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "With TLS on, reports `ssl_min_protocol_version` below TLSv1.2 (an error), and below the intent's "
                "`tls.min_version` or, in the strict profile, below TLSv1.3 (a warning).",
        .why = "TLS 1.0 and 1.1 are deprecated (RFC 8996) and allow downgrade and CBC attacks. TLS 1.3 removes "
               "the remaining weak key exchanges; PostgreSQL's default minimum is TLSv1.2.",
        .example = "ssl_min_protocol_version = 'TLSv1'",
        .use_instead = "ssl_min_protocol_version = 'TLSv1.3'",
        .fix_safety = "Unsafe: the fix raises ssl_min_protocol_version to what is required (the intent's "
                      "tls.min_version, TLSv1.3 in the strict profile, else TLSv1.2). A client that only speaks "
                      "an older TLS version is refused after the reload. No fix when ssl_max_protocol_version "
                      "is below the new minimum.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-SSL-MIN-PROTOCOL-VERSION",
                       "RFC 8996"},
        .profiles = "balanced and cis: TLSv1.2 is enough unless the intent asks for more. strict: TLSv1.3.",
    },
    .cis = {"6.8"}};

int rank(const std::string& version) {
  if (version == "TLSv1") return 10;
  if (version == "TLSv1.1") return 11;
  if (version == "TLSv1.2") return 12;
  if (version == "TLSv1.3") return 13;
  return 0;
}

class SslMinProtocolRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    if (view_setting(d, set, "ssl").boolean() != true) return;
    auto view = view_setting(d, set, "ssl_min_protocol_version");
    std::string version = view.parameter ? view.parameter->enum_values.empty() ? view.text() : canonical(view) : "";
    int have = rank(version);
    if (have == 0) return;
    std::string wanted = d.facts.tls_min_version.value_or(d.profile == model::Profile::Strict ? "TLSv1.3" : "TLSv1.2");
    if (have < 12) {
      auto& finding =
          report_setting(sink, view, fmt::format("TLS versions from {} are allowed; TLS 1.0 and 1.1 are broken", version),
                         "set ssl_min_protocol_version = 'TLSv1.2' or 'TLSv1.3'");
      finding.severity = engine::Severity::Error;
      attach_fix(finding, d, set, view, rank(wanted) > 12 ? wanted : "TLSv1.2");
      return;
    }
    if (have >= rank(wanted)) return;
    std::string source = d.facts.tls_min_version ? "the intent requires" : "the strict profile requires";
    auto& finding = report_setting(sink, view,
                                   fmt::format("ssl_min_protocol_version is {}{} but {} {}", version,
                                               view.is_set() ? "" : " (the default)", source, wanted),
                                   fmt::format("set ssl_min_protocol_version = '{}'", wanted));
    attach_fix(finding, d, set, view, wanted);
  }

 private:
  // Unsafe: clients limited to older TLS versions are refused. None when the maximum is
  // below the new minimum: PostgreSQL could not set up TLS at all.
  static void attach_fix(engine::Diagnostic& finding, const model::Deployment& d, const model::ConfSet& set,
                         const SettingView& view, const std::string& version) {
    std::string max = view_setting(d, set, "ssl_max_protocol_version").text();
    if (!max.empty() && rank(max) < rank(version)) return;
    attach_set_value_fix(finding, view, version, "S102 ssl-min-protocol", engine::Applicability::Unsafe);
  }

  // The spelling from the catalogue (the value is case-insensitive).
  static std::string canonical(const SettingView& view) {
    for (const auto& option : view.parameter->enum_values) {
      if (option.size() == view.text().size() && strncasecmp(option.c_str(), view.text().c_str(), option.size()) == 0) {
        return option;
      }
    }
    return view.text();
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_ssl_min_protocol_rule() { return std::make_unique<SslMinProtocolRule>(); }

}  // namespace pglint::rules
