// An OpenDocument package's metadata (odt_meta.cpp).
#pragma once

#include <string>

#include "galley/doc.hpp"
#include "read/office.hpp"

namespace galley::read::odt {

// Title, authors, description, keywords, language and dates from meta.xml,
// where the document itself gave none.
void read_meta(const detail::XmlPart& part, doc::Meta& meta);
// The language of the default paragraph style: fo:language and fo:country.
std::string default_language(const detail::XmlPart& styles);

}  // namespace galley::read::odt
