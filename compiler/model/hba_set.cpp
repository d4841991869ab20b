#include "compiler/model/hba_set.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

#include "compiler/catalog/value.hpp"

namespace pglint::model {

namespace fs = std::filesystem;

namespace {

constexpr int max_hba_include_depth = 10;

bool is_include_line(const hba::LogicalLine& line, int major) {
  if (major < 16 || line.fields.size() != 2) return false;
  const std::string& word = line.fields[0].front().text;
  return word == "include" || word == "include_if_exists" || word == "include_dir";
}

class HbaLoader {
 public:
  HbaLoader(HbaSet& set, const FileProvider& files) : set_(set), files_(files) {}

  void read(const SourceFilePtr& source, int depth) {
    auto file = std::make_unique<HbaFile>();
    file->tree = hba::tokenize(source, {set_.context.major, 0, &files_});
    file->depth = depth;
    const HbaFile* current = file.get();
    set_.files.push_back(std::move(file));
    for (std::size_t i = 0; i < current->tree.lines.size(); ++i) {
      const hba::LogicalLine& line = current->tree.lines[i];
      if (line.error) {
        set_.problems.push_back({current, i, line.error_span, *line.error, false});
        continue;
      }
      if (line.fields.empty()) continue;
      if (is_include_line(line, set_.context.major)) {
        include(*current, i, line, depth);
        continue;
      }
      auto parsed = hba::parse_record(current->tree, i, set_.context);
      if (auto* error = std::get_if<hba::RecordError>(&parsed)) {
        set_.problems.push_back({current, i, error->span, error->message, false});
        continue;
      }
      auto& record = std::get<hba::Record>(parsed);
      if (record.warning) {
        set_.problems.push_back({current, i, record.type_token.span, *record.warning, true});
      }
      set_.records.push_back({current, std::move(record)});
    }
  }

 private:
  void include(const HbaFile& file, std::size_t line_index, const hba::LogicalLine& line, int depth) {
    const std::string& directive = line.fields[0].front().text;
    const hba::Token& target_token = line.fields[1].front();  // PostgreSQL ignores the rest of the list
    fs::path base = file.tree.file->real_path().parent_path();
    fs::path target = fs::path(target_token.text).is_absolute() ? fs::path(target_token.text) : base / target_token.text;
    std::string display = fs::path(target_token.text).is_absolute()
                              ? target_token.text
                              : (fs::path(file.tree.file->display_path()).parent_path() / target_token.text).string();
    auto problem = [&](std::string message) {
      set_.problems.push_back({&file, line_index, target_token.span, std::move(message), false});
    };
    if (depth + 1 > max_hba_include_depth) {
      problem(fmt::format("could not open file \"{}\": maximum nesting depth exceeded", display));
      return;
    }
    if (directive == "include_dir") {
      std::error_code ec;
      std::vector<std::string> names;
      for (fs::directory_iterator it(target, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.size() < 6 || name.front() == '.' || !name.ends_with(".conf") || it->is_directory(ec)) continue;
        names.push_back(name);
      }
      if (ec) {
        problem(fmt::format("could not open directory \"{}\": {}", display, ec.message()));
        return;
      }
      std::sort(names.begin(), names.end());
      for (const auto& name : names) read_file(target / name, (fs::path(display) / name).string(), depth + 1, problem, false);
      return;
    }
    read_file(target, display, depth + 1, problem, directive == "include_if_exists");
  }

  template <typename Problem>
  void read_file(const fs::path& path, const std::string& display, int depth, Problem& problem, bool if_exists) {
    std::string error;
    auto source = files_.read(path, display, error);
    if (!source) {
      std::error_code ec;
      bool missing = !fs::exists(path, ec);
      if (if_exists && missing) return;  // "skipping missing authentication file"
      problem(fmt::format("could not open file \"{}\": {}", display,
                          missing ? "No such file or directory" : "Permission denied"));
      return;
    }
    read(*source, depth);
  }

  HbaSet& set_;
  const FileProvider& files_;
};

}  // namespace

HbaSet load_hba_set(const SourceFilePtr& main, const hba::HbaContext& context, const FileProvider* files) {
  HbaSet set;
  set.context = context;
  HbaLoader(set, files ? *files : disk_files()).read(main, 0);
  return set;
}

hba::HbaContext hba_context_for(int major, const ConfSet* conf, const catalog::Catalog& catalog) {
  hba::HbaContext context;
  context.major = major;
  if (!conf) return context;
  auto value_of = [&](std::string_view name) -> std::optional<catalog::ParsedValue> {
    const catalog::Parameter* parameter = catalog.find(name);
    if (!parameter) return std::nullopt;
    const Setting* setting = conf->effective(catalog::fold_name(parameter->name));
    std::string_view text = setting ? std::string_view(setting->entry.value) : std::string_view(parameter->boot_value);
    auto result = catalog::parse_value(*parameter, text, parameter->name);
    if (auto* parsed = std::get_if<catalog::ParsedValue>(&result)) return *parsed;
    return std::nullopt;
  };
  if (auto ssl = value_of("ssl")) context.ssl_enabled = std::get<bool>(ssl->value);
  if (auto namespace_value = value_of("db_user_namespace")) {
    context.db_user_namespace = std::get<bool>(namespace_value->value);
  }
  if (auto libraries = value_of("oauth_validator_libraries")) {
    context.oauth_validator_libraries = std::get<std::string>(libraries->value);
  }
  return context;
}

}  // namespace pglint::model
