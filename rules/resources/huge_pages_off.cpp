// R106 huge-pages-off: large shared memory without huge pages.
#include <fmt/format.h>

#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "R106",
    .name = "huge-pages-off",
    .summary = "huge_pages = off with shared_buffers of 2GB or more",
    .category = engine::Category::Resources,
    .severity = engine::Severity::Info,
    .docs = {
        .what = "Reports `huge_pages = off` when shared_buffers is 2GB or more.",
        .why = "With large shared memory, 4kB pages cost page-table memory in every backend and TLB misses; "
               "huge pages (huge_pages = try, with vm.nr_hugepages set) avoid both. pgtune suggests try from 2GB.",
        .example = "shared_buffers = 8GB\nhuge_pages = off",
        .use_instead = "shared_buffers = 8GB\nhuge_pages = try   # and vm.nr_hugepages on the host",
        .references = {"https://www.postgresql.org/docs/current/kernel-resources.html#LINUX-HUGE-PAGES"},
    }};

class HugePagesOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto view = view_setting(d, set, "huge_pages");
    auto buffers = bytes_of(view_setting(d, set, "shared_buffers"));
    if (view.text() != "off" || !buffers || *buffers < 2.0 * 1024 * 1024 * 1024) return;
    report_setting(sink, view, fmt::format("huge_pages is off with shared_buffers of {}", format_bytes(*buffers)),
                   "set huge_pages = try and reserve huge pages on the host (vm.nr_hugepages)");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_huge_pages_off_rule() { return std::make_unique<HugePagesOffRule>(); }

}  // namespace pglint::rules
