// write_epub: document -> chapter XHTML -> style sheet -> package. The EPUB is
// written from the document model, never from the page layout.
#include "galley/galley.hpp"

#include <algorithm>
#include <memory>
#include <type_traits>

#include "epub/css.hpp"
#include "epub/font_files.hpp"
#include "epub/package.hpp"
#include "epub/publication.hpp"
#include "epub/xhtml.hpp"
#include "layout/images.hpp"

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

  epub::detail::ChapterOptions chapter_options{publication.lang, epub::detail::stylesheet_name, {}};
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
  publication.chapters.push_back({"article.xhtml", epub::detail::write_chapter(document, chapter_options)});
  return epub::detail::package_epub(publication);
}

}  // namespace galley
