// A theme: the house style that drives both the PDF and the EPUB's CSS.
// Themes are TOML files (styles/*.toml, built into the binary) read with toml++.
#pragma once

#include <string>
#include <vector>

namespace galley::style {

struct Color {
  double red = 0, green = 0, blue = 0;  // 0..1
};

// How one kind of text is set. Sizes and leading are in points (1/72 in).
struct TextStyle {
  std::string family;    // a fontconfig family name, for example "EB Garamond 12"
  double size = 10;      // points
  double leading = 12;   // baseline-to-baseline distance, points
  int weight = 400;      // CSS weight: 400 regular, 700 bold
  bool italic = false;
  bool uppercase = false;
  double letter_spacing = 0;  // em; any non-zero value switches ligatures off
  std::string features;       // OpenType features, "onum, liga" style
  Color color;
  double space_before = 0;  // points
  double space_after = 0;   // points
};

struct PageGeometry {
  double width = 595.276, height = 841.89;  // points; A4
  double margin_top = 56, margin_bottom = 64, margin_inner = 56, margin_outer = 56;
  int columns = 1;      // the text area's columns; the article's head spans them all
  double gutter = 12;   // points between columns
};

struct Theme {
  std::string name;
  std::string description;
  std::string lang = "en-GB";  // used when the article names no language
  PageGeometry page;
  bool justify = true;
  bool hyphenate = true;
  double paragraph_indent = 1.0;  // em, for paragraphs that follow a paragraph
  TextStyle body, lede, headline, standfirst, byline, heading, caption, credit, aside, quote, code, folio;
  Color rule_color;
};

// The themes compiled into galley, by name ("article" is the default).
std::vector<std::string> builtin_theme_names();
// `name_or_path` is a built-in name or a path to a .toml file. Throws
// galley::Error (bad_input, with file and line) for a theme it cannot read.
Theme load_theme(const std::string& name_or_path);
// Parses a theme from TOML text; `file_name` is for messages.
Theme parse_theme(const std::string& toml_text, const std::string& file_name);

}  // namespace galley::style
