// D102 full-page-writes-off: torn pages after a crash.
#include "rules/fix_support.hpp"
#include "rules/registry.hpp"
#include "rules/server_config_rule.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "D102",
    .name = "full-page-writes-off",
    .summary = "full_page_writes = off: a crash during a page write can leave corrupt pages",
    .category = engine::Category::Durability,
    .severity = engine::Severity::Error,
    .fix = engine::FixAvailability::Safe,
    .docs = {
        .what = "Reports `full_page_writes = off`.",
        .why = "Disks write 8kB pages in smaller pieces; a crash in the middle leaves a torn page that WAL replay "
               "cannot repair without the full-page image. Only safe on storage that guarantees atomic 8kB "
               "writes (e.g. ZFS with copy-on-write), which should be said in a comment and suppressed.",
        .example = "full_page_writes = off",
        .use_instead = "full_page_writes = on\nwal_compression = on   # to shrink the full-page images",
        .fix_safety = "Safe: the fix sets full_page_writes = on where the value takes effect. WAL grows by a "
                      "page image after each checkpoint (wal_compression shrinks it), but no client is refused "
                      "and nothing else changes; a reload applies it.",
        .references = {"https://www.postgresql.org/docs/current/runtime-config-wal.html#GUC-FULL-PAGE-WRITES"},
    }};

class FullPageWritesOffRule final : public ServerConfigRule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

 protected:
  void check_config(const model::Deployment& d, const model::ConfSet& set, engine::DiagnosticSink& sink) const override {
    auto fpw = view_setting(d, set, "full_page_writes");
    if (fpw.boolean() != false) return;
    auto& finding = report_setting(sink, fpw, "full_page_writes is off: torn pages after a crash cannot be repaired",
                                   "set full_page_writes = on (wal_compression reduces its cost)");
    attach_set_value_fix(finding, fpw, "on", "D102 full-page-writes-off");
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_full_page_writes_off_rule() { return std::make_unique<FullPageWritesOffRule>(); }

}  // namespace pglint::rules
