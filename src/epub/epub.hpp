// The EPUB writers' entry points for the conversion path (convert/): an
// article or an edition packaged from the document model, with the print
// layout's page list and a cover handed in. epub/ draws nothing itself:
// whoever calls it lays the pages out and draws the cover (render/).
#pragma once

#include <string>
#include <string_view>

#include "galley/edition.hpp"
#include "galley/galley.hpp"
#include "galley/layout.hpp"

namespace galley::epub::detail {

// Whether the EPUB needs a drawn cover: the article or edition names no
// cover image (`cover_image`), or the options say images are not looked for.
bool needs_drawn_cover(const WriteOptions& options, const std::string& cover_image);

// One article's EPUB. `pages`: the article set in pages with options.theme
// (the page list follows them); `drawn_cover_png`: the cover as a PNG file's
// bytes when needs_drawn_cover says so, else unused.
std::string package_article(const WriteOptions& options, const doc::Document& document,
                            const layout::PagedDocument& pages, std::string_view drawn_cover_png);

// An edition's EPUB, its page list following `pagination`.
std::string package_edition(const WriteOptions& options, const Edition& edition, const EditionPagination& pagination,
                            std::string_view drawn_cover_png);

}  // namespace galley::epub::detail
