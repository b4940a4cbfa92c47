// The paragraph builder's breaker: Knuth and Plass's total-fit line breaking
// over boxes, glue and penalties, after TeX and SILE. Free of Pango, so it is
// specified with made-up widths in tests/unit/test_linebreak.cpp.
#pragma once

#include <cstddef>
#include <vector>

namespace galley::layout {

// Every cost the paragraph builder weighs, in one place; a theme's [break]
// table overrides some of them (style::BreakTuning). Demerits and penalties
// are in TeX's units; the demerits of a line are stated in linebreak.cpp.
struct BreakParameters {
  // Interword glue, as fractions of the space's own width. With the letter
  // spacing below taking a share, spaces need stretch and shrink less than
  // TeX's 1/2 and 1/3 (bench/README.md has the word spaces they give).
  double space_stretch = 0.35;
  double space_shrink = 0.2;
  // A line's letters may take a share of its stretch or shrink, so that word
  // spaces vary less from line to line: this many ems per character, given
  // to the letters as one horizontal scale for the line (InDesign's glyph
  // scaling, pdfTeX's font expansion; see justify.cpp). Never in ragged
  // text, and only in scripts whose letters are not joined.
  double letter_stretch = 0.025;
  double letter_shrink = 0.01;
  // Letter spacing (tracking) the letters may take besides: this many ems
  // added to (or taken from) each gap between two letters of a word, never
  // beside a space, so a word's letters spread evenly and word spaces keep
  // their width. Off by default (it costs Cairo a number for every glyph
  // it moves); narrow newspaper columns, where the spaces alone cannot fill
  // lines evenly, use a little (InDesign's newspaper setups allow about
  // 0.01 em either way).
  double letter_spacing_stretch = 0;
  double letter_spacing_shrink = 0;
  // Badness allowed in the first pass; the second (emergency) pass allows
  // anything and gives every line `emergency_stretch` (ems) more stretch.
  double tolerance = 200;
  double emergency_tolerance = 10000;
  double emergency_stretch = 1.5;
  double line_penalty = 10;               // added to every line's badness before squaring
  double hyphen_penalty = 100;            // a break at a soft hyphen (TeX: 50; higher keeps them under 5 %)
  // A hyphen in a capitalised word (a name, mostly): a last resort, not a ban.
  double capitalised_hyphen_penalty = 1000;
  double explicit_hyphen_penalty = 50;    // a break after a hyphen in the text
  double other_break_penalty = 100;       // a break Unicode allows inside a word (after a slash, a dash)
  double url_break_penalty = 500;         // after / . - _ ? & = inside a word too long to set otherwise
  double character_break_penalty = 5000;  // between two characters of a word wider than the line
  double double_hyphen_demerits = 3000;   // two hyphenated lines in a row
  int max_consecutive_hyphens = 2;        // never more in a row
  double final_hyphen_demerits = 5000;    // a hyphen on the last full line
  // A hyphen on the line that ends a column or page, which the reader
  // carries over the turn (TeX's \brokenpenalty, here as demerits): the page
  // builder sets a paragraph again with that line's index when it finds one.
  double page_end_hyphen_demerits = 10000;
  int line_ending_a_column = -1;
  // TeX's \looseness: set the paragraph this many lines longer (> 0) or
  // shorter (< 0) than its best setting, as near as the tolerance allows;
  // the page builder asks for it to keep a last page from holding a few lines.
  int looseness = 0;
  double adjacent_fitness_demerits = 10000;  // a very loose line beside a tight one
  double short_last_line_demerits = 3000;    // a last line that is one short word
  double short_last_line_width = 0.15;       // fraction of the measure under which it counts as short
  double long_word_width = 0.4;  // fraction of the measure beyond which a word may break at / . - _ ? & =
  // Ragged setting (left, right, centred): spaces are fixed and each line's
  // shortfall is measured against this much notional stretch (ems), as
  // TeX's \rightskip does.
  double ragged_stretch = 3;
  // An overfull line (reported) has its spaces narrowed down to this
  // fraction of their width before it would run into the margin.
  double overfull_space_minimum = 0.125;
};

enum class BreakItemKind { box, glue, penalty };

constexpr double infinite_penalty = 10000;  // never break here
constexpr double forced_break = -10000;     // always break here

struct BreakItem {
  BreakItemKind kind = BreakItemKind::box;
  double width = 0;          // points (a penalty's width is what it adds to a line ending there: the hyphen)
  double stretch = 0;        // points, glue only
  double shrink = 0;         // points, glue only
  bool fill = false;         // glue with infinite stretch (the end of a paragraph)
  double penalty = 0;        // penalties only
  bool flagged = false;      // a hyphenated break
  int position = 0;          // character index where the item starts (for penalties: where the line would end)
  // Margin kerning: points a line ending at this break (glue or penalty) may
  // reach past the right edge (a full stop, a comma, the hyphen it adds),
  // and points a line starting with this box may reach past the left edge
  // (an opening quote). The breaker gives the line that much more room.
  double end_hang = 0;
  double start_hang = 0;
};

enum class BreakMode { justified, ragged };

struct LineMeasure {
  double first = 0;  // points: the first line's width (the measure less the indent)
  double rest = 0;   // points: every other line's
  double em = 0;     // points: the body size, for ems in the parameters
  // The first `narrow_lines` lines are `narrow_by` points narrower still
  // (they run beside a drop cap).
  int narrow_lines = 0;
  double narrow_by = 0;  // points
};

struct LineBreak {
  std::size_t item = 0;     // index of the item the line ends at
  std::size_t start = 0;    // index of the line's first item (after discarded glue and penalties)
  double ratio = 0;         // adjustment ratio: > 0 stretched, < 0 shrunk
  bool overfull = false;    // nothing better was possible: the line is wider than its measure
};

struct BreakResult {
  std::vector<LineBreak> lines;  // in order; the last ends at the paragraph's end
  bool emergency = false;        // the emergency pass was needed
};

// The items must end with a forced break (the paragraph's end). Breaks are
// allowed at glue after a box and at penalties below infinite_penalty.
BreakResult break_lines(const std::vector<BreakItem>& items, const LineMeasure& measure, BreakMode mode,
                        const BreakParameters& parameters);

}  // namespace galley::layout
