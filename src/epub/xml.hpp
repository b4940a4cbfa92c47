// Small helpers over pugixml shared by every XML file in the package.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace galley::epub::detail {

// A document that starts with <?xml version="1.0" encoding="UTF-8"?>.
void add_xml_declaration(pugi::xml_document& document);

// The document as UTF-8 text, written raw (pugixml never adds whitespace of
// its own: inside mixed content and <pre> that whitespace would show). Line
// breaks come only from the text nodes add_line_break puts where whitespace
// does not matter, so the output is both readable and exact.
std::string to_xml_string(const pugi::xml_document& document);

// A newline text node at the end of `parent`, between block-level children.
void add_line_break(pugi::xml_node parent);

// `name` as the last child of `parent`, on a new line: for block-level
// elements and in containers where whitespace does not matter.
pugi::xml_node append_block(pugi::xml_node parent, const char* name);

// Appends text, merging it into a preceding text node so that a run of
// words is one node.
void append_text(pugi::xml_node parent, std::string_view text);

// A child element with text content: <name>text</name>.
pugi::xml_node append_text_element(pugi::xml_node parent, const char* name, std::string_view text);

}  // namespace galley::epub::detail
