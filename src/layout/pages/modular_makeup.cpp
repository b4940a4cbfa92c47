// Modular make-up: measure, plan each page as tiers of modules, pour.
#include "layout/pages/modular_makeup.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "layout/inline/paragraph.hpp"
#include "layout/pages/line_slabs.hpp"

namespace galley::layout {
namespace {

constexpr int widest_module = 6;
constexpr std::size_t modules_in_tier = 4;
constexpr std::size_t beam_width = 32;
constexpr std::size_t tiers_on_page = 6;
constexpr int widest_but_lead = 4;  // columns
// A module shows at least this many lines of text a column: less reads as
// a strip of headline with no story under it.
constexpr double least_lines_per_column = 4;
// A jump carries at least this many lines over: fewer are not worth the turn.
constexpr double least_lines_jumped = 6;
// What the plan's score weighs: a jump costs this many per cent of fill,
// and every per cent of fill under the floor costs this much more.
constexpr double jump_cost = 5;
constexpr double fill_floor = 0.93;  // aims over the 90 % asked: the plan measures text a line or so generously
constexpr double under_floor_cost = 4;
constexpr double fill_floor_set = 0.925;  // a page as set, measured by its lowest lines (with a margin for how a reader measures)
constexpr std::size_t plans_tried = 10;

// Anchors of this name mark where each slab went, so that the slabs a
// module could not hold are known after the page builder has set them.
const std::string slab_marker = "\x1f" "modular-slab-";

using Heights = std::array<double, widest_module + 1>;  // by module width in columns

// The ways to share a tier's columns among at most four modules, widest
// first: the more important story stands to the left.
void add_shapes(int left, int largest, std::vector<int>& shape, std::vector<std::vector<int>>& shapes) {
  if (left == 0) {
    shapes.push_back(shape);
    return;
  }
  if (shape.size() == modules_in_tier) return;
  for (int width = std::min(left, largest); width >= 1; --width) {
    shape.push_back(width);
    add_shapes(left - width, width, shape, shapes);
    shape.pop_back();
  }
}

std::vector<std::vector<int>> tier_shapes(int columns) {
  std::vector<std::vector<int>> shapes;
  std::vector<int> shape;
  add_shapes(columns, columns, shape, shapes);
  return shapes;
}

double module_width(const ColumnGeometry& geometry, int columns) {
  return columns * geometry.column_width() + (columns - 1) * geometry.gutter;
}

// The headline's size steps down with the module's width; the front page's
// lead has the theme's full size.
double headline_size(const style::Theme& theme, int columns, bool front_lead) {
  if (front_lead) return theme.headline.size;
  static constexpr std::array<double, widest_module + 1> share = {0, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7};
  return std::max(theme.heading.size * 1.6, theme.headline.size * share[std::clamp(columns, 1, widest_module)]);
}

void scale_style(style::TextStyle& style, double scale) {
  style.size *= scale;
  style.leading *= scale;
  style.space_after *= scale;
}

// The articles' theme for a module `columns` wide: its text area is the
// module, so the head spans the module and the text fills its columns.
style::Theme module_theme(const style::Theme& base, const ColumnGeometry& geometry, int columns, double head_size) {
  style::Theme theme = base;
  theme.page.columns = columns;
  theme.page.margin_inner = theme.page.margin_outer = 0;
  theme.page.width = module_width(geometry, columns);
  const double scale = head_size / base.headline.size;
  scale_style(theme.headline, scale);
  const double standfirst_size = std::max(base.body.size * 1.15, base.standfirst.size * scale);
  scale_style(theme.standfirst, std::min(1.0, standfirst_size / base.standfirst.size));
  return theme;
}

// The height of slabs stacked, the first one's space before dropped.
double stacked_height(const std::vector<Slab>& slabs, std::size_t first, std::size_t end) {
  double height = 0;
  for (std::size_t index = first; index < end; ++index)
    height += slabs[index].height + (index == first ? 0 : slabs[index].space_before);
  return height;
}

// How many slabs at the front are the head (set across the module).
std::size_t head_slabs(const std::vector<Slab>& slabs) {
  std::size_t count = 0;
  while (count < slabs.size() && slabs[count].spans_columns) ++count;
  return count;
}

// The tags begun and not yet ended among the items, outermost first.
std::vector<std::string> open_tags(const std::vector<Item>& items) {
  std::vector<std::string> open;
  for (const Item& item : items)
    if (const auto* tag = std::get_if<StructureItem>(&item)) {
      if (tag->begin) open.push_back(tag->tag);
      else if (!open.empty()) open.pop_back();
    }
  return open;
}

bool is_slab_marker(const Item& item) {
  const auto* anchor = std::get_if<AnchorItem>(&item);
  return anchor && anchor->name.starts_with(slab_marker);
}

// What a module holds once set, and the slabs it could not hold.
struct Poured {
  std::vector<Item> items;
  std::vector<Slab> rest;
};

// Sets the slabs into the module's columns with the page builder; what
// does not fit its first page is the rest, its open structure elements
// ended here and begun again there.
Poured pour(std::vector<Slab> slabs, const ColumnGeometry& module) {
  for (std::size_t index = 0; index < slabs.size(); ++index)
    slabs[index].items.insert(slabs[index].items.begin(), AnchorItem{slab_marker + std::to_string(index), 0, 0});
  std::vector<Page> pages = build_pages(slabs, module);
  Poured poured;
  if (pages.empty()) return poured;
  std::set<std::size_t> placed;
  for (const Item& item : pages.front().items)
    if (is_slab_marker(item)) placed.insert(std::stoul(std::get<AnchorItem>(item).name.substr(slab_marker.size())));
  poured.items = std::move(pages.front().items);
  std::erase_if(poured.items, is_slab_marker);
  for (std::size_t index = 0; index < slabs.size(); ++index) {
    if (placed.count(index)) continue;
    std::erase_if(slabs[index].items, is_slab_marker);
    poured.rest.push_back(std::move(slabs[index]));
  }
  if (poured.rest.empty()) return poured;
  const std::vector<std::string> open = open_tags(poured.items);
  for (auto tag = open.rbegin(); tag != open.rend(); ++tag) poured.items.emplace_back(StructureItem{false, *tag});
  std::vector<Item>& first = poured.rest.front().items;
  first.insert(first.begin(), open.size(), Item{});
  for (std::size_t index = 0; index < open.size(); ++index) first[index] = StructureItem{true, open[index]};
  // The rest starts a module of its own: no space above its first line.
  poured.rest.front().space_before = 0;
  return poured;
}

// A story, or the rest of one jumped from an earlier page, waiting for its module.
struct Piece {
  std::size_t story = 0;  // index into the stories
  bool may_jump = true;
  double body = 0;     // points the text takes at the column's width
  Heights head{};      // points the head takes at each width
  Heights lead_head{};  // as the front page's lead
  bool continuation = false;
  std::vector<Slab> rest;    // a continuation's text, as set
  std::size_t from_page = 0;  // a continuation: the page it jumps from (index in the section)
  int jump = 0;               // a continuation: its story's how-many-th jump
};

struct Tier {
  std::vector<int> widths;  // columns, each slot's
  double height = 0;        // points
  std::vector<int> stacks;  // stories in each slot: 1, or 2 one above the other
  std::vector<double> top_heights;  // points: the upper story's module in a slot of 2
};

// Each way to stack the slots of a tier: one story in each, or two in at
// most two of them.
const std::vector<std::vector<int>>& stackings(std::size_t slots) {
  static const std::array<std::vector<std::vector<int>>, modules_in_tier + 1> all = [] {
    std::array<std::vector<std::vector<int>>, modules_in_tier + 1> made;
    for (std::size_t size = 1; size <= modules_in_tier; ++size)
      for (unsigned mask = 0; mask < (1u << size); ++mask) {
        if (std::popcount(mask) > 2) continue;
        std::vector<int> stacks(size, 1);
        for (std::size_t k = 0; k < size; ++k)
          if (mask & (1u << k)) stacks[k] = 2;
        made[size].push_back(std::move(stacks));
      }
    return made;
  }();
  return all[slots];
}

// One candidate page: tiers of modules from the top.
struct PagePlan {
  std::vector<Tier> tiers;
  double used = 0;            // points from the top of the modules' area, gaps included
  std::size_t consumed = 0;   // pieces of the queue placed
  double covered = 0;         // column-points of text
  int jumps = 0;
  double bonus = 0;           // importance placed wide
  std::set<double> headline_sizes;  // points, rounded
  bool done = false;
  double score = 0;
};

// A "Continued on page N" line whose N is known once the rest is placed.
struct PendingJump {
  std::size_t page = 0;
  double x = 0, y = 0, width = 0;
  std::size_t story = 0;
  int jump = 0;
};

class ModularMakeUp {
 public:
  ModularMakeUp(const ModularSetting& setting, const std::vector<ModularStory>& stories, Diagnostics& warnings)
      : setting_(setting),
        theme_(*setting.theme),
        geometry_(setting.geometry),
        stories_(stories),
        warnings_(warnings),
        leading_(theme_.body.leading),
        gap_(theme_.body.leading) {
    jump_style_ = theme_.caption;
    jump_style_.italic = true;
    jump_style_.space_before = jump_style_.space_after = 0;
    jump_style_.leading = leading_;
    result_.outlines.resize(stories.size());
  }

  ModularSection run(std::vector<Slab> opening, std::vector<Slab> rail) {
    for (std::size_t index = 0; index < stories_.size(); ++index) queue_.push_back(measure(index));
    double opening_height = 0;
    std::vector<Item> opening_items;
    if (!opening.empty()) {
      opening_height = stacked_height(opening, 0, opening.size());
      std::vector<Page> pages = build_pages(std::move(opening), geometry_);
      if (!pages.empty()) opening_items = std::move(pages.front().items);
    }
    // Each page consumes at least one piece, and a piece jumps only with
    // lines to carry over: this ends.
    while (!queue_.empty()) {
      const bool first = result_.pages.empty();
      Page page;
      page.width = geometry_.page_width;
      page.height = geometry_.page_height;
      if (first) page.items = std::move(opening_items);
      const double top = geometry_.top + (first ? opening_height : 0);
      const double height = geometry_.top + geometry_.height - top;
      result_.pages.push_back(std::move(page));
      if (first) set_rail(rail, top, height);
      else rail_ = {};
      make_up_page(top, height, first && setting_.front);
    }
    resolve_jump_lines();
    return std::move(result_);
  }

 private:
  // Sets the rail at the right of the first page, beside the first tier,
  // in the fewest columns that hold it in at most 70 % of the page's height
  // (at most half its columns): its width and height go to the plan.
  void set_rail(std::vector<Slab>& rail, double top, double height) {
    rail_ = {};
    if (rail.empty()) return;
    const double stacked = stacked_height(rail, 0, rail.size());
    for (int columns = 1; columns <= geometry_.columns / 2; ++columns) {
      const bool last_try = columns == geometry_.columns / 2;
      if (stacked / columns > height * 0.7 && !last_try) continue;
      ColumnGeometry area = geometry_;
      area.columns = columns;
      area.width = module_width(geometry_, columns);
      area.left = geometry_.left + geometry_.width - area.width;
      area.top = top;
      // The shortest height that holds it, a line at a time.
      Poured poured;
      for (area.height = std::min(height, grid_up(stacked / columns)); area.height <= height; area.height += leading_) {
        poured = pour(rail, area);
        if (poured.rest.empty()) break;
      }
      if (!poured.rest.empty()) {
        if (!last_try) continue;
        warnings_.push_back({"", 0, "the contents are longer than the front page; the rest is left out"});
        area.height = height;
      }
      std::vector<Item>& items = result_.pages.back().items;
      items.insert(items.end(), std::make_move_iterator(poured.items.begin()),
                   std::make_move_iterator(poured.items.end()));
      rail_ = {columns, std::min(area.height, height), area.left};
      return;
    }
  }

  // ------------------------------------------------------------ measuring

  ArticleSetting article_setting(const ModularStory& story) const {
    ArticleSetting setting;
    setting.fonts = setting_.fonts;
    setting.hyphenators = setting_.hyphenators;
    setting.anchor_prefix = story.article->key + "-";
    setting.part = story.part;
    setting.mark_head = true;
    setting.head_across_columns = true;
    return setting;
  }

  // The document as a module of `columns` shows it: a narrow module's head
  // has no standfirst.
  static doc::Document for_module(const doc::Document& document, int columns, bool head_only) {
    doc::Document copy;
    copy.meta = document.meta;
    if (columns <= 2) copy.meta.subtitle.clear();
    if (!head_only) copy.blocks = document.blocks;
    return copy;
  }

  Piece measure(std::size_t index) {
    const ModularStory& story = stories_[index];
    Piece piece;
    piece.story = index;
    piece.may_jump = story.may_jump;
    const style::Theme narrow = module_theme(theme_, geometry_, 1, headline_size(theme_, 1, false));
    ArticleSlabs set = article_slabs(for_module(story.article->document, 1, false), narrow, story.images,
                                     article_setting(story));
    const std::size_t head = head_slabs(set.slabs);
    piece.body = stacked_height(set.slabs, head, set.slabs.size());
    for (int columns = 1; columns <= geometry_.columns; ++columns) {
      piece.head[columns] = head_height(story, columns, false);
      if (setting_.front && index == 0 && columns >= 3) piece.lead_head[columns] = head_height(story, columns, true);
    }
    return piece;
  }

  double head_height(const ModularStory& story, int columns, bool front_lead) {
    const style::Theme theme = module_theme(theme_, geometry_, columns, headline_size(theme_, columns, front_lead));
    ArticleSlabs set = article_slabs(for_module(story.article->document, columns, true), theme, {},
                                     article_setting(story));
    return stacked_height(set.slabs, 0, set.slabs.size()) + theme_.body.leading;
  }

  // ------------------------------------------------------------ planning

  double grid_up(double points) const { return std::ceil(points / leading_ - 0.01) * leading_; }

  // Points a piece takes `columns` wide, head and balanced text, with a
  // line to spare for keeping lines together.
  double needed(const Piece& piece, int columns, bool front_lead) const {
    const double head = front_lead ? piece.lead_head[columns] : piece.head[columns];
    return head + grid_up(piece.body / columns) + leading_;
  }

  // Adds one module `columns` wide and `height` tall for the piece at
  // queue position `index` to `plan`; false when the piece cannot stand in it.
  bool add_module(PagePlan& plan, std::size_t index, int columns, double height, bool lead, bool more_after) const {
    const Piece& piece = queue_[index];
    const double need = needed(piece, columns, lead);
    const double head = lead ? piece.lead_head[columns] : piece.head[columns];
    // Only the lead goes wider than four columns, unless nothing else is left.
    if (columns > widest_but_lead && !lead && more_after) return false;
    // A wide module of a few lines is a strip of headline: no.
    // (A continuation has no headline of its size to carry: two lines do.)
    const double least_lines = piece.continuation ? 2 : least_lines_per_column;
    if (columns > 1 && piece.body / columns < least_lines * leading_) return false;
    if (need <= height) {
      plan.covered += columns * (need - leading_);
    } else {
      if (!piece.may_jump) return false;
      if (height - head < least_lines_per_column * leading_) return false;
      if ((need - height) * columns < least_lines_jumped * leading_) return false;
      plan.covered += columns * height;
      // A continuation that jumps again sends the reader a second time.
      plan.jumps += piece.continuation ? 3 : 1;
    }
    plan.bonus += 0.6 * columns / (static_cast<double>(index) + 1);
    plan.headline_sizes.insert(std::round(headline_size(theme_, columns, lead)));
    return true;
  }

  // Adds to `plan` a tier of `shape` `height` tall, `stacks[k]` pieces (1
  // or 2, one above the other) in its k-th slot; false when a piece cannot
  // stand in it.
  bool add_tier(PagePlan& plan, const std::vector<int>& shape, const std::vector<int>& stacks, double height,
                bool front) const {
    const bool first_tier = plan.tiers.empty();
    Tier tier{shape, height, stacks, {}};
    std::size_t index = plan.consumed;
    std::size_t pieces = 0;
    for (int count : stacks) pieces += static_cast<std::size_t>(count);
    const bool more_after = plan.consumed + pieces < queue_.size();
    for (std::size_t k = 0; k < shape.size(); ++k) {
      const int columns = shape[k];
      const bool lead = front && first_tier && k == 0;
      double bottom = height;
      double top_height = 0;
      if (stacks[k] == 2) {
        // The upper story whole, the lower one below it to the tier's foot.
        top_height = grid_up(needed(queue_[index], columns, false));
        bottom = height - top_height - gap_;
        if (lead || bottom < least_lines_per_column * 2 * leading_) return false;
        if (!add_module(plan, index++, columns, top_height, false, true)) return false;
      }
      tier.top_heights.push_back(top_height);
      if (!add_module(plan, index++, columns, bottom, lead, more_after)) return false;
    }
    // A tier of one story is a strip across the page: the lead's, not the rest's.
    if (pieces == 1 && !(front && first_tier)) plan.bonus -= 6;
    plan.tiers.push_back(std::move(tier));
    plan.consumed = index;
    return true;
  }

  double score(const PagePlan& plan, double height, int columns, bool front, bool section_ends) const {
    const double fill = plan.covered / (columns * height);
    double score = 100 * std::min(fill, 1.0) - jump_cost * plan.jumps + plan.bonus + 0.5 * plan.consumed;
    if (!section_ends && fill < fill_floor) score -= under_floor_cost * 100 * (fill_floor - fill);
    // A front page reads by the size of its headlines: three sizes at least.
    if (front && plan.headline_sizes.size() >= 3) score += 8;
    return score;
  }

  // The complete plans for a page, best first (at most `plans_tried`).
  std::vector<PagePlan> best_plans(double height, int columns, bool front) const {
    const std::vector<std::vector<int>> shapes = tier_shapes(columns);
    const std::vector<std::vector<int>> first_shapes = tier_shapes(columns - rail_.columns);
    PagePlan start;
    start.covered = rail_.columns * rail_.height;
    std::vector<PagePlan> frontier{start};
    std::vector<PagePlan> complete;
    const double least_tier = 8 * leading_;
    for (std::size_t depth = 0; depth < tiers_on_page && !frontier.empty(); ++depth) {
      std::vector<PagePlan> next;
      for (const PagePlan& plan : frontier) {
        const double gap = plan.tiers.empty() ? 0 : gap_;
        const double room = height - plan.used - gap;
        if (room < least_tier) continue;
        for (const std::vector<int>& shape : plan.tiers.empty() ? first_shapes : shapes) {
          // The front page's lead is at least three columns wide, with another story beside it.
          if (front && plan.tiers.empty() && (shape.front() < 3 || (shape.size() < 2 && queue_.size() > 1))) continue;
          for (const std::vector<int>& stacks : stackings(shape.size())) {
            std::size_t pieces = 0;
            for (int count : stacks) pieces += static_cast<std::size_t>(count);
            if (plan.consumed + pieces > queue_.size()) continue;
            // The tier to the foot, as tall as each piece needs, and a few
            // shares of the room, for pieces that all jump.
            std::set<double> heights{room, grid_up(room * 0.4), grid_up(room * 0.55), grid_up(room * 0.7)};
            std::size_t index = plan.consumed;
            for (std::size_t k = 0; k < shape.size(); ++k) {
              const bool lead = front && plan.tiers.empty() && k == 0;
              double above = 0;
              if (stacks[k] == 2) above = grid_up(needed(queue_[index++], shape[k], false)) + gap_;
              heights.insert(above + grid_up(needed(queue_[index++], shape[k], lead)));
            }
            for (double tier : heights) {
              if (plan.tiers.empty()) tier = std::max(tier, grid_up(rail_.height));
              if (tier > room + 0.01) continue;
              // Too little would be left below: this tier reaches the foot.
              if (room - tier - gap_ < least_tier) tier = room;
              PagePlan candidate = plan;
              if (!add_tier(candidate, shape, stacks, tier, front)) continue;
              candidate.used += gap + tier;
              // The section ends on this page only when no story jumps from it.
              const bool section_ends = candidate.consumed == queue_.size() && candidate.jumps == 0;
              candidate.done = tier >= room - 0.01 || section_ends;
              // All placed, but continued: nothing is left to fill the page's foot with.
              if (!candidate.done && candidate.consumed == queue_.size()) continue;
              candidate.score = score(candidate, height, columns, front, section_ends);
              (candidate.done ? complete : next).push_back(std::move(candidate));
            }
          }
        }
      }
      // The partial plans worth going on with: text per point used, and
      // text on the page, alike.
      auto partial = [&](const PagePlan& plan) {
        return 50 * plan.covered / (columns * plan.used) + 50 * plan.covered / (columns * height) -
               jump_cost * plan.jumps + plan.bonus;
      };
      std::stable_sort(next.begin(), next.end(),
                       [&](const PagePlan& a, const PagePlan& b) { return partial(a) > partial(b); });
      if (next.size() > beam_width) next.resize(beam_width);
      frontier = std::move(next);
    }
    if (complete.empty()) {
      // Nothing keeps every rule: the next piece across the page, to the foot.
      PagePlan plan;
      plan.tiers.push_back({{columns - rail_.columns}, height, {1}, {0}});
      plan.consumed = 1;
      return {plan};
    }
    std::stable_sort(complete.begin(), complete.end(),
                     [](const PagePlan& a, const PagePlan& b) { return a.score > b.score; });
    // Plans reached by different paths can be the same page: each once.
    std::vector<PagePlan> distinct;
    for (PagePlan& plan : complete) {
      const bool seen = std::any_of(distinct.begin(), distinct.end(), [&](const PagePlan& other) {
        return other.score == plan.score && other.covered == plan.covered && other.consumed == plan.consumed;
      });
      if (!seen) distinct.push_back(std::move(plan));
      if (distinct.size() == plans_tried) break;
    }
    return distinct;
  }

  // Places the best plan whose pages, as set, are filled to the floor; the
  // plan only estimates how far each story's text reaches, so each is
  // set and measured, and the best of those tried kept.
  void make_up_page(double top, double height, bool front) {
    const Snapshot before = snapshot();
    // The queue as it stands, and with a story that may not jump let pass
    // by a few places: too long for what is left of this page, it would
    // hold back every story behind it.
    std::vector<std::deque<Piece>> orders{queue_};
    for (std::size_t index = 1; index < std::min<std::size_t>(queue_.size(), 8); ++index)
      if (!queue_[index].may_jump) {
        std::deque<Piece> later = queue_;
        Piece held = std::move(later[index]);
        later.erase(later.begin() + static_cast<std::ptrdiff_t>(index));
        const std::size_t place_at = std::min(later.size(), index + 3);
        later.insert(later.begin() + static_cast<std::ptrdiff_t>(place_at), std::move(held));
        orders.push_back(std::move(later));
        break;
      }
    double best_fill = -1;
    std::pair<std::size_t, std::size_t> best{0, 0}, last{0, 0};
    std::vector<std::vector<PagePlan>> plans_by_order;
    for (std::size_t order = 0; order < orders.size(); ++order) {
      queue_ = orders[order];
      plans_by_order.push_back(best_plans(height, geometry_.columns, front));
      const std::vector<PagePlan>& plans = plans_by_order.back();
      for (std::size_t index = 0; index < plans.size(); ++index) {
        restore(before);
        queue_ = orders[order];
        place(plans[index], top, front);
        last = {order, index};
        const double fill = placed_fill(before.modules, height);
        if (fill >= fill_floor_set || queue_.empty()) return;
        if (fill > best_fill) {
          best_fill = fill;
          best = last;
        }
      }
    }
    if (best == last) return;
    restore(before);
    queue_ = orders[best.first];
    place(plans_by_order[best.first][best.second], top, front);
  }

  // What placing a page changes, to undo a plan that fills it too little.
  struct Snapshot {
    std::deque<Piece> queue;
    std::vector<Item> page_items;
    std::size_t modules = 0, warnings = 0, pending = 0;
    std::map<std::size_t, int> jumps;
    std::map<std::pair<std::size_t, int>, std::size_t> continuation_page;
  };

  Snapshot snapshot() const {
    return {queue_, result_.pages.back().items, result_.modules.size(), warnings_.size(), pending_.size(), jumps_,
            continuation_page_};
  }

  void restore(const Snapshot& before) {
    queue_ = before.queue;
    result_.pages.back().items = before.page_items;
    result_.modules.resize(before.modules);
    module_bottoms_.resize(before.modules);
    warnings_.resize(before.warnings);
    pending_.resize(before.pending);
    jumps_ = before.jumps;
    continuation_page_ = before.continuation_page;
  }

  // The share of the page's module area that text covers as set: each
  // module from its top to its lowest line, and the rail.
  double placed_fill(std::size_t first_module, double height) const {
    double covered = rail_.columns * rail_.height;
    for (std::size_t index = first_module; index < result_.modules.size(); ++index)
      covered += result_.modules[index].columns * (module_bottoms_[index] - result_.modules[index].y);
    return covered / (geometry_.columns * height);
  }

  // ------------------------------------------------------------ placing

  void place(const PagePlan& plan, double top, bool front) {
    const std::size_t page = result_.pages.size() - 1;
    std::vector<Piece> pieces(std::make_move_iterator(queue_.begin()),
                              std::make_move_iterator(queue_.begin() + static_cast<std::ptrdiff_t>(plan.consumed)));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(plan.consumed));
    std::size_t next = 0;
    double y = top;
    for (std::size_t tier = 0; tier < plan.tiers.size(); ++tier) {
      const Tier& current = plan.tiers[tier];
      if (tier > 0) {
        add_rule(page, geometry_.left, y + gap_ / 2, geometry_.left + geometry_.width, y + gap_ / 2, 0.5);
        y += gap_;
      }
      int column = 0;
      for (std::size_t k = 0; k < current.widths.size(); ++k) {
        const int columns = current.widths[k];
        const double x = geometry_.left + column * (geometry_.column_width() + geometry_.gutter);
        if (column > 0)
          add_rule(page, x - geometry_.gutter / 2, y, x - geometry_.gutter / 2, y + current.height, 0.25);
        double module_top = y;
        if (current.stacks[k] == 2) {
          const double above = current.top_heights[k];
          place_piece(std::move(pieces[next++]), page, x, y, columns, above, false);
          add_rule(page, x, y + above + gap_ / 2, x + module_width(geometry_, columns), y + above + gap_ / 2, 0.5);
          module_top = y + above + gap_;
        }
        place_piece(std::move(pieces[next++]), page, x, module_top, columns, y + current.height - module_top,
                    front && tier == 0 && k == 0);
        column += columns;
      }
      if (tier == 0 && rail_.columns > 0)
        add_rule(page, rail_.x - geometry_.gutter / 2, top, rail_.x - geometry_.gutter / 2, y + current.height, 0.5);
      y += current.height;
    }
  }

  void add_rule(std::size_t page, double x0, double y0, double x1, double y1, double thickness) {
    RuleItem rule;
    rule.x0 = x0;
    rule.y0 = y0;
    rule.x1 = x1;
    rule.y1 = y1;
    rule.thickness = thickness;
    rule.color = theme_.rule_color;
    result_.pages[page].items.emplace_back(rule);
  }

  std::string jump_anchor(std::size_t story, int jump) const {
    return stories_[story].article->key + "-jump-" + std::to_string(jump);
  }
  std::string page_number(std::size_t page) const { return std::to_string(setting_.first_page_number + page); }

  // The head of a story's continuation: "Continued from page M", its
  // headline smaller, a rule.
  std::vector<Slab> jump_head(const Piece& piece, int columns) {
    const double width = module_width(geometry_, columns);
    const doc::Document& document = stories_[piece.story].article->document;
    std::vector<Slab> slabs = line_slabs(*setting_.fonts, "Continued from page " + page_number(piece.from_page),
                                         jump_style_, width, TextAlignment::left, true, warnings_);
    if (!slabs.empty()) {
      LinkItem link;
      link.width = width;
      link.height = slabs.front().height;
      link.anchor = jump_anchor(piece.story, piece.jump) + "-from";
      slabs.front().items.push_back(link);
      slabs.front().items.insert(slabs.front().items.begin(), AnchorItem{jump_anchor(piece.story, piece.jump), 0, 0});
    }
    wrap_in_structure(slabs, 0, "P");
    style::TextStyle headline = theme_.headline;
    scale_style(headline, headline_size(theme_, columns, false) * 0.8 / theme_.headline.size);
    headline.space_before = 0;
    const std::size_t first = slabs.size();
    for (Slab& slab : line_slabs(*setting_.fonts, document.meta.title, headline, width, TextAlignment::left, true, warnings_))
      slabs.push_back(std::move(slab));
    wrap_in_structure(slabs, first, "P");
    Slab rule;
    rule.height = leading_;
    rule.spans_columns = true;
    rule.keep_with_next = true;
    RuleItem line;
    line.x1 = width;
    line.y0 = line.y1 = leading_ / 2;
    line.thickness = 0.5;
    line.color = theme_.rule_color;
    rule.items.emplace_back(line);
    slabs.push_back(std::move(rule));
    return slabs;
  }

  void place_piece(Piece piece, std::size_t page, double x, double y, int columns, double height, bool front_lead) {
    const ModularStory& story = stories_[piece.story];
    std::vector<Slab> slabs;
    double headline = 0;
    if (piece.continuation) {
      continuation_page_[{piece.story, piece.jump}] = page;
      slabs = jump_head(piece, columns);
      for (Slab& slab : piece.rest) slabs.push_back(std::move(slab));
      headline = headline_size(theme_, columns, false) * 0.8;
    } else {
      headline = headline_size(theme_, columns, front_lead);
      // A page's plans are set in turn until one fills it: each story is
      // set once for each module width it is tried in.
      const auto key = std::tuple(piece.story, columns, front_lead);
      auto found = set_stories_.find(key);
      if (found == set_stories_.end()) {
        const style::Theme theme = module_theme(theme_, geometry_, columns, headline);
        found = set_stories_
                    .emplace(key, article_slabs(for_module(story.article->document, columns, false), theme,
                                                story.images, article_setting(story)))
                    .first;
      }
      ArticleSlabs set = found->second;
      for (Diagnostic& warning : set.warnings)
        if (warning.file.empty()) warning.file = story.article->source.string();
      warnings_.insert(warnings_.end(), set.warnings.begin(), set.warnings.end());
      result_.outlines[piece.story] = std::move(set.outline);
      slabs = std::move(set.slabs);
      if (!slabs.empty()) slabs.front().items.insert(slabs.front().items.begin(), AnchorItem{story.article->key, 0, 0});
    }
    ColumnGeometry module = geometry_;
    module.left = x;
    module.top = y;
    module.width = module_width(geometry_, columns);
    module.height = height;
    module.columns = columns;
    Poured poured = pour(slabs, module);
    if (!poured.rest.empty()) {
      // Room at the foot of the last column for "Continued on page N".
      module.height = height - leading_;
      poured = pour(std::move(slabs), module);
    }
    std::vector<Item>& items = result_.pages[page].items;
    items.insert(items.end(), std::make_move_iterator(poured.items.begin()),
                 std::make_move_iterator(poured.items.end()));
    double lowest = y;
    for (const Item& item : poured.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) lowest = std::max(lowest, run->y + leading_ * 0.3);
      if (const auto* image = std::get_if<ImageItem>(&item)) lowest = std::max(lowest, image->y + image->height);
    }
    module_bottoms_.push_back(poured.rest.empty() ? std::min(lowest, y + height) : y + height);
    result_.modules.push_back({page, story.part, piece.continuation, columns, x, y, module.width, height, headline});
    if (poured.rest.empty()) return;
    if (!piece.may_jump)
      warnings_.push_back({story.article->source.string(), 0,
                           "too long for any module on one page; continued on a later page despite jump = false"});
    const int jump = ++jumps_[piece.story];
    const double column_x = x + (columns - 1) * (geometry_.column_width() + geometry_.gutter);
    pending_.push_back({page, column_x, y + height - leading_, geometry_.column_width(), piece.story, jump});
    Piece rest;
    rest.story = piece.story;
    rest.continuation = true;
    rest.may_jump = true;
    rest.from_page = page;
    rest.jump = jump;
    rest.body = stacked_height(poured.rest, 0, poured.rest.size());
    rest.rest = std::move(poured.rest);
    for (int width = 1; width <= geometry_.columns; ++width) {
      const std::vector<Slab> head = jump_head(rest, width);
      rest.head[width] = stacked_height(head, 0, head.size()) + leading_;
    }
    queue_.push_back(std::move(rest));
  }

  // Now that every continuation has its page, each "Continued on page N".
  void resolve_jump_lines() {
    for (const PendingJump& jump : pending_) {
      const auto found = continuation_page_.find({jump.story, jump.jump});
      if (found == continuation_page_.end()) continue;
      std::vector<Slab> line = line_slabs(*setting_.fonts, "Continued on page " + page_number(found->second),
                                          jump_style_, jump.width, TextAlignment::right, true, warnings_);
      std::vector<Item>& items = result_.pages[jump.page].items;
      items.emplace_back(StructureItem{true, "P"});
      items.emplace_back(AnchorItem{jump_anchor(jump.story, jump.jump) + "-from", jump.x, jump.y});
      for (Slab& slab : line)
        for (Item& item : slab.items) {
          if (!std::holds_alternative<GlyphRun>(item)) continue;
          translate(item, jump.x, jump.y);
          items.push_back(std::move(item));
        }
      items.emplace_back(StructureItem{false, "P"});
      LinkItem link;
      link.x = jump.x;
      link.y = jump.y;
      link.width = jump.width;
      link.height = leading_;
      link.anchor = jump_anchor(jump.story, jump.jump);
      items.emplace_back(link);
    }
  }

  const ModularSetting& setting_;
  const style::Theme& theme_;
  ColumnGeometry geometry_;
  const std::vector<ModularStory>& stories_;
  Diagnostics& warnings_;
  double leading_;
  double gap_;  // points between tiers, a rule at its middle
  style::TextStyle jump_style_;
  struct Rail {
    int columns = 0;
    double height = 0;  // points
    double x = 0;       // its left edge
  } rail_;             // the front page's contents, beside its first tier
  std::deque<Piece> queue_;
  std::map<std::tuple<std::size_t, int, bool>, ArticleSlabs> set_stories_;  // by (story, columns, front lead)
  std::vector<double> module_bottoms_;  // points: where each module's text ends, as set
  std::map<std::size_t, int> jumps_;  // jumps made so far, by story
  std::vector<PendingJump> pending_;
  std::map<std::pair<std::size_t, int>, std::size_t> continuation_page_;  // by (story, jump): its page
  ModularSection result_;
};

}  // namespace

ModularSection make_up_modular(const ModularSetting& setting, const std::vector<ModularStory>& stories,
                               std::vector<Slab> opening, std::vector<Slab> rail, Diagnostics& warnings) {
  return ModularMakeUp(setting, stories, warnings).run(std::move(opening), std::move(rail));
}

}  // namespace galley::layout
