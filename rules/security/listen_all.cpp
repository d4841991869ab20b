// S107 listen-all: listening on every interface of a host that should be private.
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "S107",
    .name = "listen-all",
    .summary = "listen_addresses = '*' opens PostgreSQL on every network interface",
    .category = engine::Category::Security,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "Reports `listen_addresses` of `*`, `0.0.0.0` or `::`. In the balanced profile only when the "
                "intent says the server is private or internal and it does not run in a container (inside a "
                "container `*` binds the container's own interfaces, and the network boundary is the container "
                "network and its published ports).",
        .why = "Every interface of the host, public ones included, then accepts connections; pg_hba.conf becomes "
               "the only barrier. CIS PostgreSQL 16 Benchmark 5.2 asks for the specific addresses clients use.",
        .example = "listen_addresses = '*'",
        .use_instead = "listen_addresses = 'localhost,10.0.0.12'",
        .fix_safety = "Unsafe, and only when the intent lists the server's addresses (network.listen_addresses): the fix writes them; clients that reach the server by another address are refused, after a restart.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-LISTEN-ADDRESSES"},
        .profiles = "balanced: hosts whose intent exposure is private or internal, outside containers. cis and "
                    "strict: always.",
    },
    .cis = {"5.2"}};

class ListenAllRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "listen_addresses");
    std::string value = view.text();
    bool everywhere = value.find('*') != std::string::npos || value.find("0.0.0.0") != std::string::npos ||
                      value == "::" || value.find(",::") != std::string::npos;
    if (!everywhere) return;
    if (d.profile == model::Profile::Balanced) {
      bool private_host = d.facts.exposure && *d.facts.exposure != model::Exposure::Public;
      if (!private_host || d.facts.in_container) return;
    }
    auto& finding = report_setting(sink, view, "PostgreSQL listens on every network interface",
                                   "list the addresses clients use, e.g. listen_addresses = 'localhost,10.0.0.12'");
    if (!d.facts.listen_addresses.empty()) {
      std::string addresses;
      for (const auto& address : d.facts.listen_addresses) addresses += (addresses.empty() ? "" : ",") + address;
      attach_set_value_fix(finding, view, addresses, "intent: network.listen_addresses", engine::Applicability::Unsafe);
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_listen_all_rule() { return std::make_unique<ListenAllRule>(); }

}  // namespace pglint::rules
