#include "compiler/model/conf_set.hpp"

#include "compiler/source/secrets.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <set>
#include <system_error>

namespace pglint::model {

namespace fs = std::filesystem;

namespace {

std::string display_for(const fs::path& including_display_dir, const std::string& written) {
  // Show included files the way the user would find them: relative to where the
  // including file was shown, unless the directive gave an absolute path.
  if (fs::path(written).is_absolute()) return fs::path(written).lexically_normal().string();
  return (including_display_dir / written).lexically_normal().string();
}

bool is_include_directive(std::string_view name) {
  return conf::names_equal(name, "include") || conf::names_equal(name, "include_if_exists") ||
         conf::names_equal(name, "include_dir");
}

bool only_blanks(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

class Loader {
 public:
  Loader(const catalog::Catalog& catalog, ConfSet& set, const FileProvider& files)
      : catalog_(catalog), set_(set), files_(files) {}

  void read_file(const SourceFilePtr& source, int depth, bool is_auto_conf) {
    auto file = std::make_unique<ConfFile>();
    file->tree = conf::parse(source);
    file->depth = depth;
    file->is_auto_conf = is_auto_conf;
    const ConfFile* current = file.get();
    set_.files.push_back(std::move(file));
    fs::path canonical = canonical_config_path(source->real_path());
    stack_.push_back(canonical);
    for (const conf::Entry& entry : current->tree.entries()) {
      if (is_include_directive(entry.name)) {
        include(*current, entry);
      } else {
        add_setting(*current, entry);
      }
    }
    stack_.pop_back();
  }

 private:
  void add_setting(const ConfFile& file, const conf::Entry& entry) {
    // Secrets in values are masked in every output, whichever rules run.
    for (Span secret : find_secret_ranges(entry.raw_value)) {
      file.tree.file->mark_secret({entry.value_span.begin + secret.begin, entry.value_span.begin + secret.end});
    }
    Setting setting;
    setting.name = {&file, entry.name_span, file.tree.file};
    setting.value = {&file, entry.value_span, file.tree.file};
    setting.entry = entry;
    const catalog::Parameter* parameter = catalog_.find(entry.name);
    setting.key = parameter ? catalog::fold_name(parameter->name) : catalog::fold_name(entry.name);
    set_.settings.push_back(std::move(setting));
  }

  void problem(const ConfFile& file, const conf::Entry& entry, IncludeProblemKind kind, std::string message,
               bool fatal = true) {
    set_.include_problems.push_back({{&file, entry.value_span, file.tree.file}, kind, std::move(message), fatal});
  }

  void include(const ConfFile& file, const conf::Entry& entry) {
    bool is_dir = conf::names_equal(entry.name, "include_dir");
    bool if_exists = conf::names_equal(entry.name, "include_if_exists");
    if (only_blanks(entry.value)) {
      problem(file, entry, IncludeProblemKind::Empty,
              fmt::format("empty configuration {} name: \"{}\"", is_dir ? "directory" : "file", entry.value));
      return;
    }
    fs::path including = file.tree.file->real_path();
    fs::path target = fs::path(entry.value).is_absolute() ? fs::path(entry.value)
                                                            : including.parent_path() / entry.value;
    target = canonical_config_path(target);
    fs::path display_dir = fs::path(file.tree.file->display_path()).parent_path();
    std::string display = display_for(display_dir, entry.value);
    int depth = file.depth + 1;
    if (is_dir) {
      include_directory(file, entry, target, display, depth);
    } else {
      include_file(file, entry, target, display, depth, if_exists);
    }
  }

  void include_file(const ConfFile& file, const conf::Entry& entry, const fs::path& target,
                    const std::string& display, int depth, bool if_exists) {
    if (depth > max_include_depth) {
      // PostgreSQL only notices indirect cycles here; say what really happened.
      bool cycle = std::find(stack_.begin(), stack_.end(), target) != stack_.end();
      problem(file, entry, cycle ? IncludeProblemKind::Cycle : IncludeProblemKind::DepthExceeded,
              cycle ? fmt::format("include cycle: \"{}\" is already being read; PostgreSQL stops at the nesting "
                                  "limit with \"could not open configuration file: maximum nesting depth exceeded\"",
                                  display)
                    : fmt::format("could not open configuration file \"{}\": maximum nesting depth exceeded",
                                  display));
      return;
    }
    if (!stack_.empty() && stack_.back() == target) {
      problem(file, entry, IncludeProblemKind::Recursion, fmt::format("configuration file recursion in \"{}\"", display));
      return;
    }
    if (std::find(stack_.begin(), stack_.end(), target) != stack_.end()) {
      // An indirect cycle: PostgreSQL goes round until the depth limit, then fails.
      problem(file, entry, IncludeProblemKind::Cycle,
              fmt::format("include cycle: \"{}\" includes itself through other files (PostgreSQL fails with "
                          "\"maximum nesting depth exceeded\")",
                          display));
      return;
    }
    std::string error;
    auto source = files_.read(target, display, error);
    if (!source) {
      if (if_exists) {
        set_.skipped_missing.push_back(display);
        return;
      }
      problem(file, entry, IncludeProblemKind::Missing,
              fmt::format("could not open configuration file \"{}\": {}", display, errno_text(target)));
      return;
    }
    read_file(*source, depth, false);
  }

  void include_directory(const ConfFile& file, const conf::Entry& entry, const fs::path& directory,
                         const std::string& display, int depth) {
    std::error_code ec;
    std::vector<std::string> names;
    fs::directory_iterator it(directory, ec);
    if (ec) {
      problem(file, entry, IncludeProblemKind::UnreadableDirectory,
              fmt::format("could not open configuration directory \"{}\": {}", display, ec.message()));
      return;
    }
    for (const auto& dirent : it) {
      std::string name = dirent.path().filename().string();
      // ParseConfigDirectory: at least "x.conf", not hidden, ".conf" suffix, not a directory.
      if (name.size() < 6 || name.front() == '.' || !name.ends_with(".conf")) continue;
      if (dirent.is_directory(ec)) continue;
      names.push_back(name);
    }
    // Full paths sorted with strcmp: within one directory, byte order of the names.
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      fs::path target = directory / name;
      include_file(file, entry, target, (fs::path(display) / name).string(), depth, false);
    }
  }

  static std::string errno_text(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return "No such file or directory";
    if (fs::is_directory(path, ec)) return "Is a directory";
    return "Permission denied";
  }

  const catalog::Catalog& catalog_;
  ConfSet& set_;
  const FileProvider& files_;
  std::vector<fs::path> stack_;
};

// PostgreSQL skips an earlier entry only when a later one has the byte-identical name;
// otherwise both are applied in order and the last one wins.
void mark_dead_and_overridden(ConfSet& set) {
  std::map<std::string, std::size_t, std::less<>> last_by_spelling;
  set.winners.clear();
  for (std::size_t i = 0; i < set.settings.size(); ++i) {
    Setting& setting = set.settings[i];
    std::string spelling(setting.entry.name);
    if (!setting.from_command_line) {
      if (auto it = last_by_spelling.find(spelling); it != last_by_spelling.end()) {
        set.settings[it->second].dead = true;
      }
      last_by_spelling[spelling] = i;
    }
    if (auto it = set.winners.find(setting.key); it != set.winners.end()) {
      set.settings[it->second].overridden = true;
    }
    set.winners[setting.key] = i;
  }
}

}  // namespace

void add_command_line_settings(ConfSet& set, std::vector<Setting> settings) {
  for (Setting& setting : settings) {
    setting.from_command_line = true;
    set.settings.push_back(std::move(setting));
  }
  mark_dead_and_overridden(set);
}

fs::path canonical_config_path(const fs::path& path) { return provider_key(path); }

const Setting* ConfSet::effective(std::string_view key) const {
  auto it = winners.find(key);
  return it == winners.end() ? nullptr : &settings[it->second];
}

std::optional<ConfSet> load_conf_set(const SourceFilePtr& main, const catalog::Catalog& catalog,
                                     const ConfLoadOptions& options) {
  ConfSet set;
  const FileProvider& files = options.files ? *options.files : disk_files();
  Loader loader(catalog, set, files);
  loader.read_file(main, 0, false);
  fs::path auto_conf = main->real_path().parent_path() / "postgresql.auto.conf";
  bool main_is_auto = main->real_path().filename() == "postgresql.auto.conf";
  if (options.read_auto_conf && !main_is_auto && files.is_regular_file(auto_conf)) {
    std::string error;
    std::string display = (fs::path(main->display_path()).parent_path() / "postgresql.auto.conf").string();
    if (auto source = files.read(auto_conf, display, error)) loader.read_file(*source, 0, true);
  }
  mark_dead_and_overridden(set);
  return set;
}

}  // namespace pglint::model
