// The first stage of the paragraph builder: the whole paragraph itemized and
// shaped once by Pango, with each character's advance and Pango's break
// opportunities, so later stages measure any line without shaping again.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "galley/style.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/styled_text.hpp"

namespace galley::layout {

namespace detail {
struct GlyphItemFree {
  void operator()(PangoGlyphItem* glyph_item) const { pango_glyph_item_free(glyph_item); }
};
using GlyphItemPtr = std::unique_ptr<PangoGlyphItem, GlyphItemFree>;
}  // namespace detail

// One Pango item shaped: a stretch of text in one font, script and direction.
// U+00AD SOFT HYPHEN: a break opportunity that draws a hyphen only where a
// line ends at it.
inline constexpr gunichar soft_hyphen = 0x00AD;

// The no-break spaces (U+00A0, U+202F narrow, U+2007 figure): white space
// that joins two words into one, never an interword break.
inline constexpr bool is_no_break_space(gunichar c) { return c == 0x00A0 || c == 0x202F || c == 0x2007; }

// Pango units (1/PANGO_SCALE of a point) as points.
inline double pango_points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

struct ShapedRun {
  detail::GlyphItemPtr glyph_item;  // log_clusters are byte offsets from the item's start
  std::shared_ptr<const Font> font;
  int first_char = 0;   // index of the run's first character in the paragraph
  int end_char = 0;     // one past its last character
  double rise = 0;      // points the run's baseline sits above the line's (superscripts)
  std::uint32_t hyphen_glyph = 0;  // the font's hyphen, drawn where a line breaks at a soft hyphen
  double hyphen_width = 0;         // points
  bool trackable = false;          // letters may be spaced for justification (not a joined script)
  bool monospace = false;          // a monospaced face (code): its punctuation never hangs
  bool right_to_left() const { return glyph_item->item->analysis.level % 2 == 1; }
  int level() const { return glyph_item->item->analysis.level; }
};

struct ShapedParagraph {
  const std::string* text = nullptr;
  std::vector<ShapedRun> runs;          // in logical order
  std::vector<PangoLogAttr> log_attrs;  // one per character, plus the end
  std::vector<int> char_offset;         // byte offset of each character, plus the text's length
  std::vector<gunichar> codepoints;     // each character, decoded once
  std::vector<int> byte_to_char;        // character index of each byte, plus the end
  std::vector<double> advance;          // points: each character's share of its cluster's advance
  std::vector<int> run_of_char;         // index into runs of each character's run
  // Whether a line may start or end before each character without splitting
  // a cluster (a ligature formed across a soft hyphen, a base and its marks).
  std::vector<bool> cluster_start;
  bool right_to_left = false;           // the paragraph's base direction

  int char_count() const { return static_cast<int>(advance.size()); }
  gunichar char_at(int index) const { return codepoints[static_cast<std::size_t>(index)]; }
  // Interword space: glue that stretches and shrinks (not a no-break space).
  bool is_space(int index) const;
  // A character whose spacing justification may adjust (in a trackable run).
  bool is_letter(int index) const;
  // Whether letter spacing opens a gap after this character: it and the
  // next character shown (past a soft hyphen, which is the hyphen where a
  // line breaks there) are letters of left-to-right runs, and the next
  // starts a cluster, so no gap ever opens inside a ligature or beside a space.
  bool has_letter_gap_after(int index) const;
  // A line break inside the paragraph ('\n' from a hard line break).
  bool is_forced_break(int index) const;
};

ShapedParagraph shape_paragraph(FontSystem& fonts, const StyledText& text, const style::TextStyle& style);

// Paragraphs shaped, by what shaping reads: the text, its spans' kinds, the
// style's face, size, weight, slant, case, spacing and features, and the
// language the break attributes were found for.
class ShapedParagraphs {
 public:
  static std::string key(const StyledText& text, const style::TextStyle& style, std::string_view language);
  std::shared_ptr<const ShapedParagraph> find(const std::string& key) const;
  // Keeps `shaped` (and a copy of its text, which it points to from now on).
  std::shared_ptr<const ShapedParagraph> add(std::string key, ShapedParagraph shaped);

 private:
  struct Kept {
    std::string text;
    ShapedParagraph shaped;
  };
  std::unordered_map<std::string, std::shared_ptr<const Kept>> by_key_;
};

// shape_paragraph, or the same paragraph as shaped before when the font
// system keeps shaped paragraphs (FontSystem::keep_shaped_paragraphs).
// Valid while the result is held; its `text` may be a copy of `text`'s.
std::shared_ptr<const ShapedParagraph> shaped_paragraph(FontSystem& fonts, const StyledText& text,
                                                        const style::TextStyle& style);

}  // namespace galley::layout
