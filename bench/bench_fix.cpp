// Prints what `pglint fix --diff` costs beside `pglint check` on the same tree of deployments:
// `build/bench/pglint_bench_fix [DEPLOYMENTS]` (default 2000). Each deployment is a directory
// with a postgresql.conf (some fixable findings) and a pg_hba.conf.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "compiler/fix/fix_engine.hpp"
#include "compiler/fix/unified_diff.hpp"
#include "compiler/pipeline/lint.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

fs::path make_tree(std::size_t deployments) {
  fs::path root = fs::temp_directory_path() / fmt::format("pglint-bench-fix-{}", deployments);
  fs::remove_all(root);
  for (std::size_t i = 0; i < deployments; ++i) {
    fs::path dir = root / fmt::format("d{:05}", i);
    write(dir / "postgresql.conf",
          "# generated\nlisten_addresses = 'localhost'\nshared_buffers = 128MB\t\t# min 128kB\n"
          "fsync = off\npassword_encryption = md5\nlog_statement = 'all'\n#log_connections = off\n"
          "work_mem = 4MB\nwork_mem = 8MB\n");
    write(dir / "pg_hba.conf", "local all all peer\nhost all all 10.0.0.0/8 scram-sha-256\n");
  }
  return root;
}

template <typename F>
double seconds(F&& work) {
  auto start = Clock::now();
  work();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace pglint;
  std::size_t deployments = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2000;
  fs::path root = make_tree(deployments);
  pipeline::LintRequest request;
  request.paths = {root.string()};
  pipeline::LintPlan plan = pipeline::plan_lint(request);

  std::size_t findings = 0;
  double check = seconds([&] { findings = pipeline::run_lint(plan).diagnostics.size(); });
  std::size_t diff_bytes = 0, applied = 0;
  int passes = 0;
  double fix = seconds([&] {
    auto result = fix::fix_deployment(plan, {});
    for (const auto& change : result.changes) diff_bytes += fix::unified_diff(change.display, change.before, change.after).size();
    applied = result.applied.size();
    passes = result.passes;
  });
  fmt::print("check: {} deployments, {} findings in {:.2f} s ({:.2f} ms per deployment)\n", deployments, findings,
             check, check * 1e3 / deployments);
  fmt::print("fix --diff: {} fixes in {} passes, {} bytes of diff in {:.2f} s ({:.2f} ms per deployment)\n", applied,
             passes, diff_bytes, fix, fix * 1e3 / deployments);
  fmt::print("fix --diff / check = {:.2f} (goal: at most 2)\n", fix / check);
  fs::remove_all(root);
}
