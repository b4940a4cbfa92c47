#include "layout/pages/page_builder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace galley::layout {

void translate(Item& item, double dx, double dy) {
  std::visit(
      [dx, dy](auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, RuleItem>) {
          node.x0 += dx, node.x1 += dx, node.y0 += dy, node.y1 += dy;
        } else if constexpr (std::is_same_v<Node, StructureItem>) {
          // A mark in the order of items, with no place on the page.
        } else {
          node.x += dx, node.y += dy;
        }
      },
      item);
}

std::size_t lines_in(const Slab& slab) {
  bool text = false;
  for (const Item& item : slab.items) {
    if (std::holds_alternative<ImageItem>(item)) return fewest_lines_in_a_column;
    text = text || std::holds_alternative<GlyphRun>(item);
  }
  return text ? 1 : 0;
}

namespace {

constexpr double tolerance = 0.01;  // points: rounding, not room

// Where a slab's top-left corner goes.
struct Placement {
  std::size_t page = 0;
  double x = 0, y = 0;
};

// Space between the text and the footnotes, where a short rule stands.
constexpr double footnote_separation = 10;  // points

// A footnote's slab at the foot of a column.
struct PlacedNote {
  const Slab* slab;
  std::size_t page;
  double x;
};

// A copy of a table's header rows set at the top of a column.
struct RepeatedSlab {
  const Slab* slab;
  Placement placement;
};

// The state of the flow: which page and column, and how far down.
struct FlowState {
  std::size_t page = 0;
  int column = 0;
  double region_top = 0;  // where the columns begin on this page (below a spanning head)
  double cursor = 0;      // the next free point in the column
  bool column_empty = true;
  std::size_t region_first = 0;  // the first slab set in the current columns, for balancing
  double notes_height = 0;       // points the column's footnotes take at its foot
  double foot = 0;               // where the column ends (lower while balancing)
  // Floats: the slabs [first, last] of each.
  std::vector<std::pair<std::size_t, std::size_t>> foot_floats;     // at this column's foot, above its notes
  double foot_floats_height = 0;                                    // points they take, gaps included
  std::vector<std::pair<std::size_t, std::size_t>> waiting_floats;  // for the head of the next column

  double reserved() const { return notes_height + foot_floats_height; }
};

class PageBuilder {
 public:
  PageBuilder(std::vector<Slab>& slabs, const ColumnGeometry& geometry)
      : slabs_(slabs), geometry_(geometry), placements_(slabs.size()) {}

  std::vector<Page> run() { return materialize(place() + 1); }

  std::vector<std::size_t> column_final_slabs() {
    place();
    std::map<std::pair<std::size_t, double>, std::size_t> last_in_column;
    for (std::size_t index = 0; index < slabs_.size(); ++index) {
      if (slabs_[index].float_group != 0 || slabs_[index].spans_columns) continue;
      last_in_column[{placements_[index].page, placements_[index].x}] = index;
    }
    std::vector<std::size_t> ends;
    for (const auto& [column, index] : last_in_column) ends.push_back(index);
    return ends;
  }

  LastPage last_page() {
    LastPage last;
    const std::size_t page = place();
    last.pages = page + 1;
    last.first_slab = slabs_.size();
    for (std::size_t index = 0; index < slabs_.size(); ++index) {
      if (placements_[index].page != page) continue;
      last.lines += lines_in(slabs_[index]);
      for (const Slab& note : slabs_[index].notes) last.lines += lines_in(note);
      if (slabs_[index].float_group == 0) last.first_slab = std::min(last.first_slab, index);
    }
    return last;
  }

 private:
  // Works out every slab's place; returns the last page's index.
  std::size_t place() {
    FlowState state;
    state.region_top = state.cursor = geometry_.top;
    flow(state, 0, geometry_.top + geometry_.height, true);
    if (geometry_.columns > 1) balance_last_page(state);
    return state.page;
  }

  double column_x(int column) const { return geometry_.left + column * (geometry_.column_width() + geometry_.gutter); }

  // Moves to the next column, or the next page. False when a bounded flow
  // (balancing) would need another page.
  bool next_column(FlowState& state, std::size_t next_slab, bool allow_new_page) {
    place_foot_floats(state);
    if (state.column + 1 < geometry_.columns) {
      ++state.column;
    } else {
      if (!allow_new_page) return false;
      ++state.page;
      state.column = 0;
      state.region_top = geometry_.top;
      state.region_first = next_slab;
      repeated_in_region_ = false;
      region_repeated_first_ = repeated_.size();
    }
    state.cursor = state.region_top;
    state.column_empty = true;
    state.notes_height = 0;
    place_waiting_floats(state);
    return true;
  }

  // The first grid line at or below `y`, the grid counted from `top` (or
  // from the geometry's own origin, shared by a page's modules).
  double on_grid(double y, double top) const {
    const double grid = geometry_.baseline_grid;
    if (grid <= 0) return y;
    if (geometry_.grid_origin) top = *geometry_.grid_origin;
    return top + std::ceil((y - top - tolerance) / grid) * grid;
  }

  // ------------------------------------------------------------ floats

  std::size_t float_last(std::size_t first) const {
    std::size_t last = first;
    while (last + 1 < slabs_.size() && slabs_[last + 1].float_group == slabs_[first].float_group) ++last;
    return last;
  }

  // A float's slabs from `y` down; returns where they end.
  double place_float(const FlowState& state, std::pair<std::size_t, std::size_t> group, double y) {
    for (std::size_t k = group.first; k <= group.second; ++k) {
      if (k > group.first) y += slabs_[k].space_before;
      placements_[k] = {state.page, column_x(state.column), y};
      y += slabs_[k].height;
    }
    return y;
  }

  void place_foot_floats(FlowState& state) {
    double y = state.foot - state.notes_height - state.foot_floats_height + geometry_.float_gap;
    for (const auto& group : state.foot_floats) y = place_float(state, group, y) + geometry_.float_gap;
    state.foot_floats.clear();
    state.foot_floats_height = 0;
  }

  // Floats that did not fit where the text mentions them open the column, in order.
  void place_waiting_floats(FlowState& state) {
    std::size_t placed = 0;
    for (; placed < state.waiting_floats.size(); ++placed) {
      const auto& group = state.waiting_floats[placed];
      double height = chain_height(group.first, group.second, true);
      bool fits = state.cursor + height + geometry_.float_gap <= state.foot - state.reserved() + tolerance;
      // A whole column from the page's head takes any float (none is taller).
      bool whole_column = state.column_empty && state.region_top == geometry_.top &&
                          state.foot >= geometry_.top + geometry_.height - tolerance;
      if (!fits && !whole_column) break;
      state.cursor = place_float(state, group, state.cursor) + geometry_.float_gap;
      state.column_empty = false;
    }
    state.waiting_floats.erase(state.waiting_floats.begin(), state.waiting_floats.begin() + static_cast<long>(placed));
  }

  // Takes the float that starts at `first` out of the flow: where it fits
  // in this column, to its head when the column is empty and to its foot
  // when it has text; else to wait for the next column, after any float
  // already waiting. False when it is taller than a column and is set in
  // the flow.
  bool take_float(FlowState& state, std::size_t first) {
    std::pair<std::size_t, std::size_t> group{first, float_last(first)};
    double height = chain_height(group.first, group.second, true) + geometry_.float_gap;
    if (height > geometry_.height) return false;
    bool fits = state.cursor + height <= state.foot - state.reserved() + tolerance;
    if (!fits || !state.waiting_floats.empty()) {
      state.waiting_floats.push_back(group);
    } else if (state.column_empty) {
      state.cursor = place_float(state, group, state.cursor) + geometry_.float_gap;
      state.column_empty = false;
    } else {
      state.foot_floats.push_back(group);
      state.foot_floats_height += height;
    }
    return true;
  }

  // What a slab's footnotes add at the foot of the column.
  double notes_height(const Slab& slab, double column_notes) const {
    double height = 0;
    for (const Slab& note : slab.notes) height += note.height;
    if (height > 0 && column_notes == 0) height += footnote_separation;
    return height;
  }

  // The height of slabs first..last set together at the top of a column.
  double chain_height(std::size_t first, std::size_t last, bool at_column_top) const {
    double height = 0;
    double notes = 0;
    for (std::size_t k = first; k <= last; ++k) {
      height += slabs_[k].height + (k == first && at_column_top ? 0 : slabs_[k].space_before);
      notes += notes_height(slabs_[k], notes);
    }
    return height + notes;
  }

  // Where the chain first..last would end, set at the head of a column of
  // the region, with what the column keeps for notes and floats.
  double chain_bottom_at_column_head(const FlowState& state, std::size_t first, std::size_t last) const {
    FlowState head = state;
    head.cursor = state.region_top;
    head.column_empty = true;
    return chain_bottom(head, first, last) + state.reserved();
  }

  // Where the chain first..last would end, set from the cursor: its slabs'
  // spaces, their steps down to the baseline grid and the footnotes it
  // brings included (without the grid's steps, a chain that seemed to fit
  // broke, leaving a paragraph's first line alone at a column's foot).
  double chain_bottom(const FlowState& state, std::size_t first, std::size_t last) const {
    double y = state.cursor;
    double notes = 0;
    for (std::size_t k = first; k <= last; ++k) {
      if (!state.column_empty || k > first) y += slabs_[k].space_before;
      if (slabs_[k].on_grid) y = on_grid(y, state.region_top);
      y += slabs_[k].height;
      notes += notes_height(slabs_[k], notes);
    }
    return y + notes;
  }

  // Sets slabs from `first` on into columns whose foot is at `bottom`.
  // Returns false when a bounded flow runs out of columns.
  bool flow(FlowState& state, std::size_t first, double bottom, bool allow_new_pages) {
    state.foot = bottom;
    std::size_t index = first;
    const std::size_t limit = std::min(flow_end_, slabs_.size());
    while (index < limit) {
      if (slabs_[index].float_group != 0 && take_float(state, index)) {
        index = float_last(index) + 1;
        continue;
      }
      if (slabs_[index].spans_columns) {
        place_spanning(state, index);
        ++index;
        continue;
      }
      if (slabs_[index].column_break_before && !state.column_empty)
        if (!next_column(state, index, allow_new_pages)) return false;
      std::size_t chain_end = index;
      while (chain_end + 1 < limit && slabs_[chain_end].keep_with_next && !slabs_[chain_end + 1].spans_columns)
        ++chain_end;
      // A chain taller than a whole column is set slab by slab.
      bool chain_fits_a_column = chain_height(index, chain_end, true) <= geometry_.height + tolerance;
      // Columns balanced this short would split a chain that a column holds
      // whole (an orphan, a widow, a heading from its text): too short.
      // Measured from a column's head with the grid's steps, which a bare
      // sum of heights leaves out: a two-line paragraph after a rule reaches
      // a line further down once its first line drops to the grid.
      if (!allow_new_pages && chain_fits_a_column && chain_bottom_at_column_head(state, index, chain_end) > bottom + tolerance)
        return false;
      if (!state.column_empty && chain_bottom(state, index, chain_end) + state.reserved() > bottom + tolerance &&
          chain_fits_a_column)
        if (!next_column(state, index, allow_new_pages)) return false;
      std::size_t last = chain_fits_a_column ? chain_end : index;
      for (std::size_t k = index; k <= last; ++k) {
        const Slab& slab = slabs_[k];
        if (!state.column_empty) state.cursor += slab.space_before;
        if (slab.on_grid) state.cursor = on_grid(state.cursor, state.region_top);
        if (!state.column_empty &&
            state.cursor + slab.height + state.reserved() + notes_height(slab, state.notes_height) > bottom + tolerance) {
          if (!next_column(state, k, allow_new_pages)) return false;
          // The next column's top is on the grid only when the grid counts from it.
          if (slab.on_grid) state.cursor = on_grid(state.cursor, state.region_top);
        }
        if (state.column_empty && slab.repeated_header && k > 0) place_repeated_header(state, *slab.repeated_header);
        placements_[k] = {state.page, column_x(state.column), state.cursor};
        state.notes_height += notes_height(slab, state.notes_height);
        for (const Slab& note : slab.notes) notes_.push_back({&note, state.page, column_x(state.column)});
        state.cursor += slab.height;
        state.column_empty = false;
      }
      index = last + 1;
    }
    // The floats still to set: at this column's foot, then in new columns.
    place_foot_floats(state);
    // A whole column takes at least the first (none is taller than a column).
    while (!state.waiting_floats.empty())
      if (!next_column(state, slabs_.size(), allow_new_pages)) return false;
    return true;
  }

  // A slab across all columns goes below whatever the columns hold so far,
  // and the columns start again below it.
  void place_spanning(FlowState& state, std::size_t index) {
    balance_region(state, index);
    const Slab& slab = slabs_[index];
    double top = state.region_top;
    for (std::size_t k = state.region_first; k < index; ++k)
      if (placements_[k].page == state.page) top = std::max(top, placements_[k].y + slabs_[k].height);
    if (top > state.region_top || !state.column_empty) top += slab.space_before;
    if (top + slab.height > geometry_.top + geometry_.height + tolerance && top > geometry_.top) {
      ++state.page;
      top = geometry_.top;
    }
    placements_[index] = {state.page, geometry_.left, top};
    state.column = 0;
    state.region_top = state.cursor = top + slab.height;
    state.column_empty = true;
    state.region_first = index + 1;
    repeated_in_region_ = false;
    region_repeated_first_ = repeated_.size();
  }

  // The columns above a slab across them end level, as on a newspaper page
  // where one story's columns stop above the next story's headline: the
  // shortest column height at which the slabs since the last spanning one
  // still fit this page. Left as they are with floats or notes among them.
  // A table's header repeated at a column's top is placed again by each
  // trial: a trial first drops the copies the region's flow made.
  void balance_region(const FlowState& state, std::size_t end) {
    if (geometry_.columns < 2 || state.region_first >= end) return;
    if (!state.foot_floats.empty() || !state.waiting_floats.empty()) return;
    for (std::size_t k = state.region_first; k < end; ++k)
      if (!slabs_[k].notes.empty() || slabs_[k].float_group != 0 || placements_[k].page != state.page) return;
    FlowState start = state;
    start.column = 0;
    start.cursor = start.region_top;
    start.column_empty = true;
    start.notes_height = 0;
    const std::size_t saved_end = flow_end_;
    flow_end_ = end;
    const std::vector<Placement> natural = placements_;
    const std::vector<RepeatedSlab> natural_repeated = repeated_;
    bool any_fits = false;
    auto fits = [&](double bottom) {
      repeated_.resize(region_repeated_first_);
      FlowState trial = start;
      const bool fitted = flow(trial, start.region_first, bottom, false) && trial.page == start.page;
      any_fits = any_fits || fitted;
      return fitted;
    };
    settle_at_shortest(start.region_top, geometry_.top + geometry_.height, fits, natural, start.region_first, end);
    // It ends on a trial that fits, whose header copies stand; when none
    // does, on the natural placements, whose copies come back.
    if (!any_fits) repeated_ = natural_repeated;
    flow_end_ = saved_end;
  }

  // Bisects for the shortest column foot between `low` and `high` at which
  // the trial flow `fits` succeeds and keeps its placements; keeps the
  // natural ones when even `high` does not fit. Columns that short may
  // leave a line or two in the last (a runt): they are then made longer,
  // half a line at a time, until no column of slabs [first, end) holds one
  // to four lines, which sets a short tail in fewer, longer columns; when
  // no length does that, the shortest stands.
  template <class Fits>
  void settle_at_shortest(double low, double high, Fits& fits, const std::vector<Placement>& natural,
                          std::size_t first, std::size_t end) {
    if (!fits(high)) {
      placements_ = natural;
      return;
    }
    const double lowest_foot = high;
    for (int step = 0; step < 30 && high - low > 0.5; ++step) {
      const double middle = (low + high) / 2;
      if (fits(middle))
        high = middle;
      else
        low = middle;
    }
    placements_ = natural;
    fits(high);
    if (!geometry_.no_runt_columns || !leaves_runt_column(first, end)) return;
    const double step = shortest_line(first, end) / 2;
    for (double foot = high + step; step > 0 && foot <= lowest_foot + tolerance; foot += step) {
      placements_ = natural;
      if (fits(std::min(foot, lowest_foot)) && !leaves_runt_column(first, end)) return;
    }
    placements_ = natural;
    fits(high);
  }

  // Whether, of two or more columns the slabs [first, end) are set in, one
  // holds one to four lines (lines_in).
  bool leaves_runt_column(std::size_t first, std::size_t end) const {
    std::map<std::pair<std::size_t, double>, std::size_t> lines_by_column;
    for (std::size_t index = first; index < end && index < slabs_.size(); ++index) {
      if (slabs_[index].spans_columns) continue;
      lines_by_column[{placements_[index].page, placements_[index].x}] += lines_in(slabs_[index]);
    }
    if (lines_by_column.size() < 2) return false;
    return std::any_of(lines_by_column.begin(), lines_by_column.end(), [](const auto& column) {
      return column.second > 0 && column.second < fewest_lines_in_a_column;
    });
  }

  // Points: the height of the shortest line of text among slabs [first, end).
  double shortest_line(std::size_t first, std::size_t end) const {
    double shortest = 0;
    for (std::size_t index = first; index < end && index < slabs_.size(); ++index)
      if (lines_in(slabs_[index]) == 1 && slabs_[index].height > tolerance &&
          (shortest == 0 || slabs_[index].height < shortest))
        shortest = slabs_[index].height;
    return shortest;
  }

  void place_repeated_header(FlowState& state, const std::vector<Slab>& header) {
    for (const Slab& slab : header) {
      repeated_.push_back({&slab, {state.page, column_x(state.column), state.cursor}});
      state.cursor += slab.height;
    }
    repeated_in_region_ = true;
  }

  // The columns of the last page end level: the shortest column height at
  // which the last page's slabs still fit its columns.
  void balance_last_page(const FlowState& end) {
    if (repeated_in_region_ || end.region_first >= slabs_.size()) return;
    // Footnotes stand at the page's foot, below no balanced columns.
    for (std::size_t k = end.region_first; k < slabs_.size(); ++k)
      if (!slabs_[k].notes.empty()) return;
    // Nor are columns balanced under a float carried over from the page before.
    for (std::size_t k = 0; k < end.region_first; ++k)
      if (slabs_[k].float_group != 0 && placements_[k].page == end.page) return;
    const std::vector<Placement> natural = placements_;
    double low = end.region_top, high = geometry_.top + geometry_.height;
    const std::size_t repeated_before = repeated_.size();
    const std::size_t notes_before = notes_.size();
    auto fits = [&](double bottom) {
      repeated_.resize(repeated_before);  // a trial leaves no header copies behind
      notes_.resize(notes_before);
      FlowState state = end;
      state.column = 0;
      state.cursor = state.region_top;
      state.column_empty = true;
      return flow(state, end.region_first, bottom, false) && state.page == end.page;
    };
    settle_at_shortest(low, high, fits, natural, end.region_first, slabs_.size());
  }

  std::vector<Page> materialize(std::size_t page_count) {
    std::vector<Page> pages(page_count);
    for (std::size_t index = 0; index < pages.size(); ++index) {
      pages[index].width = geometry_.page_width;
      pages[index].height = geometry_.page_height;
      pages[index].label = std::to_string(index + 1);
    }
    // Items go in reading order: the slabs in order, each repeated header
    // before the first slab set below it in its column.
    std::size_t next_repeated = 0;
    std::vector<FloatItems> floats;
    for (std::size_t index = 0; index < slabs_.size(); ++index) {
      const Placement& placement = placements_[index];
      while (next_repeated < repeated_.size() && repeated_[next_repeated].placement.page <= placement.page &&
             starts_before(repeated_[next_repeated].placement, placement)) {
        add_copied_items(pages, *repeated_[next_repeated].slab, repeated_[next_repeated].placement);
        ++next_repeated;
      }
      if (slabs_[index].float_group != 0) {
        if (floats.empty() || floats.back().group != slabs_[index].float_group)
          floats.push_back({slabs_[index].float_group, placement.page, pages[placement.page].items.size(), {}});
        for (Item& item : slabs_[index].items) {
          translate(item, placement.x, placement.y);
          floats.back().items.push_back(std::move(item));
        }
        continue;
      }
      add_items(pages, slabs_[index], placement);
    }
    for (; next_repeated < repeated_.size(); ++next_repeated)
      add_copied_items(pages, *repeated_[next_repeated].slab, repeated_[next_repeated].placement);
    insert_floats(pages, floats);
    place_notes(pages);
    return pages;
  }

  // A float's items, kept aside until the page's other items are in.
  struct FloatItems {
    int group;
    std::size_t page;
    std::size_t position;  // where in the page's items they would have gone
    std::vector<Item> items;
  };

  // A float moved to a later column may land inside a paragraph that began
  // before it and goes on after it; tagged PDF needs its structure element
  // between elements, not inside one. Each float goes in at the first point
  // at or after its place in reading order where no element is open.
  static void insert_floats(std::vector<Page>& pages, std::vector<FloatItems>& floats) {
    if (floats.empty()) return;
    // How many structure elements are open where each page begins. A
    // story's Art may hold a figure: it is not counted.
    auto depth_change = [](const Item& item) {
      const auto* mark = std::get_if<StructureItem>(&item);
      if (!mark || mark->tag == "Art") return 0;
      return mark->begin ? 1 : -1;
    };
    std::vector<int> open_at_start(pages.size(), 0);
    int open = 0;
    for (std::size_t page = 0; page < pages.size(); ++page) {
      open_at_start[page] = open;
      for (const Item& item : pages[page].items) open += depth_change(item);
    }
    // Backwards, so that inserting moves no position still to be used.
    for (auto float_items = floats.rbegin(); float_items != floats.rend(); ++float_items) {
      std::vector<Item>& items = pages[float_items->page].items;
      int depth = open_at_start[float_items->page];
      std::size_t at = 0;
      for (; at < items.size(); ++at) {
        if (at >= float_items->position && depth <= 0) break;
        depth += depth_change(items[at]);
      }
      items.insert(items.begin() + static_cast<long>(at), std::make_move_iterator(float_items->items.begin()),
                   std::make_move_iterator(float_items->items.end()));
    }
  }

  // Each column's footnotes, stacked up from its foot under a short rule.
  void place_notes(std::vector<Page>& pages) const {
    const double foot = geometry_.top + geometry_.height;
    std::size_t index = 0;
    while (index < notes_.size()) {
      std::size_t end = index;
      double height = 0;
      while (end < notes_.size() && notes_[end].page == notes_[index].page && notes_[end].x == notes_[index].x)
        height += notes_[end++].slab->height;
      double y = foot - height;
      RuleItem rule;
      rule.x0 = notes_[index].x;
      rule.x1 = notes_[index].x + geometry_.column_width() / 4;
      rule.y0 = rule.y1 = y - footnote_separation / 2;
      rule.thickness = 0.4;
      pages[notes_[index].page].items.emplace_back(rule);
      for (; index < end; ++index) {
        add_note_items(pages, *notes_[index].slab, {notes_[index].page, notes_[index].x, y});
        y += notes_[index].slab->height;
      }
    }
  }

  static bool starts_before(const Placement& a, const Placement& b) {
    if (a.page != b.page) return a.page < b.page;
    if (a.x != b.x) return a.x < b.x;
    return a.y <= b.y;
  }

  // The slab's own items move to the page.
  static void add_items(std::vector<Page>& pages, Slab& slab, const Placement& placement) {
    std::vector<Item>& page_items = pages[placement.page].items;
    for (Item& item : slab.items) {
      translate(item, placement.x, placement.y);
      page_items.push_back(std::move(item));
    }
  }

  // A footnote's items, structure marks included: it is set once.
  static void add_note_items(std::vector<Page>& pages, const Slab& slab, const Placement& placement) {
    for (const Item& item : slab.items) {
      Item placed = item;
      translate(placed, placement.x, placement.y);
      pages[placement.page].items.push_back(std::move(placed));
    }
  }

  // A repeated header shows the rows again, copied; the structure tree and
  // the anchors name them once.
  static void add_copied_items(std::vector<Page>& pages, const Slab& slab, const Placement& placement) {
    for (const Item& item : slab.items) {
      if (std::holds_alternative<StructureItem>(item) || std::holds_alternative<AnchorItem>(item)) continue;
      Item placed = item;
      translate(placed, placement.x, placement.y);
      pages[placement.page].items.push_back(std::move(placed));
    }
  }

  std::vector<Slab>& slabs_;
  std::size_t flow_end_ = static_cast<std::size_t>(-1);  // flow() stops before this slab (while balancing a region)
  const ColumnGeometry& geometry_;
  std::vector<Placement> placements_;
  std::vector<RepeatedSlab> repeated_;
  std::vector<PlacedNote> notes_;
  bool repeated_in_region_ = false;
  std::size_t region_repeated_first_ = 0;  // repeated_'s first entry in the current region
};

}  // namespace

std::vector<Page> build_pages(std::vector<Slab> slabs, const ColumnGeometry& geometry) {
  return PageBuilder(slabs, geometry).run();
}

std::vector<std::size_t> column_final_slabs(std::vector<Slab>& slabs, const ColumnGeometry& geometry) {
  return PageBuilder(slabs, geometry).column_final_slabs();
}

LastPage last_page(std::vector<Slab>& slabs, const ColumnGeometry& geometry) {
  return PageBuilder(slabs, geometry).last_page();
}

}  // namespace galley::layout
