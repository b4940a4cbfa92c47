// An edition set in pages: the front page with the nameplate and the
// contents, then each section's articles behind a section opener. Pages go
// to the caller one by one as they are finished, so a thousand articles
// never sit in memory at once.
#pragma once

#include <functional>
#include <vector>

#include "galley/edition.hpp"
#include "galley/layout.hpp"

namespace galley::layout {

struct EditionLayoutResult {
  EditionPagination pagination;
  std::vector<OutlineEntry> outline;  // a bookmark per section and article, then the articles' headings
  Diagnostics warnings;
};

// The image loader for one article's figures (its folder), or none.
using ArticleImageLoaders = std::function<ImageLoader(const EditionArticle& article)>;
using PageSink = std::function<void(Page&& page)>;

// Sets the edition with `theme`. The contents give each article the page
// `first_pages` says it begins on (indices into the pages, as a previous run
// returned them); without them the numbers are left blank, which sets the
// contents on as many pages. `take_page` gets every page in order.
EditionLayoutResult lay_out_edition(const Edition& edition, const style::Theme& theme,
                                    const ArticleImageLoaders& images, const std::vector<std::size_t>* first_pages,
                                    const PageSink& take_page);

}  // namespace galley::layout
