// One article's EPUB: document -> chapter XHTML -> style sheet -> package. The
// EPUB is written from the document model, never from the page layout, which
// only lends it the print edition's page numbers.
#include "epub/epub.hpp"

#include "epub/assets.hpp"
#include "epub/package.hpp"
#include "epub/publication.hpp"
#include "epub/xhtml.hpp"
#include "layout/layout_pages.hpp"

namespace galley::epub::detail {

bool needs_drawn_cover(const WriteOptions& options, const std::string& cover_image) {
  return options.resource_directory.empty() || cover_image.empty();
}

std::string package_article(const WriteOptions& options, const doc::Document& document,
                            const layout::PagedDocument& pages, std::string_view drawn_cover_png) {
  Publication publication;
  publication.meta = document.meta;
  publication.identifier = document.meta.identifier.empty() ? derive_identifier(document) : document.meta.identifier;
  publication.lang = publication_language(document.meta.lang, *options.theme);
  publication.modified_time = options.modified_time;
  PublicationAssets assets(publication, *options.theme);

  // The print edition's pages, laid out with the same theme as the PDF, so
  // the page list matches the PDF page for page.
  std::vector<PageBreak> page_breaks;
  for (const layout::Page& page : pages.pages) page_breaks.push_back({page.label, page.begins_at});
  publication.page_break_source = layout::print_edition_name(document.meta.title, *options.theme);

  ChapterOptions chapter_options{publication.lang, stylesheet_name, {}, std::move(page_breaks)};
  if (!options.resource_directory.empty()) {
    const image::ImageSource source{options.resource_directory, options.allow_outside_images, options.source_file,
                                    options.limits.max_image_pixels()};
    chapter_options.image_hrefs = assets.add_document_images(document, source, "image-");
    if (!document.meta.cover_image.empty()) assets.add_cover_image(document.meta.cover_image, source, "image-");
  }
  assets.finish_cover(display_title(document.meta), drawn_cover_png);

  publication.chapters.push_back({"article.xhtml", write_chapter(document, chapter_options)});
  return package_epub(publication);
}

}  // namespace galley::epub::detail
