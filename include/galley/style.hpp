// A theme: the house style that drives both the PDF and the EPUB's CSS.
// Themes are TOML files (styles/*.toml, built into the binary) read with toml++.
#pragma once

#include <cstddef>
#include <optional>
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

// Which edge of a page the spine is on. `none`: every page is set alike,
// its inner margin on the left (a single sheet, a screen). `left`: a book
// bound on the left, its odd pages rectos with the inner margin on the
// left and its even pages versos with the inner margin on the right;
// `right` the other way (a book in a right-to-left script).
enum class Binding { none, left, right };

struct PageGeometry {
  double width = 595.276, height = 841.89;  // points; A4, the trim size
  double margin_top = 56, margin_bottom = 64, margin_inner = 56, margin_outer = 56;
  int columns = 1;      // the text area's columns; the article's head spans them all
  double gutter = 12;   // points between columns
  Binding binding = Binding::none;
  // Print production: points of bleed beyond the trim on every side (what
  // touches the trim edge is drawn this far beyond it), and whether crop
  // marks, registration marks and a slug line go outside the bleed.
  double bleed = 0;
  bool marks = false;

  // Whether page `number` (1 for the first) has its inner margin, the
  // spine's side, on the right: a verso when bound on the left.
  bool inner_on_right(std::size_t number) const {
    return (binding == Binding::left && number % 2 == 0) || (binding == Binding::right && number % 2 == 1);
  }
};

// What the running head on pages after the first shows.
enum class RunningHead { title, publication, section, none };

// Where each article of an edition begins: on a new page (a magazine, a
// book of articles) or at the head of the next column (a newspaper).
enum class ArticleStart { page, column };

// How an edition's stories are made up into pages: one after another down
// the columns (flow), or each in a rectangle of its own sized by its
// importance, the columns of a page ending level (modular, a newspaper's).
enum class MakeUp { flow, modular };

// The first paragraph's first letter set large, sunk into `lines` lines of
// the text beside it. The style gives its face, weight and colour; its size
// is computed from the lines it spans.
struct DropCap {
  bool enabled = false;
  int lines = 3;  // 2..6
  TextStyle style;
};

// A newspaper's nameplate across the top of the first page: the
// publication's name large, a rule, and the date line under it.
struct Masthead {
  bool enabled = false;
  TextStyle style;  // the name's face and size; `space_after` is the gap above the headline
};

// The paragraph builder's costs a theme may tune (layout/linebreak.hpp's
// BreakParameters); unset values keep the builder's defaults.
struct BreakTuning {
  std::optional<double> tolerance, line_penalty, hyphen_penalty, space_stretch, space_shrink, letter_stretch,
      letter_shrink, letter_spacing_stretch, letter_spacing_shrink, emergency_stretch, short_last_line_demerits,
      final_hyphen_demerits, ragged_stretch;
  std::optional<int> max_consecutive_hyphens;
};

struct Theme {
  std::string name;
  std::string description;
  std::string file;  // where the theme was read from ("styles/article.toml" for a built-in one)
  std::string lang = "en-GB";  // used when the article names no language
  std::string publication;     // the publication's name, for the masthead and running heads
  PageGeometry page;
  bool justify = true;   // false: ragged right
  bool hyphenate = true;
  // Character protrusion in justified text: full stops, commas, hyphens and
  // closing quotes hang partly into the right margin, opening quotes into
  // the left, so the column's edges look straight.
  bool margin_kerning = true;
  // Body lines sit on a grid of the body's leading, counted from the top of
  // the columns, so lines align across columns whatever stands between.
  bool baseline_grid = false;
  double paragraph_indent = 1.0;   // em, for paragraphs that follow a paragraph
  double paragraph_spacing = 0;    // points between paragraphs (block style; usually with no indent)
  RunningHead running_head = RunningHead::title;
  ArticleStart article_start = ArticleStart::page;  // [edition] article_start
  MakeUp make_up = MakeUp::flow;                    // [edition] make_up
  DropCap drop_cap;
  Masthead masthead;
  BreakTuning breaking;
  // Carry the theme's font files in the EPUB, with @font-face rules. Only
  // for fonts whose licence allows it (the OFL fonts Debian ships do).
  bool embed_fonts = false;
  TextStyle body, lede, headline, standfirst, byline, heading, caption, credit, aside, quote, code, folio;
  Color rule_color;
  // EPUB-only refinements appended to the generated CSS: styles/NAME.css for
  // a built-in theme, THEME.css beside a user's THEME.toml.
  std::string extra_css;
  // The text of every file the theme was read from (its TOML and CSS, and
  // those of the themes it extends), so a batch can tell a changed theme
  // from the same one (a sum of it goes into the batch's manifest).
  std::string source_text;
};

// A length as themes and the command line write it: "3mm", "0.125in",
// "0.3cm", "9pt" or a bare number of points; none when it is not one.
std::optional<double> parse_length(const std::string& text);

// The themes compiled into galley, by name ("article" is the default).
std::vector<std::string> builtin_theme_names();
// `name_or_path` is a built-in name or a path to a .toml file. Throws
// galley::Error (bad_input, with file and line) for a theme it cannot read.
Theme load_theme(const std::string& name_or_path);
// Parses a theme from TOML text; `file_name` is for messages and is where a
// relative `extends` path is resolved from.
Theme parse_theme(const std::string& toml_text, const std::string& file_name);

// The valid name nearest to `name` by edit distance, or empty when none is
// close enough to be a likely typo.
std::string nearest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace galley::style
