// write_epub: document -> chapter XHTML -> style sheet -> package. The EPUB is
// written from the document model, never from the page layout.
#include "galley/galley.hpp"

#include <memory>

#include "epub/assets.hpp"
#include "epub/package.hpp"
#include "epub/publication.hpp"
#include "epub/xhtml.hpp"
#include "galley/layout.hpp"
#include "layout/cover.hpp"

namespace galley {
namespace {

// What the page numbers refer to: the PDF galley makes with this theme.
std::string print_edition_name(const doc::Meta& meta, const style::Theme& theme) {
  std::string name = "galley PDF, " + (theme.name.empty() ? std::string("article") : theme.name) + " theme";
  const std::string title = meta.title.empty() ? std::string() : meta.title;
  return title.empty() ? name : title + " (" + name + ")";
}

}  // namespace

std::string write_epub(const WriteOptions& options, const doc::Document& document) {
  if (options.theme == nullptr) throw Error(ErrorKind::usage, "", "write_epub needs a theme");
  epub::detail::Publication publication;
  publication.meta = document.meta;
  publication.identifier = document.meta.identifier.empty() ? derive_identifier(document) : document.meta.identifier;
  publication.lang = epub::detail::publication_language(document.meta.lang, *options.theme);
  publication.modified_time = options.modified_time;
  epub::detail::PublicationAssets assets(publication, *options.theme);

  // The print edition's pages, laid out with the same theme as the PDF (or
  // taken from the caller, who laid them out for the PDF), so the page list
  // matches the PDF page for page.
  const std::shared_ptr<const layout::PagedDocument> pages =
      options.pages ? options.pages : layout_pages(options, document);
  std::vector<epub::detail::PageBreak> page_breaks;
  for (const layout::Page& page : pages->pages) page_breaks.push_back({page.label, page.begins_at});
  publication.page_break_source = print_edition_name(document.meta, *options.theme);

  epub::detail::ChapterOptions chapter_options{publication.lang, epub::detail::stylesheet_name, {}, std::move(page_breaks)};
  if (!options.resource_directory.empty()) {
    const image::ImageSource source{options.resource_directory, options.allow_outside_images, options.source_file,
                                    options.max_image_pixels};
    chapter_options.image_hrefs = assets.add_document_images(document, source, "image-");
    if (!document.meta.cover_image.empty()) assets.add_cover_image(document.meta.cover_image, source, "image-");
  }
  assets.finish_cover(epub::detail::display_title(document.meta),
                      [&] { return layout::layout_cover(document, *options.theme); }, options.source_file);

  publication.chapters.push_back({"article.xhtml", epub::detail::write_chapter(document, chapter_options)});
  return epub::detail::package_epub(publication);
}

}  // namespace galley
