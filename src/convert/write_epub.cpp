// write_epub and write_edition_epub (galley.hpp, edition.hpp): the print
// layout's pages for the page list and, for a book with no cover image of
// its own, the cover drawn here (render/), handed to the EPUB writer (epub/),
// which draws nothing itself.
#include <memory>

#include "epub/epub.hpp"
#include "galley/edition.hpp"
#include "galley/galley.hpp"
#include "galley/layout.hpp"
#include "layout/cover.hpp"
#include "render/draw.hpp"

namespace galley {

std::string write_epub(const WriteOptions& options, const doc::Document& document) {
  if (options.theme == nullptr) throw Error(ErrorKind::usage, "", "write_epub needs a theme");
  // The print edition's pages, laid out with the same theme as the PDF (or
  // taken from the caller, who laid them out for the PDF), so the page list
  // matches the PDF page for page.
  const std::shared_ptr<const layout::PagedDocument> pages =
      options.pages ? options.pages : layout_pages(options, document);
  std::string cover;
  if (epub::detail::needs_drawn_cover(options, document.meta.cover_image))
    cover = render::render_cover_png(layout::layout_cover(document, *options.theme), options.source_file);
  return epub::detail::package_article(options, document, *pages, cover);
}

std::string write_edition_epub(const WriteOptions& options, const Edition& edition,
                               const EditionPagination& pagination) {
  if (options.theme == nullptr) throw Error(ErrorKind::usage, "", "write_edition_epub needs a theme");
  // Before the cover, which shows the first article.
  if (articles_in_order(edition).empty())
    throw Error(ErrorKind::usage, options.source_file, "an edition needs at least one article");
  std::string cover;
  if (epub::detail::needs_drawn_cover(options, edition.meta.cover_image))
    cover = render::render_cover_png(layout::layout_edition_cover(edition, *options.theme), options.source_file);
  return epub::detail::package_edition(options, edition, pagination, cover);
}

}  // namespace galley
