// Prints parsing and checking throughput: `build/bench/pglint_bench [FILE...]`.
// Without arguments it uses a generated 100,000-line postgresql.conf.
#include <fmt/format.h>

#include <chrono>
#include <string>

#include "compiler/catalog/catalog.hpp"
#include "compiler/catalog/value.hpp"
#include "compiler/model/conf_set.hpp"
#include "compiler/engine/engine.hpp"
#include "compiler/syntax/conf/tree.hpp"
#include "rules/registry.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::string generated_conf(std::size_t lines) {
  static const char* samples[] = {
      "shared_buffers = 2GB                    # min 128kB\n", "work_mem = '64MB'\n",
      "# a comment line explaining things at some length\n", "listen_addresses = '*'\n",
      "log_line_prefix = '%m [%p] %q%u@%d '\n", "\n", "random_page_cost = 1.1\n", "ssl = on\n",
  };
  std::string text;
  for (std::size_t i = 0; i < lines; ++i) text += samples[i % std::size(samples)];
  return text;
}

template <typename F>
double seconds(F&& work, int repeat) {
  auto start = Clock::now();
  for (int i = 0; i < repeat; ++i) work();
  return std::chrono::duration<double>(Clock::now() - start).count() / repeat;
}

}  // namespace

int main() {
  using namespace pglint;
  std::string text = generated_conf(100000);
  auto file = std::make_shared<const SourceFile>("bench.conf", "bench.conf", text);
  double parse_time = seconds([&] { (void)conf::parse(file); }, 5);
  fmt::print("conf parse: {} lines, {:.1f} MB in {:.1f} ms = {:.1f} MB/s\n", 100000, text.size() / 1e6,
             parse_time * 1e3, text.size() / 1e6 / parse_time);

  const catalog::Catalog* catalog = catalog::catalog_for(16);
  double load_time = seconds([&] { (void)model::load_conf_set(file, *catalog); }, 5);
  fmt::print("conf load (parse + model): {:.1f} ms\n", load_time * 1e3);

  auto set = model::load_conf_set(file, *catalog);
  model::Deployment deployment;
  deployment.pg_major = 16;
  deployment.catalog = catalog;
  deployment.conf_sets.push_back(std::move(*set));
  std::vector<const engine::Rule*> rules;
  for (const auto& rule : rules::all_rules()) rules.push_back(rule.get());
  double check_time = seconds([&] { (void)engine::run_rules(deployment, rules); }, 3);
  fmt::print("rules over {} settings: {:.1f} ms\n", deployment.conf_sets[0].settings.size(), check_time * 1e3);

  double value_time = seconds(
      [&] {
        for (int i = 0; i < 100000; ++i) (void)catalog::parse_value("work_mem", "'1.5GB'", 16);
      },
      1);
  fmt::print("parse_value: {:.0f} ns per call\n", value_time / 100000 * 1e9);
  return 0;
}
