#include "layout/pages/modular_plan.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>

namespace galley::layout {
namespace {

constexpr std::size_t modules_in_tier = 4;
constexpr std::size_t beam_width = 32;
constexpr std::size_t tiers_on_page = 6;
constexpr int widest_but_lead = 4;  // columns
// A module shows at least this many lines of text a column: less reads as
// a strip of headline with no story under it.
constexpr double least_lines_per_column = 4;
// What the plan's score weighs: a jump costs this many per cent of fill,
// and every per cent of fill under the floor costs this much more.
constexpr double jump_cost = 5;
constexpr double fill_floor = 0.93;  // aims over the 90 % asked: the plan measures text a line or so generously
constexpr double under_floor_cost = 4;
constexpr std::size_t plans_tried = 10;

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

class PagePlanner {
 public:
  PagePlanner(const std::deque<Piece>& queue, const PlanContext& context)
      : queue_(queue), theme_(*context.theme), leading_(context.leading), gap_(context.gap),
        rail_{context.rail_columns, context.rail_height} {}


  // Adds one module `columns` wide and `height` tall for the piece at
  // queue position `index` to `plan`; false when the piece cannot stand in it.
  bool add_module(PagePlan& plan, std::size_t index, int columns, double height, bool lead, bool more_after) const {
    const Piece& piece = queue_[index];
    const double need = needed(piece, columns, lead);
    const double head = lead ? piece.lead_head[columns] : piece.head[columns];
    if (columns < piece.least_columns) return false;
    // Only the lead goes wider than four columns, unless nothing else is left.
    if (columns > widest_but_lead && !lead && more_after) return false;
    // A wide module of a few lines is a strip of headline: no.
    // (A continuation has no headline of its size to carry: three lines do;
    // two a column, the page builder leaves a column empty rather than split
    // a paragraph's two lines.)
    const double least_lines = piece.continuation ? 3 : least_lines_per_column;
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
        // Wider than four columns only when this tier ends the section's
        // stories (a tail over the last story, across the page: the foot of
        // a section that two narrow modules side by side leave half empty).
        if (!add_module(plan, index++, columns, top_height, false, more_after)) return false;
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

 private:
  double grid_up(double points) const { return galley::layout::grid_up(points, leading_); }
  double needed(const Piece& piece, int columns, bool front_lead) const {
    return needed_height(piece, columns, front_lead, leading_);
  }

  const std::deque<Piece>& queue_;
  const style::Theme& theme_;
  double leading_;
  double gap_;
  struct {
    int columns = 0;
    double height = 0;
  } rail_;
};

}  // namespace

double grid_up(double points, double leading) { return std::ceil(points / leading - 0.01) * leading; }

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

double headline_size(const style::Theme& theme, int columns, bool front_lead, int step) {
  const double size = headline_size(theme, columns, front_lead);
  if (step == 0 || front_lead) return size;
  // Within its step: under the next width's size.
  const double ceiling = columns < widest_module ? headline_size(theme, columns + 1, false) * 0.97 : size * 1.2;
  return std::max(size, std::min(size * (1 + 0.1 * step), ceiling));
}

double needed_height(const Piece& piece, int columns, bool front_lead, double leading) {
  // Measured, with half a line to spare: a module's lines stand on the
  // page's grid, which its top may not.
  if (piece.set_height[columns] > 0) return grid_up(piece.set_height[columns] + leading / 2, leading);
  const double head = front_lead ? piece.lead_head[columns] : piece.head[columns];
  return grid_up(head, leading) + grid_up(piece.body / columns, leading) + leading;
}

std::vector<PagePlan> best_page_plans(const std::deque<Piece>& queue, const PlanContext& context, double height,
                                      int columns, bool front) {
  return PagePlanner(queue, context).best_plans(height, columns, front);
}

}  // namespace galley::layout
