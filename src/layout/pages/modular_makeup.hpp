// Modular make-up, as a newspaper's pages are made: each story in one
// rectangle of the page's columns (its module), the headline across the
// module and the text balanced in its columns, modules sized by the
// story's importance, the columns of a page ending level at its foot, and
// a story too long for its module continued on a later page ("Continued on
// page N" / "Continued from page M").
//
// The outline: measure each story (its head at every module width, its
// text at the column's width), plan each page as tiers of modules by a
// beam search scored for fill, importance high and left and few jumps,
// then pour each story into its rectangle with the page builder.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "galley/edition.hpp"
#include "galley/layout.hpp"
#include "layout/article_slabs.hpp"
#include "layout/pages/modular_picture.hpp"
#include "layout/pages/modular_plan.hpp"
#include "layout/pages/modular_pull_quote.hpp"
#include "layout/pages/page_builder.hpp"

namespace galley::layout {

// One story of a section, in the order of its importance (the lead first).
struct ModularStory {
  const EditionArticle* article = nullptr;
  std::size_t part = 0;  // the article's place in the edition (articles_in_order)
  ImageLoader images;
  bool may_jump = true;  // false: set whole on one page (the manifest's `jump = false`)
};

// One story's rectangle on a page, for `galley inspect --layout` and tests.
struct StoryModule {
  std::size_t page = 0;  // index among the section's pages
  std::size_t part = 0;
  bool continuation = false;  // the rest of a story jumped from an earlier page
  int columns = 1;
  double x = 0, y = 0, width = 0, height = 0;  // points, on the page
  double headline_size = 0;                    // points
};

struct ModularSection {
  std::vector<Page> pages;
  std::vector<StoryModule> modules;
  // Each story's bookmarks (its headline's first), in the order of `stories`.
  std::vector<std::vector<OutlineEntry>> outlines;
};

// A section's stories as one make-up measured and set them, for a make-up
// of the same section again (the edition's second setting): each story is
// set once for every module shape, headline step and looseness tried.
struct ModularMemory {
  std::vector<ImageLoader> images;  // each story's, in the section's order (the caller's to fill)
  // By the stories' order of importance (ModularMakeUp's indices):
  std::vector<Piece> measured;  // each story's text and head heights
  std::vector<std::optional<LeadPicture>> pictures;
  // Set stories by (story, columns, front lead, headline step, looseness, pull quotes).
  std::map<std::tuple<std::size_t, int, bool, int, int, PullQuotes>, ArticleSlabs> set_stories;
};

struct ModularSetting {
  FontSystem* fonts = nullptr;
  Hyphenators* hyphenators = nullptr;
  const style::Theme* theme = nullptr;  // the articles' theme (no masthead)
  ColumnGeometry geometry;              // the page's text area and columns
  std::size_t first_page_number = 1;    // the section's first page's number in the edition
  bool front = false;                   // the section opens the edition: its lead is the front page's lead
  ModularMemory* memory = nullptr;      // an earlier make-up's of the same stories, added to; null: none kept
};

// Makes up one section's stories into pages. `opening` (slabs across the
// page: the nameplate, a section's name) stands at the top of the first;
// `rail` (a column's slabs: the contents) at the right of the first, in
// as few columns as hold it, beside the modules.
ModularSection make_up_modular(const ModularSetting& setting, const std::vector<ModularStory>& stories,
                               std::vector<Slab> opening, std::vector<Slab> rail, Diagnostics& warnings);

}  // namespace galley::layout
