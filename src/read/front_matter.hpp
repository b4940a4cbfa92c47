// Article metadata given as YAML ("front matter"), read with yaml-cpp; shared
// by the plain-text and Markdown readers.
#pragma once

#include <string>
#include <string_view>

#include "galley/doc.hpp"
#include "galley/errors.hpp"

namespace galley::read::detail {

// Applies a YAML mapping of metadata to `meta`. `first_line` is the file's
// line number of the YAML's first line, so messages point into the file.
// Broken YAML, or YAML that is not a mapping, throws Error(bad_input) with
// file and line; an unknown key or an unreadable date is a warning.
void apply_front_matter(std::string_view yaml_text, int first_line, const std::string& file_name, doc::Meta& meta,
                        Diagnostics& diagnostics);

// True for the names apply_front_matter knows ("title", "author", ...), in
// any case; used to recognise "Key: value" lines at the top of plain text.
bool is_metadata_key(std::string_view key);

}  // namespace galley::read::detail
