#include "layout/source_marks.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace galley::layout {

SourcePosition line_source(const TextSource& source, const StyledText& text, const SetLine& line,
                           const std::vector<InlineOrigin>& origins) {
  std::size_t start = line.runs.front().text_offset;
  for (const GlyphRun& run : line.runs) start = std::min(start, run.text_offset);
  if (start == 0) return {source.block, 0, 0};
  InlinePlace place = inline_place(origins, start);
  // A line that begins after a hyphenation point begins inside a word the
  // EPUB shows whole: its page begins with the word, so that a screen
  // reader never announces a page in the middle of one.
  static constexpr std::string_view soft_hyphen = "\u00AD";
  if (start >= soft_hyphen.size() && text.text.compare(start - soft_hyphen.size(), soft_hyphen.size(), soft_hyphen) == 0)
    place.offset = 0;
  if (place.inline_index < source.prefix_inlines) return {source.block, 0, 0};
  place.inline_index -= source.prefix_inlines;
  if (place.inline_index == 0) place.offset += source.dropped_bytes;
  return {source.block, place.inline_index + source.dropped_inlines, place.offset};
}

void SourceMarks::mark(Slab& slab, const SourcePosition& position, bool head) {
  slab.items.insert(slab.items.begin(), SourceMarkItem{position, sequence_++, part_, head, false, 0, 0});
}

bool SourceMarks::has_mark(const Slab& slab) {
  return std::any_of(slab.items.begin(), slab.items.end(),
                     [](const Item& item) { return std::holds_alternative<SourceMarkItem>(item); });
}

void SourceMarks::on_new_slab(Slab& slab) {
  if (marking_block_ && !block_marked_ && !has_mark(slab)) mark(slab, {*marking_block_, 0, 0});
  if (marking_block_) block_marked_ = true;
}

std::vector<std::optional<SourceMarkItem>> take_page_beginnings(std::vector<Page>& pages,
                                                                std::set<std::pair<std::size_t, std::size_t>>& seen,
                                                                std::vector<std::vector<SourceMarkItem>>* by_part) {
  std::vector<std::optional<SourceMarkItem>> beginnings;
  beginnings.reserve(pages.size());
  for (Page& page : pages) {
    // The earliest mark on the page's text, else (a page of floats alone)
    // the earliest on a float.
    const SourceMarkItem* first = nullptr;
    std::map<std::size_t, const SourceMarkItem*> first_of_part;
    std::vector<std::pair<std::size_t, std::size_t>> here;
    auto earlier = [](const SourceMarkItem& mark, const SourceMarkItem* than) {
      if (!than) return true;
      if (mark.floated != than->floated) return !mark.floated;
      return std::pair(mark.part, mark.sequence) < std::pair(than->part, than->sequence);
    };
    for (const Item& item : page.items)
      if (const auto* mark = std::get_if<SourceMarkItem>(&item); mark && seen.count({mark->part, mark->sequence}) == 0) {
        if (earlier(*mark, first)) first = mark;
        const SourceMarkItem*& part_first = first_of_part[mark->part];
        if (earlier(*mark, part_first)) part_first = mark;
        here.emplace_back(mark->part, mark->sequence);
      }
    beginnings.push_back(first ? std::optional<SourceMarkItem>(*first) : std::nullopt);
    if (by_part) {
      by_part->emplace_back();
      for (const auto& [part, mark] : first_of_part) by_part->back().push_back(*mark);
    }
    seen.insert(here.begin(), here.end());
    std::erase_if(page.items, [](const Item& item) { return std::holds_alternative<SourceMarkItem>(item); });
  }
  return beginnings;
}

void find_page_beginnings(std::vector<Page>& pages, const SourcePosition& article_end) {
  // The marks on text, by when they were made, and the latest on each
  // page, read before the marks are taken (0 for none: no mark is before it).
  std::map<std::size_t, SourcePosition> text_marks;
  std::vector<std::size_t> latest_text(pages.size(), 0);
  for (std::size_t index = 0; index < pages.size(); ++index)
    for (const Item& item : pages[index].items)
      if (const auto* mark = std::get_if<SourceMarkItem>(&item); mark && !mark->floated) {
        text_marks.emplace(mark->sequence, mark->position);
        latest_text[index] = std::max(latest_text[index], mark->sequence);
      }
  std::set<std::pair<std::size_t, std::size_t>> seen;
  std::vector<std::optional<SourceMarkItem>> beginnings = take_page_beginnings(pages, seen);
  std::optional<SourcePosition> previous;
  std::size_t text_so_far = pages.empty() ? 0 : latest_text[0];
  for (std::size_t index = 1; index < pages.size(); ++index) {
    const std::optional<SourceMarkItem>& beginning = beginnings[index];
    if (!beginning) {
      pages[index].begins_at = previous;
    } else if (!beginning->floated) {
      pages[index].begins_at = beginning->position;
    } else {
      // Floats alone: the page begins after the last text an earlier page
      // prints, at its figure when that comes next in the model, else where
      // the next text does (on a later page), else at the article's end.
      auto next_text = text_marks.upper_bound(text_so_far);
      const bool figure_next = beginning->sequence > text_so_far &&
                               (next_text == text_marks.end() || beginning->sequence < next_text->first);
      if (figure_next) pages[index].begins_at = beginning->position;
      else if (next_text != text_marks.end()) pages[index].begins_at = next_text->second;
      else pages[index].begins_at = article_end;
    }
    previous = pages[index].begins_at;
    text_so_far = std::max(text_so_far, latest_text[index]);
  }
}

}  // namespace galley::layout
