// O103 log-line-prefix-incomplete: log lines that do not say who, where and when.
#include <fmt/format.h>

#include <cctype>
#include <cstring>

#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "O103",
    .name = "log-line-prefix-incomplete",
    .summary = "log_line_prefix lacks the time, process, user, database or client address",
    .category = engine::Category::Observability,
    .severity = engine::Severity::Warning,
    .docs = {
        .what = "Checks that `log_line_prefix` has a timestamp (%m, %t or %n), the process (%p or %c), the user "
                "(%u), the database (%d) and the client (%h or %r). Not checked for `csvlog`/`jsonlog`-only "
                "logging, whose records carry all of them.",
        .why = "A log line that does not say who did what from where cannot support an investigation. CIS "
               "PostgreSQL 16 Benchmark 3.1.24 asks for these escapes; the PostgreSQL default '%m [%p] ' has "
               "only the first two.",
        .example = "log_line_prefix = '%m [%p] '",
        .use_instead = "log_line_prefix = '%m [%p] %q%u@%d from %h (%a) '",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-LINE-PREFIX"},
    },
    .cis = {"3.1.24"},
    .stig = {"V-233578"}};

struct Escape {
  const char* what;
  const char* escapes;  // any of these letters after '%'
};

constexpr Escape required[] = {
    {"timestamp (%m)", "mtn"}, {"process (%p)", "pc"}, {"user (%u)", "u"}, {"database (%d)", "d"},
    {"client address (%h)", "hr"},
};

bool has_escape(const std::string& prefix, const char* letters) {
  for (std::size_t i = 0; i + 1 < prefix.size(); ++i) {
    if (prefix[i] != '%') continue;
    if (prefix[i + 1] == '%') {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < prefix.size() && (std::isdigit(static_cast<unsigned char>(prefix[j])) || prefix[j] == '-')) ++j;
    if (j < prefix.size() && std::strchr(letters, prefix[j])) return true;
  }
  return false;
}

class LogLinePrefixRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    std::string destination = view_setting(d, set, "log_destination").text();
    if (destination.find("stderr") == std::string::npos && destination.find("syslog") == std::string::npos) return;
    auto view = view_setting(d, set, "log_line_prefix");
    std::string prefix = view.text();
    std::string missing;
    for (const Escape& e : required) {
      if (!has_escape(prefix, e.escapes)) missing += (missing.empty() ? "" : ", ") + std::string(e.what);
    }
    if (missing.empty()) return;
    report_setting(sink, view, fmt::format("log_line_prefix does not record the {}", missing),
                   "for example log_line_prefix = '%m [%p] %q%u@%d from %h (%a) '");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_log_line_prefix_incomplete_rule() { return std::make_unique<LogLinePrefixRule>(); }

}  // namespace pglint::rules
