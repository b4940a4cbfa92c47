// The slab writer: one article's flow as slabs, in reading order. It sets
// a paragraph's text into lines and each line into a slab of glyph runs,
// link areas and strike-out rules (with the footnotes the line refers to);
// it carries the space after a block to the next slab, so that the page
// builder can drop it at a column's head; it tags structure and names
// anchors; and when the flow is complete it sets again any paragraph that
// would leave a hyphen at the foot of a column.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "galley/doc.hpp"
#include "galley/errors.hpp"
#include "galley/layout.hpp"
#include "galley/style.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/hyphenate.hpp"
#include "layout/pages/page_builder.hpp"
#include "layout/inline/paragraph.hpp"
#include "layout/source_marks.hpp"
#include "layout/inline/styled_text.hpp"

namespace galley::layout {

// How one paragraph of text is set.
struct TextOptions {
  const style::TextStyle* style;
  TextAlignment alignment = TextAlignment::left;
  double first_indent = 0;  // points
  double left = 0;          // points from the column's left edge
  double right = 0;         // points from the column's right edge
  bool hyphenate = false;
  bool keep_together = false;  // the whole paragraph on one page (headings, captions)
  bool keep_with_next = false;
  bool spans_columns = false;  // set across all columns, like the article's head
  // Ragged lines of even length (a headline): set in the narrowest measure
  // that keeps the line count, so no line is left a word or two long.
  bool balance = false;
  int narrow_lines = 0;        // the first lines are narrowed for a drop cap
  double narrow_by = 0;        // points
};

// The horizontal extent, on one set line, of the glyphs that show the
// bytes [start, end) of the paragraph's text; nothing when none do.
std::optional<std::pair<double, double>> span_extent(const SetLine& line, std::size_t start, std::size_t end);

// The block's own inlines when it is a paragraph, else its plain text.
doc::Inlines inlines_of(const doc::Block& block);
// `body` after a plain-text prefix (a list marker, a note's number).
doc::Inlines prefixed(const std::string& prefix, const doc::Inlines& body);

class SlabWriter {
 public:
  // The footnotes first referred to on a set line, as slabs for the foot of
  // its column.
  using NotesOnLine = std::function<std::vector<Slab>(const StyledText&, const SetLine&)>;

  // Heading anchors are named `anchor_prefix` + "heading-N", unique in an edition.
  SlabWriter(const doc::Document& document, const style::Theme& theme, FontSystem& fonts,
             const Hyphenator& hyphenator, SourceMarks& marks, std::string anchor_prefix);

  const doc::Document& document() const { return document_; }
  const style::Theme& theme() const { return theme_; }
  FontSystem& fonts() const { return fonts_; }
  const ColumnGeometry& geometry() const { return geometry_; }
  double measure() const { return measure_; }  // points: a column's width, which body text fills
  const NoteNumbers& note_numbers() const { return note_numbers_; }
  SourceMarks& marks() { return marks_; }
  std::vector<Slab>& slabs() { return slabs_; }

  void set_notes_on_line(NotesOnLine notes) { notes_on_line_ = std::move(notes); }
  // The flow is set in pages of its own (not in a newspaper's modules): its
  // balanced columns, as the page builder works them out here, leave no runt.
  void set_own_pages() { geometry_.no_runt_columns = true; }

  // Sets the inlines as lines, one slab each.
  void add_text(const doc::Inlines& inlines, const TextOptions& options);
  void add_styled_text(const StyledText& text, const TextOptions& options,
                       const std::vector<InlineOrigin>& origins = {});

  // Space after a block is space before the next slab, so that it too is
  // dropped at the top of a page.
  void add_space(double points) { pending_space_ = std::max(pending_space_, points); }
  // Forgets the space still to come: what follows sits right under what was set.
  void drop_pending_space() { pending_space_ = 0; }
  void push_slab(Slab slab);
  // A slab holding one horizontal rule across the measure (or the text
  // area), `left` and `right` points in from its edges, at half its height.
  Slab rule_slab(double height, double left, double right, double thickness, const style::Color& color,
                 bool spans_columns = false) const;

  // Marks the slabs from `first` on as one structure element; false when
  // nothing was set.
  bool wrap_structure(std::size_t first, const std::string& tag);
  // A named destination at the top of slab `first`, and a bookmark to it.
  void add_anchor(std::size_t first, const std::string& title, int level, const std::string& id = {});

  // Sets what `set` sets as coming from `block` (SourceMarks::from_block).
  template <class Set>
  void from_block(const doc::Block& block, Set&& set, std::optional<TextSource> text = std::nullopt) {
    marks_.from_block(block, slabs_, std::forward<Set>(set), text);
  }

  // Runs `set` on an empty flow with no space pending and returns what it
  // set; the flow is then as it was (a footnote, set for a column's foot).
  template <class Set>
  std::vector<Slab> set_apart(Set&& set) {
    std::vector<Slab> main_flow = std::move(slabs_);
    const double pending = pending_space_;
    slabs_.clear();
    pending_space_ = 0;
    set();
    std::vector<Slab> apart = std::move(slabs_);
    slabs_ = std::move(main_flow);
    pending_space_ = pending;
    return apart;
  }

  // A hyphen at the foot of a column makes the reader carry half a word over
  // the turn: sets such paragraphs again where that keeps their line count.
  void avoid_hyphens_at_column_ends();
  // A last page of one to four lines is avoided by setting paragraphs before
  // it a line shorter (TeX's \looseness); true when that was done.
  bool avoid_runt_last_page();
  // Sets paragraphs from the last a line longer (`lines` > 0) or shorter
  // (< 0), one line each, until `lines` lines are gained or lost or no
  // paragraph can give one; returns the lines gained (or lost, negative).
  int change_line_count(int lines);

  std::vector<Slab> take_slabs() { return std::move(slabs_); }
  std::vector<OutlineEntry> take_outline() { return std::move(outline_); }
  Diagnostics take_warnings() { return std::move(warnings_); }

 private:
  // A paragraph that could be set again, and where its lines are.
  // Its styled text is kept (moved, not copied), not the inlines it came
  // from: callers pass temporaries too (a prefixed aside, a credit line).
  struct ResettableParagraph {
    StyledText text;
    std::vector<InlineOrigin> origins;
    TextOptions options;
    std::size_t first_slab;
    std::size_t lines;
    std::optional<TextSource> source;  // where its lines come from in the model, for their marks
  };

  bool set_with_looseness(std::size_t which, int looseness);
  std::vector<SetLine> balanced_lines(const StyledText& text, ParagraphFormat format, std::vector<SetLine> lines);
  bool end_previous_page_early(std::size_t runt);
  ParagraphFormat format_for(const TextOptions& options) const;
  std::vector<Item> line_items(const StyledText& text, SetLine& line, const TextOptions& options) const;
  std::vector<LinkItem> link_areas(const StyledText& text, const SetLine& line, const style::TextStyle& style) const;

  const doc::Document& document_;
  const style::Theme& theme_;
  FontSystem& fonts_;
  const Hyphenator& hyphenator_;
  SourceMarks& marks_;
  std::string anchor_prefix_;
  ColumnGeometry geometry_;
  double measure_ = 0;
  NoteNumbers note_numbers_;
  BreakParameters break_parameters_;  // the builder's defaults with the theme's [break] over them
  std::map<std::string, std::string> heading_anchors_;  // heading ids to their anchors' names
  NotesOnLine notes_on_line_;
  std::vector<Slab> slabs_;
  double pending_space_ = 0;
  std::vector<OutlineEntry> outline_;
  Diagnostics warnings_;
  std::vector<ResettableParagraph> resettable_;  // in the order of their slabs
};

}  // namespace galley::layout
