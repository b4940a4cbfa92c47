// The layout steps the writers share: an article or an edition set in pages
// with the options' theme, images and limits (layout_pages and
// paginate_edition in galley.hpp and edition.hpp), and the pieces the PDF's
// edition writer needs to set an edition the same way while it draws it.
#pragma once

#include <cstddef>
#include <string>

#include "galley/edition.hpp"
#include "galley/galley.hpp"
#include "layout/pages/edition_layout.hpp"

namespace galley::layout {

// Each article's images, looked for in its own folder; none at all when
// the options say images are not looked for.
ArticleImageLoaders article_image_loaders(const WriteOptions& options);

// The manifest's cover, from the edition's folder (outside it only when
// the options allow images there); none when it names no cover.
ImageLoader cover_image_loader(const WriteOptions& options, const Edition& edition);

// paginate_edition with `memory` kept for a second setting of the same
// edition (lay_out_edition's EditionMemory).
EditionPagination paginate_edition(const WriteOptions& options, const Edition& edition, EditionMemory* memory);

// Throws Error(bad_input) once an edition being set passes options' page
// limit; called with each page's number as the page is finished.
void check_edition_page_limit(const WriteOptions& options, std::size_t pages);

// What an EPUB's page numbers refer to, for its dc:source: "TITLE (galley
// PDF, THEME theme)", the PDF galley makes of it with this theme.
std::string print_edition_name(const std::string& title, const style::Theme& theme);

}  // namespace galley::layout
