// An edition set in pages: the front page with the nameplate and the
// contents, then each section's articles behind a section opener. Pages go
// to the caller one by one as they are finished, so a thousand articles
// never sit in memory at once.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <vector>

#include "galley/edition.hpp"
#include "galley/layout.hpp"
#include "layout/article_slabs.hpp"
#include "layout/fonts.hpp"
#include "layout/pages/modular_makeup.hpp"

namespace galley::layout {

struct EditionLayoutResult {
  EditionPagination pagination;       // in the printed order, front first
  std::vector<OutlineEntry> outline;  // a bookmark per section and article, then the articles' headings
  Diagnostics warnings;
  // The front matter handed over after the articles, numbered: the last
  // `deferred_front_pages` pages belong first, and so do the last
  // `deferred_front_elements` top-level structure elements.
  std::size_t deferred_front_pages = 0;
  std::size_t deferred_front_elements = 0;
  // A modular make-up's rectangles, each story's (StoryModule::page: the
  // page's index in `pagination`); empty for a flow.
  std::vector<StoryModule> modules;
};

// Whether the theme sets the first stories on the front page under the
// contents (a newspaper): then the contents can only be numbered by setting
// the edition twice.
bool front_page_shared(const style::Theme& theme);

// What setting an edition learns that setting the same edition again, with
// the same theme, can use: the fonts with the words already shaped, the
// hyphenation patterns loaded, and each modular section's stories as
// measured and set. A newspaper is set twice (its front page's contents
// need the page numbers of a first setting): with one memory for both, the
// second costs little more than planning and pouring. The second setting
// is the same as the first; its warnings may be fewer (report the first's).
struct EditionMemory {
  FontSystem fonts;
  Hyphenators hyphenators;
  std::map<std::size_t, ModularMemory> modular_sections;  // by the section's index
};

// The image loader for one article's figures (its folder), or none.
using ArticleImageLoaders = std::function<ImageLoader(const EditionArticle& article)>;
using PageSink = std::function<void(Page&& page)>;

// Sets the edition with `theme`. The contents give each article the page
// `first_pages` says it begins on (indices into the pages, as a previous run
// returned them). Without them, a front of its own is handed over last,
// numbered (see deferred_front_pages), and a shared front page is left
// unnumbered. `take_page` gets every page as it is finished.
// `cover` loads the manifest's cover picture for the front page (none when null).
// `memory`, when given, is what an earlier setting of the same edition
// learnt, and what this one learns is added to it.
EditionLayoutResult lay_out_edition(const Edition& edition, const style::Theme& theme,
                                    const ArticleImageLoaders& images, const ImageLoader& cover,
                                    const std::vector<std::size_t>* first_pages, const PageSink& take_page,
                                    EditionMemory* memory = nullptr);

}  // namespace galley::layout
