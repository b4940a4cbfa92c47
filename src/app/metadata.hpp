// -M/--metadata KEY=VALUE and --metadata-file: the article's metadata set
// from the command line, over what the article says, as pandoc's -M does.
#pragma once

#include <string>
#include <vector>

#include "galley/doc.hpp"

namespace galley::app {

// The keys -M knows: title, subtitle, author (repeatable: each adds one,
// the first replacing the article's), date, lang, publisher, rights,
// identifier, description, keywords (comma-separated, or repeated),
// section, source.
const std::vector<std::string>& metadata_keys();

// Applies the metadata file (YAML by .yaml/.yml, TOML by .toml; a value may
// be a string or a list of them), then each "KEY=VALUE" in order. Throws
// Error(usage) for an unknown key (naming the nearest known one), a pair
// without '=', or a date that is no date; Error(bad_input) with the file
// and line for a metadata file that cannot be read.
void apply_metadata(doc::Meta& meta, const std::string& metadata_file, const std::vector<std::string>& pairs);

}  // namespace galley::app
