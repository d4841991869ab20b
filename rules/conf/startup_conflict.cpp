// V106 startup-conflict: settings that are each valid but together stop the server.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/rule_support.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "V106",
    .name = "startup-conflict",
    .summary = "These settings are valid one by one, but PostgreSQL refuses to start with them together",
    .category = engine::Category::Validity,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::None,
    .docs = {
        .what = "Checks the combinations PostgreSQL verifies when the postmaster starts: "
                "superuser_reserved_connections (plus reserved_connections from 16) must be less than "
                "max_connections; wal_level = minimal forbids archive_mode, max_wal_senders > 0 (the default is "
                "10) and, from 17, summarize_wal; min_wal_size and max_wal_size must be at least twice the WAL "
                "segment size (16MB by default).",
        .why = "Each value passes the configuration file check, so `postgres -C` and a reload accept them; the "
               "server then fails at start.",
        .example = "wal_level = minimal\narchive_mode = on",
        .use_instead = "wal_level = replica\narchive_mode = on",
        .fix_safety = "",
        .references = {"src/backend/postmaster/postmaster.c: PostmasterMain",
                       "src/backend/access/transam/xlog.c: ReadControlFile",
                       "https://www.postgresql.org/docs/current/runtime-config-wal.html"},
    }};

class StartupConflictRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    for (const model::ConfSet& set : deployment.conf_sets) {
      Context context{deployment, set, sink};
      check_reserved_connections(context);
      check_wal_level_minimal(context);
      check_wal_size(context, "min_wal_size");
      check_wal_size(context, "max_wal_size");
    }
  }

 private:
  struct Context {
    const model::Deployment& deployment;
    const model::ConfSet& set;
    engine::DiagnosticSink& sink;

    [[nodiscard]] std::optional<double> number(std::string_view name) const {
      return effective_number(deployment, set, name);
    }
    [[nodiscard]] const model::Setting* setting(std::string_view name) const { return set.effective(name); }
    // Reports at the first of `names` that is set in a file; silent when all are defaults.
    void report_at(std::initializer_list<std::string_view> names, const std::string& message,
                   const std::string& help) const {
      for (std::string_view name : names) {
        if (const model::Setting* s = setting(name)) {
          sink.report(file_of(s->value), s->value.span, message, help);
          return;
        }
      }
    }
  };

  static void check_reserved_connections(const Context& c) {
    auto max_connections = c.number("max_connections");
    auto superuser_reserved = c.number("superuser_reserved_connections");
    if (!max_connections || !superuser_reserved) return;
    bool has_reserved = c.deployment.catalog->find("reserved_connections") != nullptr;
    double reserved = has_reserved ? c.number("reserved_connections").value_or(0) : 0;
    if (*superuser_reserved + reserved < *max_connections) return;
    std::string message =
        has_reserved
            ? fmt::format("superuser_reserved_connections ({}) plus reserved_connections ({}) must be less than "
                          "max_connections ({})",
                          *superuser_reserved, reserved, *max_connections)
            : fmt::format("superuser_reserved_connections ({}) must be less than max_connections ({})",
                          *superuser_reserved, *max_connections);
    c.report_at({"max_connections", "superuser_reserved_connections", "reserved_connections"}, message,
                "PostgreSQL refuses to start; raise max_connections or reserve fewer connections");
  }

  static void check_wal_level_minimal(const Context& c) {
    auto wal_level = effective_text(c.deployment, c.set, "wal_level");
    if (!wal_level || *wal_level != "minimal") return;
    auto archive_mode = effective_text(c.deployment, c.set, "archive_mode");
    if (archive_mode && *archive_mode != "off") {
      c.report_at({"archive_mode", "wal_level"}, "WAL archival cannot be enabled when wal_level is \"minimal\"",
                  "set wal_level = replica");
    }
    auto senders = c.number("max_wal_senders");
    if (senders && *senders > 0) {
      c.report_at({"wal_level", "max_wal_senders"},
                  "WAL streaming (max_wal_senders > 0) requires wal_level \"replica\" or \"logical\"",
                  fmt::format("max_wal_senders is {}{}; with wal_level = minimal set max_wal_senders = 0",
                              *senders, c.setting("max_wal_senders") ? "" : " by default"));
    }
    auto summarize = c.deployment.catalog->find("summarize_wal") ? effective_text(c.deployment, c.set, "summarize_wal")
                                                                 : std::nullopt;
    if (summarize && *summarize == "on") {
      c.report_at({"summarize_wal", "wal_level"}, "WAL cannot be summarized when wal_level is \"minimal\"",
                  "set wal_level = replica or summarize_wal = off");
    }
  }

  static void check_wal_size(const Context& c, std::string_view name) {
    // Both are in MB; the segment size is fixed at initdb time, 16MB unless changed there.
    constexpr double default_segment_mb = 16;
    auto size = c.number(name);
    if (!size || *size >= 2 * default_segment_mb) return;
    c.report_at({name}, fmt::format("\"{}\" must be at least twice \"wal_segment_size\"", name),
                fmt::format("with the default 16MB WAL segments, {} must be at least 32MB", name));
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_startup_conflict_rule() { return std::make_unique<StartupConflictRule>(); }

}  // namespace pglint::rules
