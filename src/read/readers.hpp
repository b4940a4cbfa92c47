// The readers, one format per file, all with the same signature.
#pragma once

#include <string_view>

#include "galley/galley.hpp"

namespace galley::read {

ReadResult read_plaintext(const ReadOptions& options, std::string_view bytes);
ReadResult read_markdown(const ReadOptions& options, std::string_view bytes);
// The XML formats, on the shared XML input (xml_input.hpp) and converter
// (xml_model.hpp): NITF 3.x (nitf.cpp); NewsML-G2 news items that carry
// NITF or XHTML (newsml.cpp); JATS journal articles (jats.cpp).
ReadResult read_nitf(const ReadOptions& options, std::string_view bytes);
ReadResult read_newsml(const ReadOptions& options, std::string_view bytes);
ReadResult read_jats(const ReadOptions& options, std::string_view bytes);
// Web pages and CMS exports of one article (html.cpp).
ReadResult read_html(const ReadOptions& options, std::string_view bytes);
// Word: WordprocessingML packages, .docx and .docm (docx.cpp).
ReadResult read_docx(const ReadOptions& options, std::string_view bytes);
// OpenDocument Text packages, .odt (odt.cpp).
ReadResult read_odt(const ReadOptions& options, std::string_view bytes);

}  // namespace galley::read
