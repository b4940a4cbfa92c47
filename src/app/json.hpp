// The `inspect --json` form of a document: a schema other tools read, kept stable.
#pragma once

#include <string>
#include <string_view>

#include "galley/doc.hpp"

namespace galley::app {

std::string document_to_json(const doc::Document& document);

// A JSON string literal, quotes included; UTF-8 passes through as it is.
std::string json_string(std::string_view text);

}  // namespace galley::app
