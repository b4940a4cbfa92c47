#include "layout/inline/justify.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace galley::layout {
namespace {


// A stretch of one shaped run that falls on the line.
struct Piece {
  const ShapedRun* run;
  int start, end;  // characters
};

// Unicode's rule L2: from the highest level down to the lowest odd one,
// reverse every sequence of pieces at that level or above.
void reorder(std::vector<Piece>& pieces) {
  int highest = 0;
  int lowest_odd = 255;
  for (const Piece& piece : pieces) {
    highest = std::max(highest, piece.run->level());
    if (piece.run->level() % 2 == 1) lowest_odd = std::min(lowest_odd, piece.run->level());
  }
  for (int level = highest; level >= lowest_odd && level > 0; --level) {
    auto begin = pieces.begin();
    while (begin != pieces.end()) {
      begin = std::find_if(begin, pieces.end(), [level](const Piece& piece) { return piece.run->level() >= level; });
      auto end = std::find_if(begin, pieces.end(), [level](const Piece& piece) { return piece.run->level() < level; });
      std::reverse(begin, end);
      begin = end;
    }
  }
}

// How a line is filled: its interword spaces widened (or narrowed) in
// proportion to their natural width, and its letters drawn wider (or
// narrower) by one scale.
//
// The letters' share was once letter spacing, a fixed amount after each
// letter. Cairo writes any glyph that is not where the font's own advance
// puts it with a number of its own in the PDF, so that was one number for
// nearly every glyph of justified text, which swelled the PDF's content
// stream and slowed the build (bench/README.md). A line's letters
// widened by one scale sit exactly where the widened font puts them, and
// only the spaces carry numbers. The scale is what InDesign calls glyph
// scaling and pdfTeX font expansion; it gives the line the same width
// the letter spacing gave.
//
// Where a theme allows it, letter spacing takes a share as well: a gap of
// `letter_spacing` points after each letter followed by another letter of
// its word (ShapedParagraph::has_letter_gap_after), in the same proportion
// to its limit as the scale. Each letter so moved costs Cairo a number in
// the PDF, which is why it is off unless a theme turns it on.
struct Spacing {
  double extra_per_point = 0;  // points added to a space per point of its natural width
  double letter_scale = 1;     // the width of each letter (and its advance) as a multiple of its own
  double letter_spacing = 0;   // points added after each letter that has a letter gap after it
};

// Letter scales are rounded to steps of this size: each distinct scale is
// a font of its own for Cairo, which loads every glyph of it again from
// FreeType to measure it. Steps too fine cost more there than Cairo saves;
// at 0.5 % the word spaces measure as with finer steps (bench/README.md).
constexpr double letter_scale_step = 0.005;

// The glyphs [first, end) of a run that show the bytes [first_byte,
// end_byte) of its item. Clusters run forwards in a left-to-right run and
// backwards in a right-to-left one, so a binary search finds them: a scan of
// the whole run for every line made a long paragraph (one run of millions of
// glyphs) take time quadratic in its length.
std::pair<int, int> glyphs_between(const PangoGlyphString& glyphs, int first_byte, int end_byte, bool right_to_left) {
  const int* begin = glyphs.log_clusters;
  const int* end = glyphs.log_clusters + glyphs.num_glyphs;
  auto index_of = [begin](const int* position) { return static_cast<int>(position - begin); };
  if (right_to_left) {
    // Descending: the piece starts after the clusters at or past end_byte.
    const int* first = std::partition_point(begin, end, [end_byte](int cluster) { return cluster >= end_byte; });
    const int* last = std::partition_point(first, end, [first_byte](int cluster) { return cluster >= first_byte; });
    return {index_of(first), index_of(last)};
  }
  const int* first = std::partition_point(begin, end, [first_byte](int cluster) { return cluster < first_byte; });
  const int* last = std::partition_point(first, end, [end_byte](int cluster) { return cluster < end_byte; });
  return {index_of(first), index_of(last)};
}

GlyphRun convert_piece(const ShapedParagraph& shaped, const Piece& piece, const LineSpan& span, const Spacing& spacing,
                       const style::Color& color) {
  const PangoItem* item = piece.run->glyph_item->item;
  const PangoGlyphString* glyphs = piece.run->glyph_item->glyphs;
  const std::string& text = *shaped.text;
  const int first_byte = shaped.char_offset[static_cast<std::size_t>(piece.start)] - item->offset;
  const int end_byte = shaped.char_offset[static_cast<std::size_t>(piece.end)] - item->offset;
  GlyphRun out;
  out.y = -piece.run->rise;
  out.color = color;
  out.font = piece.run->font;
  out.text = text.substr(static_cast<std::size_t>(item->offset + first_byte),
                         static_cast<std::size_t>(end_byte - first_byte));
  out.text_offset = static_cast<std::size_t>(item->offset + first_byte);
  out.clusters_backward = piece.run->right_to_left();
  // Letters of joined scripts are never widened (is_letter says so).
  const double scale = piece.run->trackable ? spacing.letter_scale : 1;
  out.horizontal_scale = scale;

  // The glyphs on the line, in visual order, with the cluster each belongs
  // to and how many glyphs it shows (empty glyphs show none).
  struct Shown {
    int cluster;  // byte offset from the item's start
    int glyphs;
  };
  std::vector<Shown> shown;
  double x = 0;
  const auto [first_glyph, end_glyph] = glyphs_between(*glyphs, first_byte, end_byte, piece.run->right_to_left());
  // Sized once: grown glyph by glyph, these vectors were a third of the
  // memory a long document's pages hold, and their copying a twentieth of
  // its layout time. One more glyph for a hyphen at the line's end.
  const auto glyph_count = static_cast<std::size_t>(end_glyph - first_glyph);
  out.glyphs.reserve(glyph_count + 1);
  shown.reserve(glyph_count + 1);
  for (int index = first_glyph; index < end_glyph; ++index) {
    int cluster = glyphs->log_clusters[index];
    int character = shaped.byte_to_char[static_cast<std::size_t>(item->offset + cluster)];
    const PangoGlyphInfo& info = glyphs->glyphs[index];
    if (shaped.char_at(character) == soft_hyphen) {
      // Shows nothing, unless the line breaks here: then the hyphen, whose
      // cluster is the soft hyphen so that copied text keeps the word whole.
      bool draws = span.hyphenated && character == span.end - 1 &&
                   (shown.empty() || shown.back().cluster != cluster);
      if (draws) {
        out.glyphs.push_back({piece.run->hyphen_glyph, x, 0});
        x += piece.run->hyphen_width;
      }
      shown.push_back({cluster, draws ? 1 : 0});
      continue;
    }
    int count = 0;
    if (info.glyph != PANGO_GLYPH_EMPTY) {
      // An unknown character is drawn as .notdef: visible, never silent.
      std::uint32_t id = (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : info.glyph;
      out.glyphs.push_back({id, x + pango_points(info.geometry.x_offset) * scale,
                            (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : pango_points(info.geometry.y_offset)});
      count = 1;
    }
    double advance = pango_points(info.geometry.width);
    if (shaped.is_space(character))
      advance += advance * spacing.extra_per_point;
    else if (shaped.is_letter(character))
      advance *= scale;
    x += advance;
    shown.push_back({cluster, count});
    // The letter gap after a cluster follows its last glyph and depends on
    // its last character (the gaps are only in left-to-right runs, where
    // clusters run forwards).
    if (spacing.letter_spacing != 0 && !piece.run->right_to_left()) {
      const int next_cluster = index + 1 < glyphs->num_glyphs ? glyphs->log_clusters[index + 1] : item->length;
      if (next_cluster != cluster) {
        const int last_character = shaped.byte_to_char[static_cast<std::size_t>(item->offset + next_cluster)] - 1;
        if (last_character + 1 < span.end && shaped.has_letter_gap_after(last_character)) x += spacing.letter_spacing;
      }
    }
  }
  out.width = x;

  // cairo's clusters, in logical order, the way pangocairo makes them.
  const bool backward = out.clusters_backward;
  const int count = static_cast<int>(shown.size());
  out.clusters.reserve(shown.size());
  int index = backward ? count - 1 : 0;
  const int step = backward ? -1 : 1;
  while (index >= 0 && index < count) {
    int cluster = shown[static_cast<std::size_t>(index)].cluster;
    int glyph_count = 0;
    while (index >= 0 && index < count && shown[static_cast<std::size_t>(index)].cluster == cluster) {
      glyph_count += shown[static_cast<std::size_t>(index)].glyphs;
      index += step;
    }
    int next = (index >= 0 && index < count) ? shown[static_cast<std::size_t>(index)].cluster : end_byte;
    out.clusters.push_back({next - cluster, glyph_count});
  }
  return out;
}

}  // namespace

double natural_width(const ShapedParagraph& shaped, const LineSpan& span) {
  double width = 0;
  for (int index = span.start; index < span.end; ++index) width += shaped.advance[static_cast<std::size_t>(index)];
  if (span.hyphenated && span.end > span.start)
    width += shaped.runs[static_cast<std::size_t>(shaped.run_of_char[static_cast<std::size_t>(span.end - 1)])].hyphen_width;
  return width;
}

SetLine finalize_line(const ShapedParagraph& shaped, const LineSpan& span, const LinePlacement& placement,
                      const style::Color& color, const BreakParameters& parameters) {
  SetLine line;
  if (span.end <= span.start) return line;
  double natural = natural_width(shaped, span);
  double spaces = 0;  // natural width of the interword spaces
  double letter_width = 0;  // natural width of the letters
  int letters = 0;
  int letter_gaps = 0;  // where letter spacing opens a gap (a line-end hyphen's gap included)
  const bool letter_spacing = parameters.letter_spacing_stretch > 0 || parameters.letter_spacing_shrink > 0;
  for (int index = span.start; index < span.end; ++index) {
    if (shaped.is_space(index)) spaces += shaped.advance[static_cast<std::size_t>(index)];
    if (shaped.is_letter(index)) {
      ++letters;
      letter_width += shaped.advance[static_cast<std::size_t>(index)];
    }
    if (letter_spacing && index + 1 < span.end && shaped.has_letter_gap_after(index)) ++letter_gaps;
  }

  // Space stretch and shrink are in proportion to each space's width, so
  // one ratio fills the line, as in the breaker. Letters never go past their
  // limits: in an emergency the spaces take the rest, and an overfull line
  // has its spaces narrowed even past their limit rather than run into the
  // margin.
  Spacing spacing;
  double shortfall = placement.width - natural;
  bool justify = placement.alignment == TextAlignment::justified;
  if ((span.fill && justify) || shortfall < 0) {
    bool stretching = shortfall > 0;
    double space_give = spaces * (stretching ? parameters.space_stretch : parameters.space_shrink);
    double scale_give = justify ? letters * placement.em *
                                      (stretching ? parameters.letter_stretch : parameters.letter_shrink)
                                : 0;
    double gap_give = justify ? placement.em * (stretching ? parameters.letter_spacing_stretch
                                                           : parameters.letter_spacing_shrink)
                              : 0;  // points, each gap
    double letter_give = scale_give + letter_gaps * gap_give;
    double ratio = space_give + letter_give > 0 ? shortfall / (space_give + letter_give) : 0;
    double letter_ratio = std::clamp(ratio, -1.0, 1.0);
    // The gaps' share, exact; the letters' share of the shortfall, as one
    // scale for their widths.
    spacing.letter_spacing = letter_gaps > 0 ? letter_ratio * gap_give : 0;
    double letter_change = letter_gaps * spacing.letter_spacing;
    if (letter_width > 0) {
      double scale = 1 + letter_ratio * scale_give / letter_width;
      // Rounded to the nearest step, the spaces taking the difference;
      // rounded down where the spaces could not give it up, so a line
      // never runs past its measure. A line without spaces (a long word
      // broken) takes the exact scale.
      double nearest = 1 + std::round((scale - 1) / letter_scale_step) * letter_scale_step;
      if (spaces > 0 &&
          (shortfall - letter_change - (nearest - 1) * letter_width) / spaces < parameters.overfull_space_minimum - 1)
        nearest = 1 + std::floor((scale - 1) / letter_scale_step) * letter_scale_step;
      spacing.letter_scale = spaces > 0 ? nearest : scale;
      letter_change += (spacing.letter_scale - 1) * letter_width;
    }
    double rest = shortfall - letter_change;
    if (spaces > 0) spacing.extra_per_point = std::max(rest / spaces, parameters.overfull_space_minimum - 1);
  }
  double width = natural + spaces * spacing.extra_per_point + (spacing.letter_scale - 1) * letter_width +
                 letter_gaps * spacing.letter_spacing;

  std::vector<Piece> pieces;
  for (int index = span.start; index < span.end;) {
    const ShapedRun& run = shaped.runs[static_cast<std::size_t>(shaped.run_of_char[static_cast<std::size_t>(index)])];
    int end = std::min(run.end_char, span.end);
    pieces.push_back({&run, index, end});
    index = end;
  }
  reorder(pieces);

  TextAlignment alignment = placement.alignment;
  if (alignment == TextAlignment::justified) alignment = TextAlignment::left;
  if (shaped.right_to_left && alignment == TextAlignment::left) alignment = TextAlignment::right;
  double x = placement.left;
  if (alignment == TextAlignment::right) x += placement.width - width;
  if (alignment == TextAlignment::center) x += (placement.width - width) / 2;

  for (const Piece& piece : pieces) {
    GlyphRun run = convert_piece(shaped, piece, span, spacing, color);
    run.x = x;
    x += run.width;
    if (!run.glyphs.empty()) line.runs.push_back(std::move(run));
  }
  line.width = width;
  return line;
}

}  // namespace galley::layout
