// Reading an XML article file into a pugixml tree: the encoding it declares
// (or UTF-8, with Windows-1252 for bytes that are not), and damage located
// by its line. Shared by the NITF, NewsML-G2 and JATS readers.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "galley/errors.hpp"

namespace galley::read::xml {

struct ParsedXml {
  pugi::xml_document document;
  std::string buffer;  // what pugixml parsed (UTF-8, or UTF-16 with its BOM), for line numbers
};

// Decodes and parses `bytes`. XML that is not well-formed throws
// galley::Error naming the file and line; with `recover`, XML cut short keeps
// what came before the damage, with a warning.
void parse_xml(ParsedXml& parsed, std::string_view bytes, const std::string& file_name, bool recover,
               Diagnostics& diagnostics);

// The local name of the document's root element ("nitf", "newsItem",
// "article"), "" when there is none: what says which XML format a file is.
std::string root_element_name(std::string_view bytes);

}  // namespace galley::read::xml
