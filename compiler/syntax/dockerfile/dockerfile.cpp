#include "compiler/syntax/dockerfile/dockerfile.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string_view>

namespace pglint::dockerfile {

namespace {

using container::make_error;

constexpr std::array<std::string_view, 18> known_keywords = {
    "FROM",   "RUN",  "CMD",     "LABEL", "MAINTAINER", "EXPOSE",      "ENV",   "ADD",         "COPY",
    "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Line {
  std::size_t begin;  // offset of the first byte
  std::size_t end;    // offset after the last byte, '\r' excluded
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    if (end > begin && text[end - 1] == '\r') --end;
    lines.push_back({begin, end});
    begin = next;
  }
  return lines;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_comment(std::string_view line) {
  std::string_view body = trim(line);
  return !body.empty() && body.front() == '#';
}

// Heredoc terminators named in RUN/COPY/ADD arguments: "<<EOF", "<<-EOF", "<<'EOF'", "<<\"EOF\"".
std::vector<std::pair<std::string, bool>> heredocs(std::string_view arguments) {
  std::vector<std::pair<std::string, bool>> out;
  for (std::size_t at = arguments.find("<<"); at != std::string_view::npos; at = arguments.find("<<", at + 2)) {
    std::size_t i = at + 2;
    bool strip = i < arguments.size() && arguments[i] == '-';
    if (strip) ++i;
    char quote = i < arguments.size() && (arguments[i] == '"' || arguments[i] == '\'') ? arguments[i] : 0;
    if (quote) ++i;
    std::size_t begin = i;
    while (i < arguments.size() && (std::isalnum(static_cast<unsigned char>(arguments[i])) || arguments[i] == '_')) ++i;
    if (i == begin || std::isdigit(static_cast<unsigned char>(arguments[begin]))) continue;
    out.emplace_back(std::string(arguments.substr(begin, i - begin)), strip);
  }
  return out;
}

class Reader {
 public:
  explicit Reader(const SourceFilePtr& file) : file_(file), text_(file->text()), lines_(split_lines(text_)) {}

  DockerfileModel read() {
    model_.file = file_;
    if (file_->looks_binary()) {
      model_.errors.push_back(make_error(*file_, "not a Dockerfile: the file is binary", {0, 0}));
      return std::move(model_);
    }
    std::size_t index = read_directives();
    while (index < lines_.size()) index = read_instruction(index);
    if (model_.stages.empty()) model_.errors.push_back(make_error(*file_, "no FROM instruction", {0, 0}));
    return std::move(model_);
  }

 private:
  std::string_view line_text(std::size_t index) const {
    return text_.substr(lines_[index].begin, lines_[index].end - lines_[index].begin);
  }

  // "# escape=`" and the other directives, only before anything else.
  std::size_t read_directives() {
    std::size_t index = 0;
    for (; index < lines_.size(); ++index) {
      std::string_view line = trim(line_text(index));
      if (line.empty() || line.front() != '#') break;
      line.remove_prefix(1);
      std::size_t equals = line.find('=');
      if (equals == std::string_view::npos) break;
      std::string name = lower(trim(line.substr(0, equals)));
      std::string_view value = trim(line.substr(equals + 1));
      if (name != "escape" && name != "syntax" && name != "check") break;
      if (name == "escape" && (value == "`" || value == "\\")) escape_ = value.front();
    }
    return index;
  }

  // Appends `line[from, to)` of the source to the instruction's arguments.
  static void append(Instruction& instruction, std::string_view text, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      instruction.arguments += text[i];
      instruction.offsets.push_back(i);
    }
  }

  std::size_t read_instruction(std::size_t index) {
    std::string_view line = line_text(index);
    if (trim(line).empty() || is_comment(line)) return index + 1;
    std::size_t begin = lines_[index].begin;
    while (is_space(text_[begin])) ++begin;
    std::size_t keyword_end = begin;
    while (keyword_end < lines_[index].end && !is_space(text_[keyword_end])) ++keyword_end;
    Instruction instruction;
    instruction.keyword = upper(text_.substr(begin, keyword_end - begin));
    instruction.line = index + 1;
    std::size_t end = lines_[index].end;
    std::size_t from = keyword_end;
    // Continuations: a line ending with the escape character goes on with the next line that is
    // not a comment or blank.
    for (;;) {
      std::size_t content_end = lines_[index].end;
      while (content_end > from && is_space(text_[content_end - 1])) --content_end;
      bool continues = content_end > from && text_[content_end - 1] == escape_;
      append(instruction, text_, from, continues ? content_end - 1 : lines_[index].end);
      end = std::max(end, lines_[index].end);
      ++index;
      if (!continues) break;
      while (index < lines_.size() && (is_comment(line_text(index)) || trim(line_text(index)).empty())) ++index;
      if (index >= lines_.size()) break;
      from = lines_[index].begin;
    }
    if (instruction.keyword == "RUN" || instruction.keyword == "COPY" || instruction.keyword == "ADD") {
      for (const auto& [terminator, strip] : heredocs(instruction.arguments)) {
        while (index < lines_.size()) {
          std::string_view body = line_text(index);
          std::string_view compared = strip ? trim(body) : body;
          instruction.arguments += '\n';
          instruction.offsets.push_back(lines_[index].begin > 0 ? lines_[index].begin - 1 : 0);
          append(instruction, text_, lines_[index].begin, lines_[index].end);
          end = lines_[index].end;
          ++index;
          if (compared == terminator) break;
        }
      }
    }
    // Trim the arguments, keeping the offsets in step.
    std::size_t lead = 0;
    while (lead < instruction.arguments.size() && is_space(instruction.arguments[lead])) ++lead;
    std::size_t tail = instruction.arguments.size();
    while (tail > lead && is_space(instruction.arguments[tail - 1])) --tail;
    instruction.arguments = instruction.arguments.substr(lead, tail - lead);
    instruction.offsets = std::vector<std::size_t>(instruction.offsets.begin() + static_cast<std::ptrdiff_t>(lead),
                                                   instruction.offsets.begin() + static_cast<std::ptrdiff_t>(tail));
    instruction.offsets.push_back(instruction.offsets.empty() ? end : instruction.offsets.back() + 1);
    instruction.span = {begin, end};
    handle(std::move(instruction));
    return index;
  }

  void error(const Instruction& instruction, std::string message) {
    model_.errors.push_back(make_error(*file_, std::move(message), instruction.span));
  }

  std::vector<Located> words(const Instruction& instruction) const {
    return container::split_words(instruction.arguments, instruction.offsets);
  }

  std::string substitute_global_args(std::string_view text) const {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] == '$') {
        std::size_t j = i + 1;
        bool braced = j < text.size() && text[j] == '{';
        if (braced) ++j;
        std::size_t name_begin = j;
        while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
        std::string name(text.substr(name_begin, j - name_begin));
        auto found = global_args_.find(name);
        if (!name.empty() && found != global_args_.end() && (!braced || (j < text.size() && text[j] == '}'))) {
          out += found->second;
          i = braced ? j + 1 : j;
          continue;
        }
      }
      out += text[i++];
    }
    return out;
  }

  void read_env(const Instruction& instruction, Stage* stage, bool build_arg) {
    std::vector<EnvVar> found;
    auto all = words(instruction);
    if (all.empty()) return;
    bool legacy = !build_arg && all.front().text.find('=') == std::string::npos;
    if (legacy) {
      // ENV NAME value with spaces
      EnvVar var;
      var.name = all.front().text;
      std::size_t name_end = all.front().text.size();
      std::size_t value_begin = name_end;
      while (value_begin < instruction.arguments.size() && is_space(instruction.arguments[value_begin])) ++value_begin;
      var.span = instruction.span_of(0, instruction.arguments.size());
      if (value_begin < instruction.arguments.size()) {
        var.value = instruction.arguments.substr(value_begin);
        var.value_span = instruction.span_of(value_begin, instruction.arguments.size());
      } else {
        var.value_span = {all.front().span.end, all.front().span.end};
      }
      found.push_back(std::move(var));
    } else {
      for (const Located& word : all) {
        EnvVar var;
        var.build_arg = build_arg;
        var.span = word.span;
        std::size_t equals = word.text.find('=');
        std::string_view written = file_->text(word.span);
        std::size_t written_equals = written.find('=');
        if (equals == std::string::npos || written_equals == std::string_view::npos) {
          var.name = word.text.substr(0, equals);
          var.value_span = {word.span.end, word.span.end};
        } else {
          var.name = word.text.substr(0, equals);
          var.value = word.text.substr(equals + 1);
          var.value_span = {word.span.begin + written_equals + 1, word.span.end};
        }
        found.push_back(std::move(var));
      }
    }
    for (EnvVar& var : found) {
      container::mark_secrets(*file_, var);
      if (stage) {
        stage->env.push_back(std::move(var));
      } else if (build_arg) {
        global_args_[var.name] = var.value.value_or("");
      }
    }
  }

  std::vector<Located> command_words(const Instruction& instruction) const {
    if (auto array = json_array(instruction)) return *array;
    return words(instruction);
  }

  void start_stage(const Instruction& instruction) {
    Stage stage;
    auto all = words(instruction);
    std::size_t i = 0;
    while (i < all.size() && all[i].text.starts_with("--")) ++i;
    if (i >= all.size()) {
      error(instruction, "FROM names no image");
      stage.image = {"", instruction.span};
    } else {
      stage.image = all[i];
      if (i + 2 < all.size() && lower(all[i + 1].text) == "as") stage.alias = all[i + 2].text;
    }
    std::string image = lower(substitute_global_args(stage.image.text));
    for (std::size_t s = 0; s < model_.stages.size(); ++s) {
      if (model_.stages[s].alias && lower(*model_.stages[s].alias) == image) stage.parent = s;
    }
    if (stage.parent) {
      const Stage& parent = model_.stages[*stage.parent];
      stage.runs_postgres = parent.runs_postgres;
      stage.has_healthcheck = parent.has_healthcheck;
      stage.user = parent.user;
      stage.command = parent.command;
      stage.entrypoint = parent.entrypoint;
      stage.server_settings = parent.server_settings;
    } else {
      stage.runs_postgres = container::is_postgres_image(image);
    }
    model_.stages.push_back(std::move(stage));
  }

  void handle(Instruction instruction) {
    model_.instructions.push_back(instruction);
    const std::string& keyword = instruction.keyword;
    if (std::find(known_keywords.begin(), known_keywords.end(), keyword) == known_keywords.end()) {
      error(instruction, "unknown instruction: " + keyword);
      return;
    }
    if (keyword == "FROM") {
      start_stage(instruction);
      model_.stages.back().instructions.push_back(std::move(instruction));
      return;
    }
    if (model_.stages.empty()) {
      if (keyword == "ARG") {
        read_env(instruction, nullptr, true);
        model_.global_args.push_back(std::move(instruction));
      } else {
        error(instruction, keyword + " before the first FROM");
      }
      return;
    }
    Stage& stage = model_.stages.back();
    if (keyword == "ENV" || keyword == "ARG") {
      if (instruction.arguments.empty()) error(instruction, keyword + " requires at least one argument");
      read_env(instruction, &stage, keyword == "ARG");
    } else if (keyword == "HEALTHCHECK") {
      auto all = words(instruction);
      stage.has_healthcheck = !(all.size() == 1 && upper(all.front().text) == "NONE");
    } else if (keyword == "USER") {
      auto all = words(instruction);
      if (!all.empty()) stage.user = all.front().text;
    } else if (keyword == "CMD" || keyword == "ENTRYPOINT") {
      (keyword == "CMD" ? stage.command : stage.entrypoint) = command_words(instruction);
      stage.server_settings = container::server_settings(*file_, stage.entrypoint);
      auto more = container::server_settings(*file_, stage.command);
      stage.server_settings.insert(stage.server_settings.end(), more.begin(), more.end());
      for (const auto& setting : stage.server_settings) container::mark_secrets(*file_, setting);
      if (container::is_postgres_command(stage.command) || container::is_postgres_command(stage.entrypoint)) {
        stage.runs_postgres = true;
      }
    }
    stage.instructions.push_back(std::move(instruction));
  }

  SourceFilePtr file_;
  std::string_view text_;
  std::vector<Line> lines_;
  char escape_ = '\\';
  std::map<std::string, std::string> global_args_;
  DockerfileModel model_;
};

}  // namespace

Span Instruction::span_of(std::size_t begin, std::size_t end) const {
  if (offsets.empty()) return span;
  begin = std::min(begin, offsets.size() - 1);
  end = std::min(end, offsets.size() - 1);
  if (end <= begin) return {offsets[begin], offsets[begin]};
  return {offsets[begin], offsets[end - 1] + 1};
}

std::optional<std::vector<Located>> json_array(const Instruction& instruction) {
  const std::string& text = instruction.arguments;
  std::size_t i = 0;
  auto skip = [&] {
    while (i < text.size() && is_space(text[i])) ++i;
  };
  skip();
  if (i >= text.size() || text[i] != '[') return std::nullopt;
  ++i;
  std::vector<Located> elements;
  skip();
  if (i < text.size() && text[i] == ']') {
    ++i;
    skip();
    return i == text.size() ? std::optional(elements) : std::nullopt;
  }
  for (;;) {
    skip();
    if (i >= text.size() || text[i] != '"') return std::nullopt;
    std::size_t begin = i++;
    std::string value;
    while (i < text.size() && text[i] != '"') {
      if (text[i] == '\\' && i + 1 < text.size()) {
        char c = text[i + 1];
        switch (c) {
          case 'n': value += '\n'; break;
          case 't': value += '\t'; break;
          case 'r': value += '\r'; break;
          case 'b': value += '\b'; break;
          case 'f': value += '\f'; break;
          case 'u': value += "\\u"; break;  // kept as written
          default: value += c;
        }
        i += 2;
        continue;
      }
      value += text[i++];
    }
    if (i >= text.size()) return std::nullopt;
    ++i;
    elements.push_back({std::move(value), instruction.span_of(begin, i)});
    skip();
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == ']') {
      ++i;
      skip();
      if (i != text.size()) return std::nullopt;
      return elements;
    }
    return std::nullopt;
  }
}

DockerfileModel read_dockerfile(const SourceFilePtr& file) {
  try {
    return Reader(file).read();
  } catch (const std::exception& e) {
    DockerfileModel model;
    model.file = file;
    model.errors.push_back(make_error(*file, std::string("could not read the Dockerfile: ") + e.what(), {0, 0}));
    return model;
  }
}

}  // namespace pglint::dockerfile
