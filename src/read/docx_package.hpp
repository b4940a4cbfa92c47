// The Word reader's package plumbing (docx_package.cpp): WordprocessingML
// parts and their relationships, core properties, notes and language, on
// the shared office helpers (office.hpp) and the zip input (zip_input.hpp).
#pragma once

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "galley/doc.hpp"
#include "galley/errors.hpp"
#include "read/office.hpp"
#include "read/zip_input.hpp"

namespace galley::read::docx {

using detail::attribute;
using detail::child;
using detail::descendant;
using detail::is_element;
using detail::local_name;
using detail::XmlPart;

// The w:val of a child element ("<w:pStyle w:val='Heading1'/>").
std::string value_of(pugi::xml_node parent, std::string_view name);
// A toggle property (<w:b/>, <w:b w:val="false"/>): on unless its value says off.
std::optional<bool> toggle(pugi::xml_node properties, std::string_view name);
// A decimal integer of up to nine digits, else `fallback`.
int int_value(const std::string& text, int fallback);
// The text of every `text_name` element under `root`.
std::string all_text(pugi::xml_node root, std::string_view text_name);
// Loads a part; a missing `required` part is an error naming the Word document.
void load_part(detail::ZipInput& zip, const std::string& name, XmlPart& part, const std::string& file_name,
               Diagnostics& diagnostics, bool required);
// A relationship target resolved against the folder of the part that names
// it ("media/image1.png" from word/document.xml is "word/media/image1.png").
std::string resolve_target(const std::string& part_name, const std::string& target);

struct Relationship {
  std::string target;  // resolved inside the package, or the URL when external
  bool external = false;
};
// The relationships of a part, by id, from its _rels/NAME.rels.
std::map<std::string, Relationship> read_relationships(detail::ZipInput& zip, const std::string& part_name,
                                                       const std::string& file_name, Diagnostics& diagnostics);

// Title, authors, description, keywords, language and dates from
// docProps/core.xml, where the document itself gave none.
void read_core_properties(detail::ZipInput& zip, const std::string& name, doc::Meta& meta,
                          const std::string& file_name, Diagnostics& diagnostics);
// The language the document's default run properties name.
std::string default_language(pugi::xml_node styles_root);
// The footnotes or endnotes of a part by id, without Word's separators.
std::map<std::string, pugi::xml_node> notes_of(const XmlPart& part, std::string_view element);

}  // namespace galley::read::docx
