// `galley build DIR --edition [FILE]`: every article of a folder made into
// one PDF and one EPUB, as a manifest (or the folder's order) says.
#pragma once

#include <filesystem>
#include <string>

#include "app/inputs.hpp"

namespace galley::app {

struct EditionBuildOptions {
  std::filesystem::path directory;
  std::filesystem::path manifest;  // empty: the folder's edition.toml/.yaml/.yml, if any
  std::string output_directory = "output";
  std::string format = "all";
  std::string style;  // empty: the manifest's theme, else "article"
  ConversionSettings conversion;  // --lang, --from, --allow-outside-images, the limits
  bool timings = false;  // how long each stage took, on stderr
  PrintOverrides print;  // --bleed, --marks
};

// Returns the exit code: 0, 1 when an article or the manifest cannot be
// read (every such article is named), 128 + the signal when stopped.
int run_edition_build(const EditionBuildOptions& options);

// `galley inspect DIR --edition [FILE] --layout`: the edition set as the
// PDF sets it, then each story's module (a modular make-up's rectangles:
// page, place and size, columns, story, jumps) and every page's items.
// Writes nothing. Returns the exit code, as run_edition_build.
int run_edition_layout_inspect(const EditionBuildOptions& options);

}  // namespace galley::app
