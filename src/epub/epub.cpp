// write_epub: document -> chapter XHTML -> style sheet -> package. The EPUB is
// written from the document model, never from the page layout.
#include "galley/galley.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <type_traits>

#include "epub/css.hpp"
#include "epub/font_files.hpp"
#include "epub/package.hpp"
#include "epub/publication.hpp"
#include "epub/xhtml.hpp"
#include "galley/layout.hpp"
#include "layout/cover.hpp"
#include "layout/images.hpp"
#include "pdf/draw.hpp"

namespace galley {
namespace {

std::string publication_language(const doc::Meta& meta, const style::Theme& theme) {
  if (!meta.lang.empty()) return meta.lang;
  if (!theme.lang.empty()) return theme.lang;
  return "en";
}

// Every image the document shows, in reading order, once each.
void collect_image_sources(const doc::Blocks& blocks, std::vector<std::string>& sources) {
  for (const doc::Block& block : blocks) {
    std::visit(
        [&](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, doc::Figure>) {
            if (!node.src.empty() && std::find(sources.begin(), sources.end(), node.src) == sources.end())
              sources.push_back(node.src);
          } else if constexpr (std::is_same_v<Node, doc::Quote> || std::is_same_v<Node, doc::Aside>) {
            collect_image_sources(node.body, sources);
          } else if constexpr (std::is_same_v<Node, doc::List>) {
            for (const doc::Blocks& item : node.items) collect_image_sources(item, sources);
          } else if constexpr (std::is_same_v<Node, doc::Table>) {
            for (const auto* rows : {&node.header_rows, &node.body_rows})
              for (const auto& row : *rows)
                for (const doc::TableCell& cell : row) collect_image_sources(cell.body, sources);
          }
        },
        block);
  }
}

// What the page numbers refer to: the PDF galley makes with this theme.
std::string print_edition_name(const doc::Meta& meta, const style::Theme& theme) {
  std::string name = "galley PDF, " + (theme.name.empty() ? std::string("article") : theme.name) + " theme";
  const std::string title = meta.title.empty() ? std::string() : meta.title;
  return title.empty() ? name : title + " (" + name + ")";
}

// 1200 by 1800 pixels: sharp on a tablet, and within every store's limits.
std::string render_cover(const doc::Document& document, const style::Theme& theme, const std::string& source_file) {
  layout::PagedDocument cover;
  cover.pages.push_back(layout::layout_cover(document, theme));
  constexpr double dots_per_inch = 144;
  return pdf::detail::render_png_pages(cover, 1, dots_per_inch, source_file).front();
}

}  // namespace

std::string write_epub(const WriteOptions& options, const doc::Document& document) {
  if (options.theme == nullptr) throw Error(ErrorKind::usage, "", "write_epub needs a theme");
  epub::detail::Publication publication;
  publication.meta = document.meta;
  publication.identifier = document.meta.identifier.empty() ? derive_identifier(document) : document.meta.identifier;
  publication.lang = publication_language(document.meta, *options.theme);
  publication.modified_time = options.modified_time;
  publication.stylesheet = epub::detail::css_from_theme(*options.theme);
  // The font files live as long as the publication is being packaged.
  const std::vector<epub::detail::FontFile> font_files =
      options.theme->embed_fonts ? epub::detail::theme_font_files(*options.theme) : std::vector<epub::detail::FontFile>{};
  if (!font_files.empty()) {
    publication.stylesheet = epub::detail::font_face_rules(font_files) + publication.stylesheet;
    for (const epub::detail::FontFile& font : font_files)
      if (!font.bytes.empty()) publication.fonts.push_back({font.file_name, font.media_type, font.bytes, false});
  }

  // The print edition's pages, laid out with the same theme as the PDF (or
  // taken from the caller, who laid them out for the PDF), so the page list
  // matches the PDF page for page.
  const std::shared_ptr<const layout::PagedDocument> pages =
      options.pages ? options.pages : layout_pages(options, document);
  std::vector<epub::detail::PageBreak> page_breaks;
  for (const layout::Page& page : pages->pages) page_breaks.push_back({page.label, page.begins_at});
  publication.page_break_source = print_edition_name(document.meta, *options.theme);

  epub::detail::ChapterOptions chapter_options{publication.lang, epub::detail::stylesheet_name, {}, std::move(page_breaks)};
  // Images travel in the package under names of galley's choosing, so no
  // path from the article (spaces, "..", odd characters) reaches a URL.
  image::ImageCache images(
      {options.resource_directory, options.allow_outside_images, options.source_file, options.max_image_pixels});
  std::vector<std::string> sources;
  if (!options.resource_directory.empty()) {
    collect_image_sources(document.blocks, sources);
    for (const doc::Footnote& note : document.footnotes) collect_image_sources(note.body, sources);
  }
  std::vector<std::shared_ptr<const image::ImageData>> loaded;
  auto package_image = [&](const std::string& src, bool cover) {
    std::shared_ptr<const image::ImageData> image = images.get(src);
    loaded.push_back(image);
    std::string name = "images/image-" + std::to_string(loaded.size()) + "." + image::file_extension(image->format);
    publication.images.push_back({name, image::media_type(image->format), image->bytes, cover});
    chapter_options.image_hrefs.emplace(src, name);
  };
  for (const std::string& src : sources) package_image(src, false);
  if (!options.resource_directory.empty() && !document.meta.cover_image.empty()) {
    if (auto found = chapter_options.image_hrefs.find(document.meta.cover_image);
        found != chapter_options.image_hrefs.end()) {
      for (epub::detail::PackagedImage& packaged : publication.images)
        if (packaged.file_name == found->second) packaged.cover = true;
    } else {
      package_image(document.meta.cover_image, true);
    }
  }
  // Without a cover image of its own the book gets one drawn from the theme,
  // so that it shows as itself, not as a blank, in a library view.
  std::string generated_cover;
  auto cover = std::find_if(publication.images.begin(), publication.images.end(),
                            [](const epub::detail::PackagedImage& image) { return image.cover; });
  if (cover == publication.images.end()) {
    generated_cover = render_cover(document, *options.theme, options.source_file);
    publication.images.push_back({"images/cover.png", "image/png", generated_cover, true});
    cover = std::prev(publication.images.end());
  }
  publication.cover_page = epub::detail::write_cover_page(publication.lang, epub::detail::display_title(document.meta),
                                                          cover->file_name);

  publication.chapters.push_back({"article.xhtml", epub::detail::write_chapter(document, chapter_options)});
  return epub::detail::package_epub(publication);
}

}  // namespace galley
