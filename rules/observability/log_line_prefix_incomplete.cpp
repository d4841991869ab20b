// O103 log-line-prefix-incomplete: log lines that do not say who, where and when.
#include <fmt/format.h>

#include <cctype>
#include <cstring>
#include <optional>
#include <string>

#include "rules/fix_support.hpp"
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
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Checks that `log_line_prefix` has a timestamp (%m, %t or %n), the process (%p or %c), the user "
                "(%u), the database (%d) and the client (%h or %r). Not checked for `csvlog`/`jsonlog`-only "
                "logging, whose records carry all of them.",
        .why = "A log line that does not say who did what from where cannot support an investigation. CIS "
               "PostgreSQL 16 Benchmark 3.1.24 asks for these escapes; the PostgreSQL default '%m [%p] ' has "
               "only the first two.",
        .example = "log_line_prefix = '%m [%p] '",
        .use_instead = "log_line_prefix = '%m [%p] %q%u@%d from %h (%a) '",
        .fix_safety = "Safe: the fix keeps the prefix and adds what is missing: %m and [%p] in front, the user, "
                      "database and client (%q%u@%d %h) at the end; an empty prefix becomes '%m [%p] %q%u@%d %h "
                      "'. Only the log lines change (update log parsers that expect the old prefix); a reload "
                      "applies it.",
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

// The prefix with what the rule asks for added and the user's own text kept: the time in
// front, then the prefix, the process, and the session's user, database and client (after %q,
// which keeps them out of background processes' lines). nullopt for a prefix ending in a lone
// '%', which would swallow what is appended.
std::optional<std::string> completed_prefix(const std::string& prefix) {
  std::size_t last = prefix.find_last_not_of('%');
  std::size_t percents = last == std::string::npos ? prefix.size() : prefix.size() - last - 1;
  if (percents % 2 == 1) return std::nullopt;
  bool user = has_escape(prefix, "u"), database = has_escape(prefix, "d"), client = has_escape(prefix, "hr");
  std::string session;
  if (!user && !database) session = "%u@%d";
  else if (!user) session = "user=%u";
  else if (!database) session = "db=%d";
  if (!client) session += session.empty() ? "%h" : " %h";
  std::string tail = has_escape(prefix, "pc") ? "" : "[%p] ";
  if (!session.empty()) tail += (has_escape(prefix, "q") ? "" : "%q") + session + " ";
  std::string body = prefix;
  if (!tail.empty() && !body.empty() && body.back() != ' ') body += ' ';
  return (has_escape(prefix, "mtn") ? "" : "%m ") + body + tail;
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
    auto& finding = report_setting(sink, view, fmt::format("log_line_prefix does not record the {}", missing),
                                   "for example log_line_prefix = '%m [%p] %q%u@%d from %h (%a) '");
    if (auto fixed = completed_prefix(prefix)) {
      attach_set_value_fix(finding, view, *fixed, "O103 log-line-prefix-incomplete");
    }
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_log_line_prefix_incomplete_rule() { return std::make_unique<LogLinePrefixRule>(); }

}  // namespace pglint::rules
