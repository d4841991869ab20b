// K105 image-tag-floating: postgres:latest or no tag.
#include <fmt/format.h>

#include "compiler/model/containers.hpp"
#include "rules/container/container_fixes.hpp"
#include "rules/registry.hpp"

namespace pglint::rules {

namespace {

const engine::RuleInfo info{
    .id = "K105",
    .name = "image-tag-floating",
    .summary = "The PostgreSQL image is untagged or :latest",
    .category = engine::Category::Container,
    .severity = engine::Severity::Warning,
    .fix = engine::FixAvailability::Unsafe,
    .docs = {
        .what = "Reports PostgreSQL images (compose `image:`, Dockerfile `FROM`) with no tag or the tag `latest`.",
        .why = "A new major version arrives with the next pull, and PostgreSQL cannot open a data directory of "
               "an older major: the container fails to start until the data is upgraded with pg_upgrade or a "
               "dump. Pin at least the major version (hadolint DL3006/DL3007).",
        .example = "FROM postgres",
        .use_instead = "FROM postgres:16.4-bookworm",
        .fix_safety = "Unsafe: the fix pins the official postgres image to the major version pglint checks "
                      "against (`postgres:latest` becomes `postgres:16`); other images are left alone. When that "
                      "is not the major the data directory was created with, the container will not start.",
        .references = {"https://github.com/hadolint/hadolint/wiki/DL3007", "https://hub.docker.com/_/postgres"},
    }};

bool floating(std::string_view image) {
  if (image.find('@') != std::string_view::npos) return false;  // pinned by digest
  std::size_t colon = image.rfind(':');
  std::size_t slash = image.rfind('/');
  if (colon == std::string_view::npos || (slash != std::string_view::npos && slash > colon)) return true;
  return image.substr(colon + 1) == "latest";
}

class ImageTagFloatingRule final : public engine::Rule {
 public:
  [[nodiscard]] const engine::RuleInfo& info() const override { return rules::info; }

  void check(const model::Deployment& deployment, engine::DiagnosticSink& sink) const override {
    model::for_each_postgres_service(deployment, [&](const compose::ComposeFile& file, const compose::Service& service) {
      if (service.image && floating(service.image->text)) report(sink, deployment, file.file, *service.image);
    });
    model::for_each_postgres_stage(deployment, [&](const dockerfile::DockerfileModel& file, const dockerfile::Stage& stage) {
      if (!stage.parent && floating(stage.image.text)) report(sink, deployment, file.file, stage.image);
    });
  }

 private:
  static void report(engine::DiagnosticSink& sink, const model::Deployment& deployment, const SourceFilePtr& file,
                     const container::Located& image) {
    auto& d = sink.report(file, image.span,
                          fmt::format("image \"{}\" follows whatever major version is newest", image.text),
                          "pin the major version at least, e.g. postgres:16");
    d.fix = pin_image_fix(file, image, deployment.pg_major);
  }
};

}  // namespace

std::unique_ptr<engine::Rule> make_image_tag_floating_rule() { return std::make_unique<ImageTagFloatingRule>(); }

}  // namespace pglint::rules
