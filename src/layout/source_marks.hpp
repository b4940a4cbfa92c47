// Source marks: where each slab's content comes from in the model, so that
// the EPUB's page list can say where each print page begins. The layout
// puts a SourceMarkItem on a block's first slab and on each line of a
// paragraph's own text; after the page builder, the marks a page holds
// name the place it begins at, and are then removed.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "galley/doc.hpp"
#include "galley/layout.hpp"
#include "galley/walk.hpp"
#include "layout/pages/page_builder.hpp"
#include "layout/inline/paragraph.hpp"
#include "layout/inline/styled_text.hpp"

namespace galley::layout {

// Which block's own inlines are being set, so that each line can be traced
// back to the model.
struct TextSource {
  std::size_t block = 0;
  std::size_t prefix_inlines = 0;   // inlines set before the block's own ("▸ ", a note's number)
  std::size_t dropped_inlines = 0;  // the block's leading inlines not set here (a drop cap's whole word)
  std::size_t dropped_bytes = 0;    // bytes not set here of the first inline set (a drop cap's initial)
};

// Where a set line begins in the model: the inline and the byte its first
// glyph shows, or the start of the word when the line begins after a
// hyphenation point.
SourcePosition line_source(const TextSource& source, const StyledText& text, const SetLine& line,
                           const std::vector<InlineOrigin>& origins);

class SourceMarks {
 public:
  // `part` is the article's place in an edition (0 for a single article).
  SourceMarks(const doc::Document& document, std::size_t part)
      : block_numbers_(doc::number_blocks(document)), part_(part) {}

  // The block's number in doc::for_each_block's order.
  std::size_t block_number(const doc::Block& block) const { return block_numbers_.at(&block); }
  // A place after every block: the EPUB puts a page that begins there at
  // the article's end.
  SourcePosition article_end() const { return {block_numbers_.size(), 0, 0}; }

  // The block whose slabs are being made; none outside the flow (footnotes).
  const std::optional<std::size_t>& marking_block() const { return marking_block_; }
  // Set while a block's own inlines are set; a drop cap changes what is dropped.
  std::optional<TextSource>& text_source() { return text_source_; }

  // Puts a mark first among the slab's items; `head` for an edition's headline.
  void mark(Slab& slab, const SourcePosition& position, bool head = false);
  static bool has_mark(const Slab& slab);

  // Called for each slab of the flow as it is added: the first slab of a
  // block gets the block's mark unless it has a finer one.
  void on_new_slab(Slab& slab);

  // Sets what `set` sets as coming from `block`: its first slab is marked as
  // the block's start, and `text` (when given) marks each line of the
  // block's own inlines. `slabs` is the flow, to see whether `set` added any.
  template <class Set>
  void from_block(const doc::Block& block, const std::vector<Slab>& slabs, Set&& set,
                  std::optional<TextSource> text = std::nullopt) {
    const auto saved_block = marking_block_;
    const bool saved_marked = block_marked_;
    const auto saved_text = text_source_;
    const std::size_t before = slabs.size();
    marking_block_ = block_number(block);
    block_marked_ = false;
    if (text) text->block = *marking_block_;
    text_source_ = text;
    set();
    marking_block_ = saved_block;
    block_marked_ = saved_marked || slabs.size() > before;
    text_source_ = saved_text;
  }

  // Footnotes at the foot of a column stand outside the flow the EPUB
  // follows; their slabs carry no marks.
  template <class Set>
  void outside_flow(Set&& set) {
    const auto saved_block = marking_block_;
    const auto saved_text = text_source_;
    marking_block_.reset();
    text_source_.reset();
    set();
    marking_block_ = saved_block;
    text_source_ = saved_text;
  }

 private:
  std::unordered_map<const doc::Block*, std::size_t> block_numbers_;  // doc::for_each_block's order
  std::size_t part_ = 0;
  std::optional<std::size_t> marking_block_;
  bool block_marked_ = false;  // the marking block's first slab has been marked
  std::optional<TextSource> text_source_;
  std::size_t sequence_ = 0;  // marks made so far
};

// The mark each page begins at: the earliest made (by part, then sequence)
// of those on its text that no earlier page holds, since a repeated table
// header is a copy of a mark an earlier page has; marks on floats count
// only on a page with no text of its own, since a figure the page builder
// moves to a later column's head stands there before text that precedes
// it in the model (and a figure at a column's foot after text that
// follows it). None for a page with no mark of its own. Removes every mark from the pages. `seen` holds the
// (part, sequence) of marks on earlier pages, across calls for one book.
// `by_part`, when given, gets each page's beginning of each part on it, by
// part, chosen the same way: a newspaper page holds several stories.
std::vector<std::optional<SourceMarkItem>> take_page_beginnings(
    std::vector<Page>& pages, std::set<std::pair<std::size_t, std::size_t>>& seen,
    std::vector<std::vector<SourceMarkItem>>* by_part = nullptr);

// Sets Page::begins_at on one article's pages: each at its first text; a
// page with no mark of its own where the previous one did; a page of
// floats alone after the last text an earlier page prints (at its figure
// when that comes next in the model, else at the next text, else at
// `article_end`); the first with the article's head.
void find_page_beginnings(std::vector<Page>& pages, const SourcePosition& article_end);

}  // namespace galley::layout
