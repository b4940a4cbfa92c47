// The one table of input formats: name, file extensions, reader.
#include <algorithm>
#include <array>
#include <cctype>

#include "galley/galley.hpp"
#include "read/readers.hpp"
#include "read/xml_input.hpp"
#include "read/zip_input.hpp"
#include "typo/typography.hpp"

namespace galley {
namespace {

using Reader = ReadResult (*)(const ReadOptions&, std::string_view);

struct InputFormatEntry {
  InputFormat format;
  const char* option_name;  // what --from takes
  const char* name;         // what messages say
  std::array<const char*, 3> extensions;
  // The local names of the root elements that make an XML file this format;
  // the first XML format in the table is the default for other roots.
  std::array<const char*, 2> xml_roots;
  Reader reader;  // null while galley cannot read the format yet
};

constexpr InputFormatEntry input_formats[] = {
    {InputFormat::plain, "plain", "plain text", {".txt", ".text", nullptr}, {}, &read::read_plaintext},
    {InputFormat::markdown, "markdown", "Markdown", {".md", ".markdown", nullptr}, {}, &read::read_markdown},
    {InputFormat::nitf, "nitf", "NITF", {".xml", ".nitf", nullptr}, {"nitf", nullptr}, &read::read_nitf},
    {InputFormat::newsml, "newsml", "NewsML-G2", {nullptr, nullptr, nullptr}, {"newsItem", "newsMessage"},
     &read::read_newsml},
    {InputFormat::jats, "jats", "JATS", {nullptr, nullptr, nullptr}, {"article", nullptr}, &read::read_jats},
    {InputFormat::html, "html", "HTML", {".html", ".htm", ".xhtml"}, {}, &read::read_html},
    {InputFormat::docx, "docx", "Word", {".docx", ".docm", nullptr}, {}, &read::read_docx},
    {InputFormat::odt, "odt", "OpenDocument text", {".odt", nullptr, nullptr}, {}, &read::read_odt},
};

// Which XML format a file is, by its root element; NITF (which reads any
// other root for its text) when no entry claims it.
InputFormat xml_format_of(std::string_view bytes) {
  const std::string root = read::xml::root_element_name(bytes);
  for (const InputFormatEntry& entry : input_formats)
    for (const char* candidate : entry.xml_roots)
      if (candidate && root == candidate) return entry.format;
  return InputFormat::nitf;
}

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

namespace {

// Formats people hand galley that it does not read, by their first bytes:
// these are refused rather than typeset as text.
const char* foreign_format(std::string_view bytes) {
  struct Signature {
    std::string_view magic;
    const char* name;
  };
  static constexpr Signature signatures[] = {
      {"%PDF-", "a PDF file"},
      {"\x89PNG\r\n\x1A\n", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF87a", "a GIF image"},
      {"GIF89a", "a GIF image"},
      {"\x1F\x8B", "a gzip archive"},
      {"{\\rtf", "an RTF document"},
      {"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
      {"Rar!", "a RAR archive"},
      {"BZh", "a bzip2 archive"},
      {"\xFD" "7zXZ", "an xz archive"},
  };
  for (const Signature& signature : signatures)
    if (bytes.substr(0, signature.magic.size()) == signature.magic) return signature.name;
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return "a WebP image";
  if (bytes.size() > 262 && bytes.substr(257, 5) == "ustar") return "a tar archive";
  return nullptr;
}

bool starts_like_html(std::string_view bytes) {
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") first = bytes.find_first_not_of(" \t\r\n", 3);
  if (first == std::string_view::npos) return false;
  std::string start(bytes.substr(first, 15));
  std::transform(start.begin(), start.end(), start.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0;
}

}  // namespace

InputFormat detect_input_format(const std::filesystem::path& path, std::string_view bytes) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const InputFormatEntry& entry : input_formats)
    for (const char* candidate : entry.extensions)
      if (candidate && extension == candidate)
        return entry.format == InputFormat::nitf ? xml_format_of(bytes) : entry.format;
  // No telling extension: a zip says what it is by what it holds (Word's
  // word/document.xml, OpenDocument's mimetype entry); a compound file is
  // Word's old or encrypted format, which the Word reader names; other
  // formats galley does not read are refused; XML and HTML announce
  // themselves; anything else is read as text.
  if (read::detail::looks_like_zip(bytes))
    return read::detail::is_opendocument_text(bytes) ? InputFormat::odt : InputFormat::docx;
  if (read::detail::looks_like_compound_file(bytes)) return InputFormat::docx;
  if (const char* foreign = foreign_format(bytes))
    throw Error(ErrorKind::bad_input, path.string(), std::string("unsupported input format: this is ") + foreign +
                                                         ", which galley does not read");
  std::size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && bytes.substr(first, 5) == "<?xml") return xml_format_of(bytes);
  if (starts_like_html(bytes)) return InputFormat::html;
  return InputFormat::plain;
}

std::vector<std::string> input_format_names() {
  std::vector<std::string> names;
  for (const InputFormatEntry& entry : input_formats) names.emplace_back(entry.option_name);
  return names;
}

std::optional<InputFormat> input_format_named(std::string_view name) {
  for (const InputFormatEntry& entry : input_formats)
    if (name == entry.option_name) return entry.format;
  return std::nullopt;
}

ReadResult read_document(InputFormat format, const ReadOptions& options, std::string_view bytes) {
  const InputFormatEntry& entry = entry_for(format);
  if (!entry.reader)
    throw Error(ErrorKind::usage, options.file_name,
                std::string("galley cannot read ") + entry.name + " yet; convert it to plain text");
  ReadResult result = entry.reader(options, bytes);
  // Quotes, dashes and ellipses once, the same for every format.
  typo::apply_typography(result.document);
  return result;
}

}  // namespace galley
