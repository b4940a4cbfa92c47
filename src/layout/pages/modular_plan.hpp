// Planning a newspaper page: the stories waiting (pieces) measured at
// each module width, and a beam search over ways to make the page of tiers
// of modules, scored for fill, importance high and left, and few jumps.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <memory>
#include <set>
#include <vector>

#include "galley/style.hpp"
#include "layout/pages/page_builder.hpp"

namespace galley::layout {

constexpr int widest_module = 6;  // columns
// A jump carries at least this many lines over: fewer are not worth the
// turn, and make a runt of a module where they land.
constexpr int least_lines_jumped = 6;
using Heights = std::array<double, widest_module + 1>;  // by module width in columns

// A story, or the rest of one jumped from an earlier page, waiting for its module.
struct Piece {
  std::size_t story = 0;  // index into the stories
  bool may_jump = true;
  double body = 0;     // points the text takes at the column's width
  Heights head{};      // points the head takes at each width
  Heights lead_head{};  // as the front page's lead
  // A continuation: points its jump head and text take at each width as
  // set and balanced (its lines are set: measured, not estimated); 0 when unmeasured.
  Heights set_height{};
  // The narrowest module it may take: a continuation's tables set across
  // its first module's columns cannot stand in fewer.
  int least_columns = 1;
  bool continuation = false;
  // A continuation's text, as set; shared, since plans tried copy the queue.
  std::shared_ptr<const std::vector<Slab>> rest;
  std::size_t from_page = 0;  // a continuation: the page it jumps from (index in the section)
  int jump = 0;               // a continuation: its story's how-many-th jump
};

struct Tier {
  std::vector<int> widths;  // columns, each slot's
  double height = 0;        // points
  std::vector<int> stacks;  // stories in each slot: 1, or 2 one above the other
  std::vector<double> top_heights;  // points: the upper story's module in a slot of 2
};

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

// What the planner knows of the page and the theme.
struct PlanContext {
  const style::Theme* theme = nullptr;
  double leading = 0;   // points: the body's, the grid's step
  double gap = 0;       // points between tiers
  int rail_columns = 0;  // the front page's contents, beside its first tier
  double rail_height = 0;
};

// Points on the grid at or above `points`.
double grid_up(double points, double leading);
// Points across `columns` columns and the gutters between them.
double module_width(const ColumnGeometry& geometry, int columns);
// The headline's size steps down with the module's width; the front page's
// lead has the theme's full size.
double headline_size(const style::Theme& theme, int columns, bool front_lead);
// A tenth larger a `step`, to fill a module, within its step (under the
// next width's size).
double headline_size(const style::Theme& theme, int columns, bool front_lead, int step);

// The complete plans for a page `height` points tall and `columns` wide
// for the pieces of `queue`, best first (at most ten).
std::vector<PagePlan> best_page_plans(const std::deque<Piece>& queue, const PlanContext& context, double height,
                                      int columns, bool front);

// Points a piece takes `columns` wide, head and balanced text, with a line
// to spare for keeping lines together.
double needed_height(const Piece& piece, int columns, bool front_lead, double leading);

}  // namespace galley::layout
