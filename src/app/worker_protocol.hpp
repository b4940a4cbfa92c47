// What a batch's worker process tells its parent about one article, one line
// on a socket (app/worker_pool.hpp), and the article results themselves.
//
// A worker reads one job a line on its stdin (the article's path) and
// answers one line on its stdout, fields apart by tabs:
//   ok TAB identifier TAB pages TAB modified TAB dated_by TAB publisher
//      TAB image count {TAB image src TAB sha256}... {TAB output path TAB sha256 TAB size}...
//   failed TAB kind TAB message
// Backslash, tab and newline inside a field are written \\, \t and \n.
#pragma once

#include <charconv>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/errors.hpp"

namespace galley::app {

struct OutputRecord {
  std::string path;         // as printed: the output folder joined with the file name
  std::string sha256;       // lowercase hex
  std::uintmax_t size = 0;  // bytes
};

// An image the article names (a figure's, the cover's), as it names it.
struct ImageRecord {
  std::string src;     // as the article writes it: relative to the article's folder, or absolute
  std::string sha256;  // of the file when the article was converted; empty when there was none
};

struct ArticleResult {
  bool converted = false;
  std::vector<OutputRecord> outputs;
  std::string identifier;  // dc:identifier, as the EPUB has it
  std::size_t pages = 0;   // pages of the print layout (the PDF's; the EPUB's page list)
  std::int64_t modified = 0;  // the outputs' date, seconds since the epoch (resolve_build_time)
  std::string dated_by;       // where it came from: "article", "SOURCE_DATE_EPOCH" or "file"
  std::string publisher;      // the article's, when it names one
  std::vector<ImageRecord> images;  // sorted by src, each once
  std::string error_kind;  // "bad_input", "io", "usage", "internal", or "crash"
  std::string error;       // the message, naming the file
};

// A result that is a failure of this kind, with this message.
ArticleResult failed(std::string kind, std::string error);

// The manifest's name of an error kind: "bad_input", "io", "usage", "internal".
const char* kind_name(ErrorKind kind);

// A field with backslash, tab and newline escaped, and back.
std::string escaped(std::string_view text);
std::string unescaped(std::string_view text);

// The line a worker writes for a result (newline included), and the result
// the parent reads back from it; a line that cannot be read is an internal
// failure of `source`.
std::string encode_result(const ArticleResult& result);
ArticleResult decode_result(std::string_view line, const std::filesystem::path& source);

// A whole decimal number, nothing before or after it.
template <typename Number>
std::optional<Number> number_in(std::string_view text) {
  Number value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace galley::app
