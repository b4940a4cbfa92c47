// The `inspect --json` form of a document: a schema other tools read, kept stable.
#pragma once

#include <string>

#include "galley/doc.hpp"

namespace galley::app {

std::string document_to_json(const doc::Document& document);

}  // namespace galley::app
