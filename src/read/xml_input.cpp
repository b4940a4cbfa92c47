// Reading an XML file: its encoding (the declaration, else UTF-8 with the
// Windows-1252 fallback of read/text_decoding) and pugixml's parse, with
// the line of any damage.
//
// Safety: pugixml neither fetches a DTD nor expands an entity other than the
// five predefined ones and character references, so a DOCTYPE is skipped
// (parse_doctype is off) and `&custom;` stays literal text.
#include "read/xml_input.hpp"

#include <glib.h>

#include <algorithm>

#include "read/text_decoding.hpp"

namespace galley::read::xml {
namespace {

// The encoding the XML declaration names, lowercased; empty without one.
std::string declared_encoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 5) != "<?xml") return {};
  std::size_t end = bytes.find("?>");
  if (end == std::string_view::npos) return {};
  // The declaration is itself XML: pugixml reads its attributes.
  pugi::xml_document declaration;
  std::string text(bytes.substr(0, end + 2));
  // Alone, the declaration is not a document ("no document element"), but
  // pugixml has read it by the time it says so.
  declaration.load_buffer(text.data(), text.size(), pugi::parse_declaration, pugi::encoding_utf8);
  if (declaration.first_child().type() != pugi::node_declaration) return {};
  std::string encoding = declaration.first_child().attribute("encoding").value();
  for (char& c : encoding) c = static_cast<char>(g_ascii_tolower(c));
  return encoding;
}

// The bytes as UTF-8, honouring the declared encoding; UTF-16 with a BOM is
// pugixml's own business and is left as it is.
std::string to_utf8(std::string_view bytes, const std::string& file_name, Diagnostics& diagnostics) {
  const bool utf16 = bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF &&
                                            static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                                           (static_cast<unsigned char>(bytes[0]) == 0xFE &&
                                            static_cast<unsigned char>(bytes[1]) == 0xFF));
  if (utf16) return std::string(bytes);
  std::string encoding = declared_encoding(bytes);
  if (encoding == "latin1" || encoding == "latin-1" || encoding == "iso_8859-1" || encoding == "iso-8859-1" ||
      encoding == "us-ascii" || encoding == "ascii")
    encoding = "ISO-8859-1";
  if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8") {
    std::string why;
    if (std::optional<std::string> converted = detail::decode_declared(bytes, encoding, why)) return *converted;
    const std::string message = why.empty() ? "conversion failed" : why;
    diagnostics.push_back({file_name, 1, "cannot read the declared encoding " + encoding + " (" + message +
                                             "); read as UTF-8, lines that are not as Windows-1252"});
  } else if (g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), nullptr)) {
    return std::string(bytes);
  }
  // The plain-text reader's decoding: a file that is UTF-8 but for a stray
  // byte keeps its UTF-8 letters, only the lines that are not UTF-8 are read
  // as Windows-1252, and each is named in a warning.
  return detail::decode_text(bytes, file_name, diagnostics);
}

}  // namespace

void parse_xml(ParsedXml& parsed, std::string_view bytes, const std::string& file_name, bool recover,
               Diagnostics& diagnostics) {
  parsed.buffer = to_utf8(bytes, file_name, diagnostics);
  // The converted buffer is UTF-8 whatever the declaration says, so the
  // encoding is given, not detected (a UTF-16 BOM still wins).
  const bool utf16 = parsed.buffer.size() >= 2 && (static_cast<unsigned char>(parsed.buffer[0]) >= 0xFE);
  const pugi::xml_parse_result result = parsed.document.load_buffer(
      parsed.buffer.data(), parsed.buffer.size(), pugi::parse_default & ~pugi::parse_doctype,
      utf16 ? pugi::encoding_auto : pugi::encoding_utf8);
  if (!result) {
    const std::ptrdiff_t offset = std::min<std::ptrdiff_t>(result.offset, static_cast<std::ptrdiff_t>(parsed.buffer.size()));
    const int line = 1 + static_cast<int>(std::count(parsed.buffer.begin(), parsed.buffer.begin() + offset, '\n'));
    // A document cut short (a feed's file half written) would publish half
    // an article as if whole, so damage is an error. With `recover` the
    // readable beginning is kept; damage with more text after it is not a
    // cut, and reading on would lose that text, so it stays an error.
    const bool damage_at_end = parsed.buffer.find('<', static_cast<std::size_t>(offset) + 1) == std::string::npos;
    if (!parsed.document.document_element() || !damage_at_end)
      throw Error(ErrorKind::bad_input, file_name, line, std::string("not well-formed XML: ") + result.description());
    if (!recover)
      throw Error(ErrorKind::bad_input, file_name, line,
                  std::string("not well-formed XML: ") + result.description() +
                      " (cut short? --recover keeps what comes before the damage)");
    diagnostics.push_back({file_name, line, std::string("not well-formed XML (") + result.description() +
                                                "); reading what comes before"});
  }
}

std::string root_element_name(std::string_view bytes) {
  // Only the name is wanted: pugixml's minimal parse, which keeps no text.
  pugi::xml_document document;
  document.load_buffer(bytes.data(), bytes.size(), pugi::parse_minimal, pugi::encoding_auto);
  std::string_view name = document.document_element().name();
  const std::size_t colon = name.find(':');
  return std::string(colon == std::string_view::npos ? name : name.substr(colon + 1));
}

}  // namespace galley::read::xml
