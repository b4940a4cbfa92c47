#include "layout/inline/linebreak.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace galley::layout {
namespace {

constexpr double infinitely_bad = 10000;  // TeX's inf_bad: a line with no stretch at all, or past any tolerance
constexpr double infinity = std::numeric_limits<double>::infinity();

// TeX's fitness classes, so that very different lines do not sit together.
enum Fitness { very_loose = 0, loose = 1, decent = 2, tight = 3, fitness_classes = 4 };

Fitness fitness_of(double ratio) {
  if (ratio > 1) return very_loose;
  if (ratio > 0.5) return loose;
  if (ratio >= -0.5) return decent;
  return tight;
}

double badness_of(double ratio) {
  if (ratio == infinity) return infinitely_bad;
  // Multiplied out: this runs for every candidate line, and std::pow showed
  // in profiles of whole builds (bench/README.md).
  const double magnitude = std::abs(ratio);
  return std::min(infinitely_bad, 100 * magnitude * magnitude * magnitude);
}

// Sums over the items before an index, so a line's totals are a difference.
struct Totals {
  double width = 0, stretch = 0, shrink = 0;
  int fills = 0;   // glue items with infinite stretch
  int spaces = 0;  // other glue items: the line's interword spaces
};

Totals operator-(const Totals& a, const Totals& b) {
  return {a.width - b.width, a.stretch - b.stretch, a.shrink - b.shrink, a.fills - b.fills, a.spaces - b.spaces};
}

struct Node {
  std::size_t item = 0;   // the break
  std::size_t start = 0;  // the first item of the line after it
  int line = 0;           // lines before the one starting here
  Fitness fitness = decent;
  int hyphens = 0;        // hyphenated lines in a row ending here
  double demerits = 0;    // total, from the paragraph's start
  double ratio = 0;       // of the line ending here
  bool overfull = false;
  int previous = -1;      // index into the node store
};

class Breaker {
 public:
  Breaker(const std::vector<BreakItem>& items, const LineMeasure& measure, BreakMode mode,
          const BreakParameters& parameters)
      : items_(items), measure_(measure), mode_(mode), parameters_(parameters) {
    totals_.resize(items.size() + 1);
    Totals running;
    for (std::size_t index = 0; index < items.size(); ++index) {
      totals_[index] = running;
      const BreakItem& item = items[index];
      if (item.kind == BreakItemKind::penalty) continue;
      running.width += item.width;
      if (item.kind == BreakItemKind::box && mode == BreakMode::justified) {
        running.stretch += item.stretch;
        running.shrink += item.shrink;
      }
      if (item.kind != BreakItemKind::glue) continue;
      if (item.fill) {
        ++running.fills;
      } else {
        ++running.spaces;
        if (mode == BreakMode::justified) {
          running.stretch += item.stretch;
          running.shrink += item.shrink;
        }
      }
    }
    totals_[items.size()] = running;
  }

  // Runs one pass; returns false when the active list ran dry.
  bool run(double tolerance, double background_stretch, bool final_pass) {
    tolerance_ = tolerance;
    background_stretch_ = background_stretch;
    final_pass_ = final_pass;
    nodes_.clear();
    active_.clear();
    nodes_.push_back(Node{});
    active_.push_back(0);
    for (std::size_t index = 0; index < items_.size(); ++index) {
      const BreakItem& item = items_[index];
      bool breakable = item.kind == BreakItemKind::glue
                           ? index > 0 && items_[index - 1].kind == BreakItemKind::box
                           : item.kind == BreakItemKind::penalty && item.penalty < infinite_penalty;
      // A break between two letters of a word wider than the line is a last
      // resort: only the final pass takes it, so a paragraph (a headline)
      // that breaks at a space or hyphen only with a loose line is set
      // with that loose line rather than "Partners" / "hip".
      if (breakable && !final_pass && item.kind == BreakItemKind::penalty &&
          item.penalty == parameters_.character_break_penalty)
        breakable = false;
      if (!breakable) continue;
      try_break(index);
      if (active_.empty()) return false;
    }
    return true;
  }

  BreakResult result() const {
    int best = -1;
    for (int index : active_)
      if (nodes_[static_cast<std::size_t>(index)].item + 1 == items_.size() &&
          (best < 0 || nodes_[static_cast<std::size_t>(index)].demerits < nodes_[static_cast<std::size_t>(best)].demerits))
        best = index;
    // TeX's \looseness: of the ways to set the paragraph, the one nearest
    // the best one's line count plus the looseness, cheapest among equals.
    if (parameters_.looseness != 0 && best >= 0) {
      const int target = nodes_[static_cast<std::size_t>(best)].line + parameters_.looseness;
      auto distance = [&](int index) { return std::abs(nodes_[static_cast<std::size_t>(index)].line - target); };
      for (int index : active_) {
        const Node& node = nodes_[static_cast<std::size_t>(index)];
        if (node.item + 1 != items_.size()) continue;
        if (distance(index) < distance(best) ||
            (distance(index) == distance(best) && node.demerits < nodes_[static_cast<std::size_t>(best)].demerits))
          best = index;
      }
    }
    BreakResult result;
    for (int index = best; index > 0; index = nodes_[static_cast<std::size_t>(index)].previous) {
      const Node& node = nodes_[static_cast<std::size_t>(index)];
      const Node& previous = nodes_[static_cast<std::size_t>(node.previous)];
      result.lines.push_back({node.item, previous.start, node.ratio, node.overfull});
    }
    std::reverse(result.lines.begin(), result.lines.end());
    return result;
  }

 private:
  struct Candidate {
    double demerits = infinity;
    int from = -1;
    double ratio = 0;
    bool overfull = false;
  };

  std::size_t line_start_after(std::size_t index) const {
    std::size_t start = index + 1;
    while (start < items_.size() && items_[start].kind != BreakItemKind::box &&
           !(items_[start].kind == BreakItemKind::penalty && items_[start].penalty <= forced_break))
      ++start;
    return start;
  }

  double line_width(int line) const {
    return (line == 0 ? measure_.first : measure_.rest) - (line < measure_.narrow_lines ? measure_.narrow_by : 0);
  }

  // Tries each active node `a` as the start of a line that ends at the
  // break `b` = items_[index], keeping for each fitness class (and count of
  // hyphenated lines in a row, up to 2) the cheapest way to reach `b`; nodes
  // that can no longer start a line ending here or later are deactivated.
  // As in TeX (and Typst's linebreak.rs), the line from a to b costs
  //
  //   demerits(a, b) = (line_penalty + badness)²
  //                    + penalty²                    when penalty ≥ 0
  //                    − penalty²                    when penalty < 0 and b is not forced
  //                    + double_hyphen_demerits      b hyphenated after a hyphenated line
  //                    + page_end_hyphen_demerits    b hyphenated on the line ending a column
  //                    + final_hyphen_demerits       b ends the paragraph after a hyphenated line
  //                    + adjacent_fitness_demerits   fitness classes of a and b more than one apart
  //                    + short_last_line_demerits    b ends the paragraph with one short word
  //
  // with badness = min(10000, 100·|r|³) for the line's adjustment ratio
  // r = (measure − natural) / stretch, or / shrink when the line is too
  // long. A line with r < −1 (overfull) or badness above the pass's
  // tolerance is no candidate; b's total is the cheapest demerits(a, b) +
  // total(a). `stretch` includes the pass's background stretch: in ragged
  // setting ragged_stretch on every pass, in justified setting
  // emergency_stretch on the emergency pass only.
  void try_break(std::size_t index) {
    const BreakItem& item = items_[index];
    const bool forced = item.kind == BreakItemKind::penalty && item.penalty <= forced_break;
    const bool flagged = item.kind == BreakItemKind::penalty && item.flagged;
    const double penalty = item.kind == BreakItemKind::penalty ? item.penalty : 0;
    // The cheapest way to end here, per fitness class and hyphens in a row;
    // with a looseness, also per line count, so that paragraphs a line
    // shorter or longer survive to the end.
    tables_.clear();
    auto candidates_for = [this](int line) -> CandidateTable& {
      const int key = parameters_.looseness != 0 ? line : 0;
      for (auto& [table_line, table] : tables_)
        if (table_line == key) return table;
      return tables_.emplace_back(key, CandidateTable{}).second;
    };
    bool any_candidate = false;
    int deactivated = -1;  // the cheapest node deactivated here, for a last-resort overfull line
    double deactivated_ratio = 0;

    std::size_t kept = 0;
    for (std::size_t slot = 0; slot < active_.size(); ++slot) {
      int node_index = active_[slot];
      const Node& node = nodes_[static_cast<std::size_t>(node_index)];
      Totals line = totals_[index] - totals_[node.start];
      double natural = line.width + (item.kind == BreakItemKind::penalty ? item.width : 0) - item.end_hang;
      if (node.start < items_.size()) natural -= items_[node.start].start_hang;
      double width = line_width(node.line);
      double stretch = line.stretch + background_stretch_;
      double ratio = 0;
      if (natural < width)
        ratio = line.fills > 0 ? 0 : stretch > 0 ? (width - natural) / stretch : infinity;
      else if (natural > width)
        ratio = line.shrink > 0 ? (width - natural) / line.shrink : -infinity;
      bool overfull = ratio < -1;
      if (overfull || forced) {
        if (deactivated < 0 || node.demerits < nodes_[static_cast<std::size_t>(deactivated)].demerits) {
          deactivated = node_index;
          deactivated_ratio = ratio;
        }
      } else {
        active_[kept++] = node_index;
      }
      if (overfull) continue;
      double badness = badness_of(ratio);
      if (badness > tolerance_) continue;
      int hyphens = flagged ? node.hyphens + 1 : 0;
      if (hyphens > parameters_.max_consecutive_hyphens) continue;
      Fitness fitness = fitness_of(ratio);
      double demerits = (parameters_.line_penalty + badness) * (parameters_.line_penalty + badness);
      if (penalty >= 0)
        demerits += penalty * penalty;
      else if (!forced)
        demerits -= penalty * penalty;
      if (flagged && node.hyphens > 0) demerits += parameters_.double_hyphen_demerits;
      if (flagged && node.line == parameters_.line_ending_a_column) demerits += parameters_.page_end_hyphen_demerits;
      if (forced && node.hyphens > 0) demerits += parameters_.final_hyphen_demerits;
      if (std::abs(static_cast<int>(fitness) - static_cast<int>(node.fitness)) > 1)
        demerits += parameters_.adjacent_fitness_demerits;
      if (forced && node_index != 0 && line.spaces == 0 && line.width < parameters_.short_last_line_width * width)
        demerits += parameters_.short_last_line_demerits;
      demerits += node.demerits;
      Candidate& candidate = candidates_for(node.line + 1)[fitness][static_cast<std::size_t>(std::min(hyphens, 2))];
      if (demerits < candidate.demerits) candidate = {demerits, node_index, ratio, false};
      any_candidate = true;
    }
    active_.resize(kept);

    // TeX's last resort: when nothing fits and nothing is left, the line
    // from the cheapest node just deactivated is taken as it is.
    if (!any_candidate && active_.empty() && final_pass_ && deactivated >= 0) {
      const Node& node = nodes_[static_cast<std::size_t>(deactivated)];
      int hyphens = flagged ? std::min(node.hyphens + 1, 2) : 0;
      candidates_for(node.line + 1)[decent][static_cast<std::size_t>(hyphens)] = {node.demerits, deactivated,
                                                                std::max(deactivated_ratio, -infinitely_bad),
                                                                deactivated_ratio < -1};
    }

    std::size_t start = line_start_after(index);
    for (const auto& [table_line, candidates] : tables_)
      for (std::size_t fitness = 0; fitness < fitness_classes; ++fitness)
        for (std::size_t hyphens = 0; hyphens < 3; ++hyphens) {
          const Candidate& candidate = candidates[fitness][hyphens];
          if (candidate.from < 0) continue;
          Node node;
          node.item = index;
          node.start = start;
          node.line = nodes_[static_cast<std::size_t>(candidate.from)].line + 1;
          node.fitness = static_cast<Fitness>(fitness);
          node.hyphens = static_cast<int>(hyphens);
          node.demerits = candidate.demerits;
          node.ratio = candidate.ratio;
          node.overfull = candidate.overfull;
          node.previous = candidate.from;
          nodes_.push_back(node);
          active_.push_back(static_cast<int>(nodes_.size() - 1));
        }
  }

  using CandidateTable = std::array<std::array<Candidate, 3>, fitness_classes>;
  std::vector<std::pair<int, CandidateTable>> tables_;  // try_break's, kept to reuse their memory

  const std::vector<BreakItem>& items_;
  LineMeasure measure_;
  BreakMode mode_;
  const BreakParameters& parameters_;
  std::vector<Totals> totals_;
  std::vector<Node> nodes_;
  std::vector<int> active_;
  double tolerance_ = 0;
  double background_stretch_ = 0;
  bool final_pass_ = false;
};

}  // namespace

BreakResult break_lines(const std::vector<BreakItem>& items, const LineMeasure& measure, BreakMode mode,
                        const BreakParameters& parameters) {
  Breaker breaker(items, measure, mode, parameters);
  if (mode == BreakMode::ragged) {
    double stretch = parameters.ragged_stretch * measure.em;
    if (breaker.run(parameters.tolerance, stretch, false)) return breaker.result();
    breaker.run(parameters.emergency_tolerance, stretch, true);
  } else {
    if (breaker.run(parameters.tolerance, 0, false)) return breaker.result();
    breaker.run(parameters.emergency_tolerance, parameters.emergency_stretch * measure.em, true);
  }
  BreakResult result = breaker.result();
  result.emergency = true;
  return result;
}

}  // namespace galley::layout
