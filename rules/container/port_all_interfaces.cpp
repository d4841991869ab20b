// K101 port-all-interfaces: PostgreSQL's port published on every host interface.
#include <fmt/format.h>

#include "compiler/model/containers.hpp"
#include "rules/container/container_fixes.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "K101",
    .name = "port-all-interfaces",
    .summary = "The PostgreSQL container's port is published on every interface of the host",
    .category = engine::Category::Container,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "Reports compose `ports:` of a PostgreSQL service without a host IP (or with 0.0.0.0 / ::). An "
                "error when the intent says the server is private or internal.",
        .why = "`5432:5432` publishes the database on every address of the host, public ones included, and "
               "Docker's iptables rules bypass host firewalls such as ufw. Other containers reach it over the "
               "compose network without any published port; local tools can use 127.0.0.1.",
        .example = "ports:\n  - \"5432:5432\"",
        .use_instead = "ports:\n  - \"127.0.0.1:5432:5432\"   # or no ports at all: services reach db:5432",
        .fix_safety = "Unsafe: the fix binds the port to 127.0.0.1 (\"5432:5432\" becomes \"127.0.0.1:5432:5432\"; "
                      "0.0.0.0 becomes 127.0.0.1 and :: becomes ::1; the long syntax gets `host_ip: 127.0.0.1` when "
                      "it is a plain block mapping). Clients on other hosts, and local ones that reach the port "
                      "over IPv6, lose access; other containers on the compose network keep it.",
        .references = {"https://docs.docker.com/engine/network/packet-filtering-firewalls/",
                       "KICS: Container Traffic Not Bound To Host Interface"},
    }};

class PortAllInterfacesRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    bool private_server = deployment.facts.exposure && *deployment.facts.exposure != model::Exposure::Public;
    model::for_each_postgres_service(deployment, [&](const compose::ComposeFile& file, const compose::Service& service) {
      for (const auto& port : service.ports) {
        if (!port.all_interfaces) continue;
        auto& d = sink.report(file.file, port.span,
                              fmt::format("service \"{}\" publishes port {} on every interface of the host",
                                          service.name, port.container_port),
                              "bind it to 127.0.0.1 (\"127.0.0.1:5432:5432\"), or drop it: other services reach "
                              "the database over the compose network");
        if (private_server) d.severity = engine::Severity::Error;
        d.fix = loopback_port_fix(file.file, port);
      }
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_port_all_interfaces_rule() { return std::make_unique<PortAllInterfacesRule>(); }

}  // namespace pglint::rules
