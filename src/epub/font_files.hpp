// The font files a theme names, found with fontconfig, for embedding in an
// EPUB (style::Theme::embed_fonts).
#pragma once

#include <string>
#include <vector>

#include "galley/style.hpp"

namespace galley::epub::detail {

struct FontFile {
  std::string family;      // as the theme names it, for @font-face
  int weight = 400;        // CSS weight
  bool italic = false;
  std::string file_name;   // in the package: "fonts/EBGaramond12-Regular.otf"
  std::string media_type;  // "font/otf" or "font/ttf"
  std::string bytes;       // the file; empty when an earlier entry carries the same file
};

// One file per face the theme's styles use (and the body's italic and bold,
// for emphasis), only those fontconfig has under the family's own name, in
// OpenType or TrueType form.
std::vector<FontFile> theme_font_files(const style::Theme& theme);

// @font-face rules naming the files by their package names.
std::string font_face_rules(const std::vector<FontFile>& fonts);

}  // namespace galley::epub::detail
