// K106 image-version-mismatch: the image's major version is not the one pglint checks for.
#include <fmt/format.h>

#include "compiler/model/containers.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "K106",
    .name = "image-version-mismatch",
    .summary = "The image runs a different PostgreSQL major version than the configuration is checked for",
    .category = engine::Category::Container,
    .severity = engine::Severity::Error,
    .docs = {
        .what = "Compares the major version in a PostgreSQL image tag (postgres:16-alpine) with the version "
                "pglint checks for (--pg-version, .pglint.toml or the intent; without them, the first PostgreSQL "
                "image's version is used, so only other images can disagree).",
        .why = "Parameters and pg_hba.conf syntax differ between versions: a configuration valid for one may "
               "stop the other, and the findings are about the wrong server. Tell pglint the real version "
               "(intent [cluster] postgres_version) or change the image.",
        .example = "# intent.toml: postgres_version = 16\nFROM postgres:15",
        .use_instead = "# intent.toml: postgres_version = 16\nFROM postgres:16",
        .references = {"https://www.postgresql.org/support/versioning/"},
    }};

class ImageVersionMismatchRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    auto compare = [&](const SourceFilePtr& file, const container::Located& image) {
      auto major = model::image_major(image.text);
      if (!major || *major == deployment.pg_major) return;
      sink.report(file, image.span,
                  fmt::format("image \"{}\" runs PostgreSQL {}, but the configuration is checked for {} ({})",
                              image.text, *major, deployment.pg_major, deployment.pg_major_source),
                  "set [cluster] postgres_version in the intent (or --pg-version) to the image's version");
    };
    model::for_each_postgres_service(deployment, [&](const compose::ComposeFile& file, const compose::Service& service) {
      if (service.image) compare(file.file, *service.image);
    });
    model::for_each_postgres_stage(deployment, [&](const dockerfile::DockerfileModel& file, const dockerfile::Stage& stage) {
      if (!stage.parent) compare(file.file, stage.image);
    });
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_image_version_mismatch_rule() { return std::make_unique<ImageVersionMismatchRule>(); }

}  // namespace pglint::rules
