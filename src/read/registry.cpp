// The one table of input formats: name, file extensions, reader.
#include <algorithm>
#include <array>
#include <cctype>

#include "galley/galley.hpp"
#include "read/readers.hpp"
#include "read/zip_input.hpp"

namespace galley {
namespace {

using Reader = ReadResult (*)(const ReadOptions&, std::string_view);

struct InputFormatEntry {
  InputFormat format;
  const char* name;
  std::array<const char*, 3> extensions;
  Reader reader;  // null while galley cannot read the format yet
};

constexpr InputFormatEntry input_formats[] = {
    {InputFormat::plain, "plain text", {".txt", ".text", nullptr}, &read::read_plaintext},
    {InputFormat::markdown, "Markdown", {".md", ".markdown", nullptr}, &read::read_markdown},
    {InputFormat::nitf, "NITF", {".xml", ".nitf", nullptr}, &read::read_nitf},
    {InputFormat::docx, "Word", {".docx", ".docm", nullptr}, &read::read_docx},
    {InputFormat::odt, "OpenDocument text", {".odt", nullptr, nullptr}, &read::read_odt},
};

const InputFormatEntry& entry_for(InputFormat format) {
  return *std::find_if(std::begin(input_formats), std::end(input_formats),
                       [format](const InputFormatEntry& entry) { return entry.format == format; });
}

}  // namespace

bool has_article_extension(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const InputFormatEntry& entry : input_formats)
    for (const char* candidate : entry.extensions)
      if (candidate && extension == candidate) return true;
  return false;
}

InputFormat detect_input_format(const std::filesystem::path& path, std::string_view bytes) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const InputFormatEntry& entry : input_formats)
    for (const char* candidate : entry.extensions)
      if (candidate && extension == candidate) return entry.format;
  // No telling extension: a zip says what it is by what it holds (Word's
  // word/document.xml, OpenDocument's mimetype entry); a compound file is
  // Word's old or encrypted format, which the Word reader names; XML
  // announces itself; anything else is read as text.
  if (read::detail::looks_like_zip(bytes))
    return read::detail::is_opendocument_text(bytes) ? InputFormat::odt : InputFormat::docx;
  if (read::detail::looks_like_compound_file(bytes)) return InputFormat::docx;
  std::size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && bytes.substr(first, 5) == "<?xml") return InputFormat::nitf;
  return InputFormat::plain;
}

ReadResult read_document(InputFormat format, const ReadOptions& options, std::string_view bytes) {
  const InputFormatEntry& entry = entry_for(format);
  if (!entry.reader)
    throw Error(ErrorKind::usage, options.file_name,
                std::string("galley cannot read ") + entry.name + " yet; convert it to plain text");
  return entry.reader(options, bytes);
}

}  // namespace galley
