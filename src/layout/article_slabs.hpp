// One article set as slabs, not yet in pages: how an edition sets its
// articles, several to a flow of pages (layout/pages/edition_layout.cpp).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "galley/layout.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/hyphenate.hpp"
#include "layout/pages/page_builder.hpp"

namespace galley::layout {

// Where the baseline sits in a line's slab: the leading's extra space split
// around the text, which looks centred for Latin type of any size.
inline double baseline_offset(const style::TextStyle& style) { return style.leading / 2 + style.size * 0.34; }

// The theme's text area and columns.
ColumnGeometry column_geometry(const style::Theme& theme);

// One Hyphenator per language, loaded once for all of an edition's
// articles: loading the patterns takes longer than hyphenating an article.
class Hyphenators {
 public:
  const Hyphenator& for_language(const std::string& lang) {
    std::unique_ptr<Hyphenator>& hyphenator = by_language_[lang];
    if (!hyphenator) hyphenator = std::make_unique<Hyphenator>(lang);
    return *hyphenator;
  }

 private:
  std::map<std::string, std::unique_ptr<Hyphenator>> by_language_;
};

struct ArticleSetting {
  // Shared by every article of an edition: one font map, so the PDF embeds
  // each face once, and one cache of shaped words. Null: the layout's own.
  FontSystem* fonts = nullptr;
  Hyphenators* hyphenators = nullptr;  // likewise
  std::string anchor_prefix;  // before every anchor name, unique in the edition
  std::size_t part = 0;       // the article's place in the edition, on its source marks
  bool mark_head = false;     // a source mark on the headline (SourceMarkItem::head)
  // The head across all columns (one article to a page), or in a column
  // (the next story of a newspaper page).
  bool head_across_columns = true;
  bool balance_headline = false;  // the headline's lines of even length (a newspaper's module)
  // A figure of the flow floats to a column's head or foot. A newspaper's
  // module keeps it where the text has it: its columns then end level above
  // a table set across them (a float leaves them unbalanced).
  bool float_figures = true;
  // Lines more (> 0) or fewer (< 0) than the best setting gives, as TeX's
  // \looseness finds them: that many paragraphs, from the last, each set a
  // line looser or tighter within the breaker's tolerance (a newspaper's
  // module filled to its foot, or a jump saved).
  int looseness = 0;
  // The article's flow is set in pages of its own (alone, or an edition's
  // article that starts a page), after `lead_in` (its section's opener):
  // its pages are known, so a last page of one to four lines is avoided,
  // and so is a balanced column of as few (ColumnGeometry::no_runt_columns).
  bool own_pages = false;
  std::vector<Slab> lead_in;
};

struct ArticleSlabs {
  std::vector<Slab> slabs;      // the setting's lead_in first, then the article's own
  std::size_t first_own = 0;    // the index of the article's first slab
  std::vector<OutlineEntry> outline;
  Diagnostics warnings;
};

ArticleSlabs article_slabs(const doc::Document& document, const style::Theme& theme, const ImageLoader& images,
                           const ArticleSetting& setting);

}  // namespace galley::layout
