// Modular make-up: measure, plan each page as tiers of modules, pour.
#include "layout/pages/modular_makeup.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <variant>

#include "layout/inline/paragraph.hpp"
#include "layout/pages/line_slabs.hpp"
#include "layout/pages/modular_jumps.hpp"
#include "layout/pages/modular_picture.hpp"
#include "layout/pages/modular_plan.hpp"

namespace galley::layout {
namespace {

constexpr double fill_floor_set = 0.925;  // a page as set, measured by its lowest lines (with a margin for how a reader measures)

// Anchors of this name mark where each slab went, so that the slabs a
// module could not hold are known after the page builder has set them.
const std::string slab_marker = "\x1f" "modular-slab-";

// The last resorts for a module's fill: its headline up to this many steps
// of a tenth larger (still under the next width's size), and its text up
// to this many lines looser or tighter (TeX's \looseness, within the
// breaker's tolerance: no leading stretched, no loose lines).
constexpr int headline_steps_up = 2;
constexpr int most_lines_looser = 16;
// A module's columns this many lines short, together, take a pull quote.
constexpr int least_lines_for_pull_quote = 8;
// Pictures no taller than this share of the page's type area: the lead's, the rest's.
constexpr double lead_picture_share = 0.3;
constexpr double picture_share = 0.2;
// The front page's index: one column at most this share of the page's height.
constexpr double rail_share = 0.6;

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

// Whether a line of the head (the slabs set across the module, a line
// each) breaks a compound at its hyphen.
bool head_breaks_at_hyphen(const std::vector<Slab>& slabs) {
  const std::size_t head = head_slabs(slabs);
  for (std::size_t index = 0; index + 1 < head; ++index) {
    const GlyphRun* last = nullptr;
    for (const Item& item : slabs[index].items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && (!last || run->x >= last->x)) last = run;
    if (last && ends_after_word_hyphen(last->text)) return true;
  }
  return false;
}

// The tags begun and not yet ended among the items, outermost first.
std::vector<StructureItem> open_tags(const std::vector<Item>& items) {
  std::vector<StructureItem> open;
  for (const Item& item : items)
    if (const auto* tag = std::get_if<StructureItem>(&item)) {
      if (tag->begin) open.push_back(*tag);
      else if (!open.empty()) open.pop_back();
    }
  return open;
}

// The lines of text among slabs set a line each.
std::size_t text_lines(const std::vector<Slab>& slabs) {
  return static_cast<std::size_t>(std::count_if(slabs.begin(), slabs.end(), [](const Slab& slab) {
    return std::any_of(slab.items.begin(), slab.items.end(),
                       [](const Item& item) { return std::holds_alternative<GlyphRun>(item); });
  }));
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
// ended here and begun again there. The slabs are copied once, marked,
// for the page builder: a page's plans pour the same story many times.
Poured pour(const std::vector<Slab>& slabs, const ColumnGeometry& module) {
  std::vector<Slab> marked = slabs;
  for (std::size_t index = 0; index < marked.size(); ++index)
    marked[index].items.insert(marked[index].items.begin(), AnchorItem{slab_marker + std::to_string(index), 0, 0});
  std::vector<Page> pages = build_pages(std::move(marked), module);
  Poured poured;
  if (pages.empty()) return poured;
  std::set<std::size_t> placed;
  for (const Item& item : pages.front().items)
    if (is_slab_marker(item)) placed.insert(std::stoul(std::get<AnchorItem>(item).name.substr(slab_marker.size())));
  poured.items = std::move(pages.front().items);
  std::erase_if(poured.items, is_slab_marker);
  for (std::size_t index = 0; index < slabs.size(); ++index)
    if (!placed.count(index)) poured.rest.push_back(slabs[index]);
  if (poured.rest.empty()) return poured;
  // Begun again with their keys: the story's element goes on over there.
  const std::vector<StructureItem> open = open_tags(poured.items);
  for (auto tag = open.rbegin(); tag != open.rend(); ++tag) poured.items.emplace_back(StructureItem{false, tag->tag});
  std::vector<Item>& first = poured.rest.front().items;
  first.insert(first.begin(), open.size(), Item{});
  for (std::size_t index = 0; index < open.size(); ++index) first[index] = open[index];
  // The rest starts a module of its own: no space above its first line.
  poured.rest.front().space_before = 0;
  return poured;
}

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
        gap_(theme_.body.leading),
        memory_(setting.memory ? *setting.memory : own_memory_),
        set_stories_(memory_.set_stories),
        pictures_(memory_.pictures) {
    jump_style_.theme = &theme_;
    jump_style_.line = theme_.caption;
    jump_style_.line.italic = true;
    jump_style_.line.space_before = jump_style_.line.space_after = 0;
    jump_style_.line.leading = leading_;
    jump_style_.leading = leading_;
    result_.outlines.resize(stories.size());
  }

  ModularSection run(std::vector<Slab> opening, std::vector<Slab> rail) {
    // Measured once for every make-up of these stories.
    if (memory_.measured.size() != stories_.size()) {
      memory_.measured.clear();
      pictures_.assign(stories_.size(), std::nullopt);
      for (std::size_t index = 0; index < stories_.size(); ++index) memory_.measured.push_back(measure(index));
    }
    queue_.assign(memory_.measured.begin(), memory_.measured.end());
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
  // in one column, as a front page's index stands: at most `rail_share` of
  // the page's height, the entries that do not fit there left out (the
  // contents list the stories by weight: the rest are the least). Its
  // height goes to the plan.
  void set_rail(std::vector<Slab>& rail, double top, double height) {
    rail_ = {};
    if (rail.empty()) return;
    ColumnGeometry area = geometry_;
    area.columns = 1;
    area.width = geometry_.column_width();
    area.left = geometry_.left + geometry_.width - area.width;
    area.top = top;
    const double tallest = grid_up(height * rail_share, leading_);
    // The shortest height that holds it, a line at a time.
    Poured poured;
    for (area.height = std::min(tallest, grid_up(stacked_height(rail, 0, rail.size()), leading_));
         area.height <= tallest + 0.01; area.height += leading_) {
      poured = pour(rail, area);
      if (poured.rest.empty()) break;
    }
    area.height = std::min(area.height, tallest);
    std::vector<Item>& items = result_.pages.back().items;
    items.insert(items.end(), std::make_move_iterator(poured.items.begin()),
                 std::make_move_iterator(poured.items.end()));
    rail_ = {1, area.height, area.left};
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
    setting.balance_headline = true;
    setting.float_figures = false;
    return setting;
  }

  // The document as a module of `columns` shows it: a narrow module's head
  // has no standfirst; the picture at the module's top is not in its text;
  // its pull quotes dropped when `quotes` says so.
  doc::Document for_module(std::size_t story, int columns, bool head_only,
                           PullQuotes quotes = PullQuotes::as_written) const {
    const doc::Document& document = stories_[story].article->document;
    doc::Document copy;
    copy.meta = document.meta;
    if (columns <= 2) copy.meta.subtitle.clear();
    if (head_only) return copy;
    copy.blocks = document.blocks;
    // An empty paragraph in its place keeps every later block's index, which
    // the source marks (and through them the EPUB's page list) count by.
    if (pictures_[story]) copy.blocks[pictures_[story]->block] = doc::Para{};
    if (quotes == PullQuotes::dropped) drop_pull_quotes(copy);
    return copy;
  }

  // The story's picture, at the top of its module `columns` wide.
  std::vector<Slab> picture(std::size_t story, int columns, bool front_lead) {
    if (!pictures_[story]) return {};
    PictureSize size;
    size.theme = &theme_;
    size.page = geometry_;
    size.module_columns = columns;
    size.important = front_lead || story == 0;
    size.tallest = geometry_.height * (story == 0 ? lead_picture_share : picture_share);
    return picture_slabs(*setting_.fonts, *pictures_[story], size, warnings_);
  }

  Piece measure(std::size_t index) {
    const ModularStory& story = stories_[index];
    pictures_[index] = find_lead_picture(story.article->document, story.images);
    Piece piece;
    piece.story = index;
    piece.may_jump = story.may_jump;
    const style::Theme narrow = module_theme(theme_, geometry_, 1, headline_size(theme_, 1, false));
    ArticleSlabs set = article_slabs(for_module(index, 1, false), narrow, story.images, article_setting(story));
    const std::size_t head = head_slabs(set.slabs);
    piece.body = stacked_height(set.slabs, head, set.slabs.size());
    for (int columns = 1; columns <= geometry_.columns; ++columns) {
      piece.head[columns] = head_height(index, columns, false);
      if (setting_.front && index == 0 && columns >= 3) piece.lead_head[columns] = head_height(index, columns, true);
    }
    return piece;
  }

  double head_height(std::size_t story, int columns, bool front_lead) {
    const style::Theme theme = module_theme(theme_, geometry_, columns, headline_size(theme_, columns, front_lead));
    ArticleSlabs set = article_slabs(for_module(story, columns, true), theme, {}, article_setting(stories_[story]));
    const std::vector<Slab> shown = picture(story, columns, front_lead);
    return stacked_height(set.slabs, 0, set.slabs.size()) + stacked_height(shown, 0, shown.size()) +
           theme_.body.leading;
  }

  // Places the best plan whose pages, as set, are filled to the floor; the
  // plan only estimates how far each story's text reaches, so each is
  // set and measured, and the best of those tried kept.
  void make_up_page(double top, double height, bool front) {
    page_top_ = top;
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
      const PlanContext context{&theme_, leading_, gap_, rail_.columns, rail_.height};
      plans_by_order.push_back(best_page_plans(queue_, context, height, geometry_.columns, front));
      const std::vector<PagePlan>& plans = plans_by_order.back();
      for (std::size_t index = 0; index < plans.size(); ++index) {
        restore(before);
        queue_ = orders[order];
        fewest_lines_jumped_ = std::numeric_limits<std::size_t>::max();
        place(plans[index], top, front);
        last = {order, index};
        // A plan that sends a few lines over (the estimate said more) makes a
        // runt where they land: any plan without one is better.
        const bool few_lines_jump = fewest_lines_jumped_ < static_cast<std::size_t>(least_lines_jumped);
        const double fill = placed_fill(before.modules, height) - (few_lines_jump ? 1 : 0);
        // A plan filled to the floor, or one that ends the section, is kept.
        const bool enough = (fill >= fill_floor_set || queue_.empty()) && !few_lines_jump;
        if (fill > best_fill || enough) {
          best_fill = enough ? 2 : fill;
          best = last;
        }
        if (enough) break;
      }
      if (best_fill > 1) break;
    }
    // The plan kept, set again with each module's last resorts for its fill.
    restore(before);
    queue_ = orders[best.first];
    fit_modules_ = true;
    place(plans_by_order[best.first][best.second], top, front);
    fit_modules_ = false;
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

  // The head of a story's continuation: the jump headline, "Continued
  // from page M", a rule.
  std::vector<Slab> jump_head(const Piece& piece, int columns) {
    JumpStyle style = jump_style_;
    style.headline = theme_.headline;
    scale_style(style.headline, jump_headline_size(columns) / theme_.headline.size);
    style.headline.space_before = style.headline.space_after = 0;
    std::vector<Slab> slabs =
        continuation_head(*setting_.fonts, style, stories_[piece.story].article->document.meta.title,
                          page_number(piece.from_page), jump_anchor(piece.story, piece.jump),
                          jump_anchor(piece.story, piece.jump) + "-from", module_width(geometry_, columns), warnings_);
    // In the story's element (StructureItem::key): read on from its part before.
    wrap_in_structure(slabs, 0, "Art", stories_[piece.story].article->key);
    return slabs;
  }

  double jump_headline_size(int columns) const { return headline_size(theme_, columns, false) * 0.8; }

  // A story set for a module `columns` wide: head, picture, text; its
  // headline `step` tenths over its size, its text `looseness` lines
  // longer or shorter, its pull quotes as `quotes` says. A page's plans are
  // set in turn until one fills it: each setting is made once.
  const ArticleSlabs& story_set(std::size_t story_index, int columns, bool front_lead, int step, int looseness,
                                PullQuotes quotes = PullQuotes::as_written) {
    const auto key = std::tuple(story_index, columns, front_lead, step, looseness, quotes);
    auto found = set_stories_.find(key);
    if (found != set_stories_.end()) return found->second;
    const ModularStory& story = stories_[story_index];
    const double headline = headline_size(theme_, columns, front_lead, step);
    const style::Theme theme = module_theme(theme_, geometry_, columns, headline);
    ArticleSetting setting = article_setting(story);
    setting.looseness = looseness;
    ArticleSlabs set = article_slabs(for_module(story_index, columns, false, quotes), theme, story.images, setting);
    if (quotes == PullQuotes::added)
      if (const std::string sentence = sentence_to_pull(story.article->document); !sentence.empty())
        insert_pull_quote(set.slabs,
                          pull_quote_slabs(*setting_.fonts, theme_, sentence, geometry_.column_width(), set.warnings));
    std::vector<Slab> shown = picture(story_index, columns, front_lead);
    const std::size_t head = head_slabs(set.slabs);
    set.slabs.insert(set.slabs.begin() + static_cast<std::ptrdiff_t>(head), std::make_move_iterator(shown.begin()),
                     std::make_move_iterator(shown.end()));
    for (Diagnostic& warning : set.warnings)
      if (warning.file.empty()) warning.file = story.article->source.string();
    if (!set.slabs.empty()) set.slabs.front().items.insert(set.slabs.front().items.begin(), AnchorItem{story.article->key, 0, 0});
    // One element of the tagged PDF for the story's parts on its pages (StructureItem::key).
    wrap_in_structure(set.slabs, 0, "Art", story.article->key);
    return set_stories_.emplace(key, std::move(set)).first->second;
  }

  // A module's slabs poured, and how far down its text reaches.
  struct ModuleSetting {
    Poured poured;
    double lowest = 0;  // points: the foot of its lowest line or picture
    int step = 0, looseness = 0;
    PullQuotes quotes = PullQuotes::as_written;
  };

  ModuleSetting pour_module(const std::vector<Slab>& slabs, ColumnGeometry module) const {
    ModuleSetting set;
    set.poured = pour(slabs, module);
    if (!set.poured.rest.empty()) {
      // Room at the foot of the last column for "Continued on page N".
      module.height -= leading_;
      set.poured = pour(slabs, module);
    }
    set.lowest = module.top;
    for (const Item& item : set.poured.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) set.lowest = std::max(set.lowest, run->y + leading_ * 0.3);
      if (const auto* image = std::get_if<ImageItem>(&item)) set.lowest = std::max(set.lowest, image->y + image->height);
    }
    return set;
  }

  // The story in its module as best it fills it: set as it comes; if only
  // a few lines jump, without its pull quote, else its text tighter by as
  // many lines, so that none does; with `fill_steps`, if its text ends a
  // line or more short of the module's foot, its headline a step larger,
  // then a pull quote added where it has none, then its text looser by the
  // lines missing.
  ModuleSetting fitted_story(std::size_t story, const ColumnGeometry& module, bool front_lead, bool fill_steps) {
    auto attempt = [&](int step, int looseness, PullQuotes quotes) {
      ModuleSetting set =
          pour_module(story_set(story, module.columns, front_lead, step, looseness, quotes).slabs, module);
      set.step = step;
      set.looseness = looseness;
      set.quotes = quotes;
      return set;
    };
    ModuleSetting best = attempt(0, 0, PullQuotes::as_written);
    const double foot = module.top + module.height;
    const doc::Document& document = stories_[story].article->document;
    if (!best.poured.rest.empty()) {
      const std::size_t lines = text_lines(best.poured.rest);
      // The pull quote repeats the story's words: without it, none is lost.
      if (lines <= static_cast<std::size_t>(least_lines_jumped) * 2 && has_pull_quote(document)) {
        ModuleSetting saved = attempt(0, 0, PullQuotes::dropped);
        if (saved.poured.rest.empty()) return saved;
      }
      // The column kept for "Continued on" comes back too.
      const int tighter = static_cast<int>(lines) + module.columns;
      if (lines <= static_cast<std::size_t>(module.columns) * 2 && tighter <= most_lines_looser) {
        ModuleSetting saved = attempt(0, -tighter, PullQuotes::as_written);
        if (saved.poured.rest.empty()) return saved;
      }
      return best;
    }
    if (!fill_steps) return best;
    for (int step = 1; step <= headline_steps_up && foot - best.lowest >= leading_; ++step) {
      // A size that breaks the headline after a compound's hyphen ("hands-" /
      // "on") reads as a word cut in display type: the next step may not.
      if (head_breaks_at_hyphen(story_set(story, module.columns, front_lead, step, 0).slabs)) continue;
      ModuleSetting larger = attempt(step, 0, PullQuotes::as_written);
      if (!larger.poured.rest.empty() || larger.lowest <= best.lowest + 0.5) break;
      best = std::move(larger);
    }
    auto lines_short_of_foot = [&] { return static_cast<int>(std::floor((foot - best.lowest) / leading_ + 0.05)); };
    // A pull quote takes about this many lines of a column.
    if (lines_short_of_foot() * module.columns >= least_lines_for_pull_quote && !has_pull_quote(document)) {
      ModuleSetting quoted = attempt(best.step, 0, PullQuotes::added);
      if (quoted.poured.rest.empty() && quoted.lowest > best.lowest + 0.5) best = std::move(quoted);
    }
    const int lines_short = lines_short_of_foot();
    for (int looseness = std::min(most_lines_looser, lines_short * module.columns); looseness > 0 && lines_short > 0;
         looseness -= module.columns) {
      ModuleSetting looser = attempt(best.step, looseness, best.quotes);
      if (looser.poured.rest.empty() && looser.lowest > best.lowest + 0.5) {
        best = std::move(looser);
        break;
      }
    }
    return best;
  }

  void place_piece(Piece piece, std::size_t page, double x, double y, int columns, double height, bool front_lead) {
    const ModularStory& story = stories_[piece.story];
    ColumnGeometry module = geometry_;
    module.left = x;
    module.top = y;
    module.width = module_width(geometry_, columns);
    module.height = height;
    module.columns = columns;
    // Every module's lines on the page's one grid: they align across modules.
    module.grid_origin = page_top_;
    ModuleSetting set;
    double headline = 0;
    if (piece.continuation) {
      continuation_page_[{piece.story, piece.jump}] = page;
      std::vector<Slab> slabs = jump_head(piece, columns);
      if (piece.rest) slabs.insert(slabs.end(), piece.rest->begin(), piece.rest->end());
      headline = jump_headline_size(columns);
      set = pour_module(slabs, module);
    } else {
      set = fitted_story(piece.story, module, front_lead, fit_modules_);
      headline = headline_size(theme_, columns, front_lead, set.step);
      const ArticleSlabs& chosen = story_set(piece.story, columns, front_lead, set.step, set.looseness, set.quotes);
      warnings_.insert(warnings_.end(), chosen.warnings.begin(), chosen.warnings.end());
      result_.outlines[piece.story] = chosen.outline;
    }
    Poured& poured = set.poured;
    std::vector<Item>& items = result_.pages[page].items;
    items.insert(items.end(), std::make_move_iterator(poured.items.begin()),
                 std::make_move_iterator(poured.items.end()));
    module_bottoms_.push_back(poured.rest.empty() ? std::min(set.lowest, y + height) : y + height);
    result_.modules.push_back({page, story.part, piece.continuation, columns, x, y, module.width, height, headline});
    if (poured.rest.empty()) return;
    fewest_lines_jumped_ = std::min(fewest_lines_jumped_, text_lines(poured.rest));
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
    // Set across the module (a wide table): it needs the module's width.
    if (std::any_of(poured.rest.begin(), poured.rest.end(), [](const Slab& slab) { return slab.spans_columns; }))
      rest.least_columns = columns;
    rest.rest = std::make_shared<const std::vector<Slab>>(std::move(poured.rest));
    for (int width = rest.least_columns; width <= geometry_.columns; ++width) {
      std::vector<Slab> slabs = jump_head(rest, width);
      rest.head[width] = stacked_height(slabs, 0, slabs.size()) + leading_;
      slabs.insert(slabs.end(), rest.rest->begin(), rest.rest->end());
      rest.set_height[width] = set_height(slabs, width);
    }
    queue_.push_back(std::move(rest));
  }

  // Points `slabs` take in a module `columns` wide as set, balanced: from
  // the module's top to the foot of its lowest line; 0 when they do not
  // fit in a page's height.
  double set_height(const std::vector<Slab>& slabs, int columns) const {
    ColumnGeometry module = geometry_;
    module.width = module_width(geometry_, columns);
    module.columns = columns;
    module.grid_origin = module.top;
    const ModuleSetting set = pour_module(slabs, module);
    if (!set.poured.rest.empty()) return 0;
    return set.lowest - module.top;
  }

  // Now that every continuation has its page, each "Continued on page N".
  void resolve_jump_lines() {
    for (const PendingJump& jump : pending_) {
      const auto found = continuation_page_.find({jump.story, jump.jump});
      if (found == continuation_page_.end()) continue;
      // In the story's element: read after its last line on the page.
      std::vector<Item>& items = result_.pages[jump.page].items;
      items.emplace_back(StructureItem{true, "Art", stories_[jump.story].article->key});
      add_continued_on(items, *setting_.fonts, jump_style_, page_number(found->second),
                       jump_anchor(jump.story, jump.jump) + "-from", jump_anchor(jump.story, jump.jump), jump.x,
                       jump.y, jump.width, warnings_);
      items.emplace_back(StructureItem{false, "Art"});
    }
  }

  const ModularSetting& setting_;
  const style::Theme& theme_;
  ColumnGeometry geometry_;
  const std::vector<ModularStory>& stories_;
  Diagnostics& warnings_;
  double leading_;
  double gap_;  // points between tiers, a rule at its middle
  JumpStyle jump_style_;
  struct Rail {
    int columns = 0;
    double height = 0;  // points
    double x = 0;       // its left edge
  } rail_;             // the front page's contents, beside its first tier
  std::deque<Piece> queue_;
  ModularMemory own_memory_;  // when the caller keeps none
  ModularMemory& memory_;
  // By (story, columns, front lead, headline step, looseness, pull quotes).
  std::map<std::tuple<std::size_t, int, bool, int, int, PullQuotes>, ArticleSlabs>& set_stories_;
  std::vector<std::optional<LeadPicture>>& pictures_;  // each story's, by its index
  bool fit_modules_ = false;  // a plan kept, not one tried: headline steps and looseness for fill
  std::size_t fewest_lines_jumped_ = 0;  // of the plan placed: the fewest lines a jump carries over
  double page_top_ = 0;  // points: the top of the page's modules, where its grid begins
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
