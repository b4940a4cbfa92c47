// NITF's mapping, which the NewsML-G2 reader also needs: a news item may
// carry its text as an NITF document.
#pragma once

#include "read/xml_model.hpp"

namespace galley::read::xml {

// Reads an <nitf> element's metadata and body into `document`.
void read_nitf_element(pugi::xml_node nitf, doc::Document& document, XmlConverter& converter);

}  // namespace galley::read::xml
