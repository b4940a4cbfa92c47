// What the XML readers (nitf.cpp, newsml.cpp, jats.cpp) share once the file
// is parsed (xml_input.hpp): looking elements up by their local name, their
// text, and the converter that maps article XML onto the document model.
#pragma once

#include <pugixml.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/doc.hpp"
#include "galley/errors.hpp"
#include "galley/galley.hpp"

namespace galley::read::xml {

// ---------------------------------------------------------------- names and text

// The element's name without its namespace prefix ("g2:newsItem" → "newsItem").
std::string_view local_name(pugi::xml_node node);
// The first child element with this local name, or a null node.
pugi::xml_node child_named(pugi::xml_node parent, std::string_view name);
// The first descendant element (depth first) with this local name, or a null node.
pugi::xml_node descendant_named(pugi::xml_node parent, std::string_view name);
// The attribute with this name, with or without a namespace prefix; "" when absent.
std::string attribute_of(pugi::xml_node node, std::string_view name);
// All the text under `root`, skipping elements named `skip`; with
// `space_between_elements`, element boundaries also end words.
void gather_text(pugi::xml_node root, std::string& text, std::string_view skip = {},
                 bool space_between_elements = false);
// The text under `node` with its whitespace collapsed to single spaces.
std::string collapsed_text(pugi::xml_node node, std::string_view skip = {});
// NITF's "20020226T093000-0500" and NewsML-G2's "2016-10-19T11:15:00-05:00":
// the calendar date as written; nullopt when it is not one.
std::optional<doc::Date> parse_iso_date(std::string_view text);

// ---------------------------------------------------------------- the body mapping

// Maps block containers (NITF's body.content, JATS's body and sec, XHTML's
// body) and inline elements onto the model, up to a depth limit past which
// the words are kept as plain text with one warning. Footnotes met on the
// way are collected for the document.
class XmlConverter {
 public:
  // `buffer` is the text pugixml parsed (for line numbers in warnings); it
  // and `diagnostics` must outlive the converter.
  XmlConverter(const std::string& file_name, std::string_view buffer, int max_depth, Diagnostics& diagnostics);
  ~XmlConverter();
  XmlConverter(const XmlConverter&) = delete;
  XmlConverter& operator=(const XmlConverter&) = delete;

  // The blocks of `parent`'s children; `section_depth` is how many sections
  // enclose it (a JATS <sec>'s title is a heading one level below).
  doc::Blocks blocks_of(pugi::xml_node parent, int section_depth = 0);
  doc::Inlines inlines_of(pugi::xml_node parent);
  std::vector<doc::Footnote> take_footnotes();
  // A warning naming the line of `node`.
  void warn(pugi::xml_node node, std::string message);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// ---------------------------------------------------------------- a reader's frame

// Reads the article under `root` into `document`; false when the root is not
// the reader's format (the file is then read for its text, with a warning).
using ArticleOfRoot = bool (*)(pugi::xml_node root, doc::Document& document, XmlConverter& converter,
                               const std::string& file_name);

// What every XML reader does around its own mapping: decode and parse the
// bytes (xml_input.hpp), convert within the depth limit, collect the
// footnotes, default the language, and refuse a file that holds no article.
ReadResult read_xml_article(const ReadOptions& options, std::string_view bytes, ArticleOfRoot read_root);

}  // namespace galley::read::xml
