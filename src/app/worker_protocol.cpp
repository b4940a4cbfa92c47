#include "app/worker_protocol.hpp"

namespace galley::app {
namespace {

std::vector<std::string> split_fields(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(unescaped(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

ArticleResult failed(std::string kind, std::string error) {
  ArticleResult result;
  result.error_kind = std::move(kind);
  result.error = std::move(error);
  return result;
}

const char* kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::bad_input: return "bad_input";
    case ErrorKind::io: return "io";
    case ErrorKind::usage: return "usage";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string unescaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t index = 0; index < text.size(); ++index) {
    if (text[index] != '\\' || index + 1 == text.size()) {
      out += text[index];
      continue;
    }
    char next = text[++index];
    out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
  }
  return out;
}

std::string encode_result(const ArticleResult& result) {
  std::string line;
  if (result.converted) {
    line = "ok\t" + escaped(result.identifier) + "\t" + std::to_string(result.pages) + "\t" +
           std::to_string(result.modified) + "\t" + escaped(result.dated_by) + "\t" + escaped(result.publisher) + "\t" +
           std::to_string(result.images.size());
    for (const ImageRecord& image : result.images) line += "\t" + escaped(image.src) + "\t" + image.sha256;
    for (const OutputRecord& output : result.outputs)
      line += "\t" + escaped(output.path) + "\t" + output.sha256 + "\t" + std::to_string(output.size);
  } else {
    line = "failed\t" + escaped(result.error_kind) + "\t" + escaped(result.error);
  }
  return line + "\n";
}

ArticleResult decode_result(std::string_view line, const std::filesystem::path& source) {
  std::vector<std::string> fields = split_fields(line);
  if (fields.size() == 3 && fields[0] == "failed") return failed(fields[1], fields[2]);
  // ok, identifier, pages, modified, dated_by, publisher, image count
  constexpr std::size_t head = 7;
  const std::size_t images =
      fields.size() >= head ? number_in<std::size_t>(fields[6]).value_or(fields.size()) : fields.size();
  if (fields[0] == "ok" && fields.size() >= head && images <= (fields.size() - head) / 2 &&
      (fields.size() - head - 2 * images) % 3 == 0) {
    ArticleResult result;
    result.converted = true;
    result.identifier = fields[1];
    std::optional<std::size_t> pages = number_in<std::size_t>(fields[2]);
    std::optional<std::int64_t> modified = number_in<std::int64_t>(fields[3]);
    bool readable = pages.has_value() && modified.has_value();
    result.pages = pages.value_or(0);
    result.modified = modified.value_or(0);
    result.dated_by = fields[4];
    result.publisher = fields[5];
    std::size_t index = head;
    for (std::size_t image = 0; image < images; ++image, index += 2)
      result.images.push_back({fields[index], fields[index + 1]});
    for (; index < fields.size(); index += 3) {
      std::optional<std::uintmax_t> size = number_in<std::uintmax_t>(fields[index + 2]);
      readable = readable && size.has_value();
      result.outputs.push_back({fields[index], fields[index + 1], size.value_or(0)});
    }
    if (readable) return result;
  }
  return failed("internal", source.string() + ": the worker's report cannot be read: " + std::string(line));
}

}  // namespace galley::app
