// S101 ssl-off: no TLS although the server listens on the network.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S101",
    .name = "ssl-off",
    .summary = "TLS is off although the server accepts network connections",
    .category = engine::Category::Security,
    .severity = engine::Severity::Error,
    .docs = {
        .what = "Reports `ssl = off` (the default) when `listen_addresses` is anything but loopback addresses, "
                "or when the intent requires TLS.",
        .why = "Without TLS, passwords exchanged with md5 or password methods, every query and every result "
               "cross the network readable and alterable by anyone on the path. CIS PostgreSQL 16 Benchmark 6.8.",
        .example = "listen_addresses = '*'\nssl = off",
        .use_instead = "listen_addresses = '*'\nssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'",
        .references = {"https://www.postgresql.org/docs/current/ssl-tcp.html"},
    },
    .cis = {"6.8"},
    .stig = {"V-233538"}};

bool loopback_only(const std::string& addresses) {
  std::string current;
  auto is_loopback = [](const std::string& a) { return a == "localhost" || a.starts_with("127.") || a == "::1"; };
  bool all = true;
  for (char c : addresses + ",") {
    if (c == ',' || c == ' ') {
      if (!current.empty()) all = all && is_loopback(current);
      current.clear();
    } else {
      current += c;
    }
  }
  return all;  // an empty list means Unix sockets only
}

class SslOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto ssl = view_setting(d, set, "ssl");
    if (ssl.boolean() != false) return;
    std::string listen = view_setting(d, set, "listen_addresses").text();
    bool required = d.facts.tls_mode == model::TlsMode::Required;
    if (loopback_only(listen) && !required) return;
    std::string why = required ? "the intent requires TLS" : fmt::format("listen_addresses = '{}'", listen);
    report_setting(sink, ssl, fmt::format("TLS is off ({}): traffic and passwords cross the network in clear", why),
                   "set ssl = on with ssl_cert_file and ssl_key_file, and use hostssl lines in pg_hba.conf");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_ssl_off_rule() { return std::make_unique<SslOffRule>(); }

}  // namespace pglint::rules
