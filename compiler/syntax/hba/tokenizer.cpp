// Splits pg_hba.conf / pg_ident.conf into logical lines and fields, as hba.c's
// tokenize_auth_file, next_field_expand and next_token do it.
#include <fmt/format.h>

#include <filesystem>

#include "compiler/syntax/hba/grammar.hpp"
#include "compiler/syntax/hba/secrets.hpp"
#include "compiler/syntax/hba/tree.hpp"

namespace pglint::hba {

namespace {

namespace pegtl = tao::pegtl;

// Maximum @file nesting (16+ enforces 10; 13-15 recurse without limit, which pglint
// does not copy: a self-referencing @file would never end).
constexpr int max_at_file_depth = 10;

// 13-15 (current minor releases) read tokens into a 10240-byte buffer; 16+ has no limit.
constexpr std::size_t max_token_length = 10240;

// The text of one logical line and, for each of its bytes, the file offset it came from.
struct LineText {
  std::string text;
  std::vector<std::size_t> offsets;
};

template <typename Rule>
std::size_t match_length(std::string_view text, std::size_t at) {
  std::string_view rest = text.substr(at);
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(rest.data(), rest.data() + rest.size(), "");
  if (!pegtl::parse<Rule>(in)) return 0;
  return static_cast<std::size_t>(in.current() - rest.data());
}

// Removes the quotes of a matched token: quotes toggle, "" inside quotes is one quote.
std::string unquote(std::string_view raw) {
  std::string out;
  bool in_quote = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c != '"') {
      out += c;
    } else if (in_quote && i + 1 < raw.size() && raw[i + 1] == '"') {
      out += '"';
      ++i;
    } else {
      in_quote = !in_quote;
    }
  }
  return out;
}

class Tokenizer {
 public:
  Tokenizer(SourceFilePtr file, const TokenizeOptions& options) : file_(std::move(file)), options_(options) {}

  AuthFile run() {
    AuthFile result;
    result.file = file_;
    std::string_view text = file_->text();
    std::size_t offset = 0;
    while (offset < text.size()) {
      LogicalLine line;
      LineText content = read_logical_line(text, offset, line.span);
      line.line_number = file_->position(line.span.begin).line;
      split_fields(content, line);
      offset = line.span.end;
      result.lines.push_back(std::move(line));
    }
    return result;
  }

 private:
  // One physical line; in 14+ a line whose content ends with '\' continues on the next.
  LineText read_logical_line(std::string_view text, std::size_t begin, Span& span) const {
    LineText content;
    std::size_t offset = begin;
    while (true) {
      std::size_t newline = text.find('\n', offset);
      std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
      // pg_strip_crlf: every trailing \r and \n goes.
      std::size_t content_end = end;
      while (content_end > offset && (text[content_end - 1] == '\n' || text[content_end - 1] == '\r')) --content_end;
      bool continues = options_.major >= 14 && content_end > offset && text[content_end - 1] == '\\' &&
                       end < text.size();
      if (continues) --content_end;
      for (std::size_t i = offset; i < content_end; ++i) {
        content.text += text[i];
        content.offsets.push_back(i);
      }
      offset = end;
      if (!continues) break;
    }
    span = {begin, offset};
    // The C string stops at a NUL byte.
    if (auto nul = content.text.find('\0'); nul != std::string::npos) {
      content.text.resize(nul);
      content.offsets.resize(nul);
    }
    return content;
  }

  Span file_span(const LineText& content, std::size_t from, std::size_t to) const {
    if (from >= content.offsets.size()) {
      std::size_t end = content.offsets.empty() ? 0 : content.offsets.back() + 1;
      return {end, end};
    }
    return {content.offsets[from], content.offsets[to - 1] + 1};
  }

  // The file spans of the line's bytes from `from` on: one per stretch of consecutive file
  // offsets, so a comment continued onto the next physical line gets one span per line.
  static std::vector<Span> runs(const LineText& content, std::size_t from) {
    std::vector<Span> spans;
    for (std::size_t i = from; i < content.offsets.size(); ++i) {
      std::size_t offset = content.offsets[i];
      if (!spans.empty() && spans.back().end == offset) {
        spans.back().end = offset + 1;
      } else {
        spans.push_back({offset, offset + 1});
      }
    }
    return spans;
  }

  void split_fields(const LineText& content, LogicalLine& line) {
    std::string_view text = content.text;
    std::size_t at = 0;
    while (at < text.size() && !line.error) {
      Field field;
      bool more = true;
      while (more && !line.error) {
        at += match_length<pegtl::star<grammar::separator>>(text, at);
        if (at >= text.size() || text[at] == '#') {
          line.comments = runs(content, at);
          at = text.size();
          break;
        }
        std::size_t length = match_length<grammar::token>(text, at);
        Token token;
        token.text = unquote(text.substr(at, length));
        if (options_.major <= 15 && token.text.size() >= max_token_length) {
          fail(line, file_span(content, at, at + length), "authentication file token too long");
          return;
        }
        token.quoted = text[at] == '"';
        token.span = file_span(content, at, at + length);
        token.file = file_;
        mark_if_secret(token);
        at += length;
        more = at < text.size() && text[at] == ',';
        if (more) ++at;
        if (!token.quoted && token.text.size() > 1 && token.text.front() == '@') {
          expand_at_file(token, field, line);
        } else {
          field.push_back(std::move(token));
        }
      }
      if (!field.empty()) line.fields.push_back(std::move(field));
    }
  }

  // @file: every token of every line of the named file joins the current list.
  void expand_at_file(const Token& reference, Field& field, LogicalLine& line) {
    std::string name = reference.text.substr(1);
    std::filesystem::path path = std::filesystem::path(name).is_absolute()
                                     ? std::filesystem::path(name)
                                     : file_->real_path().parent_path() / name;
    std::string display = std::filesystem::path(name).is_absolute()
                              ? name
                              : (std::filesystem::path(file_->display_path()).parent_path() / name).string();
    if (options_.at_file_depth + 1 > max_at_file_depth) {
      fail(line, reference.span, fmt::format("could not open file \"{}\": maximum nesting depth exceeded", display));
      return;
    }
    std::string error;
    auto source = (options_.files ? *options_.files : disk_files()).read(path, display, error);
    if (!source) {
      std::string reason = std::filesystem::exists(path) ? "Permission denied" : "No such file or directory";
      if (options_.major >= 16) {
        fail(line, reference.span, fmt::format("could not open file \"{}\": {}", display, reason));
      } else {
        fail(line, reference.span,
             fmt::format("could not open secondary authentication file \"@{}\" as \"{}\": {}", name, display, reason));
      }
      return;
    }
    TokenizeOptions nested = options_;
    nested.at_file_depth += 1;
    AuthFile included = Tokenizer(*source, nested).run();
    for (const LogicalLine& included_line : included.lines) {
      if (included_line.error) {
        fail(line, reference.span, *included_line.error);
        return;
      }
      for (const Field& included_field : included_line.fields) {
        for (Token token : included_field) {
          // Findings on these tokens point at the @file reference in this file.
          token.from_at_file = true;
          token.span = reference.span;
          token.file = file_;
          field.push_back(std::move(token));
        }
      }
    }
  }

  // The value part of ldapbindpasswd=... and radiussecrets=... is a secret.
  void mark_if_secret(const Token& token) const {
    std::size_t equals = token.text.find('=');
    if (equals == std::string::npos || !is_secret_option(std::string_view(token.text).substr(0, equals))) return;
    std::string_view raw = file_->text(token.span);
    std::size_t raw_equals = raw.find('=');
    if (raw_equals == std::string_view::npos) return;
    file_->mark_secret({token.span.begin + raw_equals + 1, token.span.end});
  }

  static void fail(LogicalLine& line, Span span, std::string message) {
    line.error = std::move(message);
    line.error_span = span;
  }

  SourceFilePtr file_;
  TokenizeOptions options_;
};

}  // namespace

AuthFile tokenize(SourceFilePtr file, const TokenizeOptions& options) { return Tokenizer(std::move(file), options).run(); }

std::string print(const AuthFile& file) {
  std::string out;
  for (const LogicalLine& line : file.lines) out += file.file->text(line.span);
  return out;
}

}  // namespace pglint::hba
