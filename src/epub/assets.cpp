#include "epub/assets.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

#include "epub/css.hpp"
#include "epub/xhtml.hpp"

namespace galley::epub::detail {
namespace {

// Every image the blocks show, in reading order, once each.
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

std::string publication_language(const std::string& wanted, const style::Theme& theme) {
  if (!wanted.empty()) return wanted;
  if (!theme.lang.empty()) return theme.lang;
  return "en";
}

PublicationAssets::PublicationAssets(Publication& publication, const style::Theme& theme) : publication_(publication) {
  publication_.stylesheet = css_from_theme(theme);
  if (!theme.embed_fonts) return;
  font_files_ = theme_font_files(theme);
  if (font_files_.empty()) return;
  publication_.stylesheet = font_face_rules(font_files_) + publication_.stylesheet;
  for (const FontFile& font : font_files_)
    if (!font.bytes.empty()) publication_.fonts.push_back({font.file_name, font.media_type, font.bytes, false});
}

std::string PublicationAssets::package(std::shared_ptr<const image::ImageData> image, const std::string& name_prefix,
                                       bool cover) {
  if (auto found = image_by_bytes_.find(image->bytes); found != image_by_bytes_.end()) {
    PackagedImage& packaged = publication_.images[found->second];
    packaged.cover = packaged.cover || cover;
    return packaged.file_name;
  }
  // Images travel in the package under names of galley's choosing, so no
  // path from an article (spaces, "..", odd characters) reaches a URL.
  const std::size_t number = ++images_per_prefix_[name_prefix];
  std::string name =
      "images/" + name_prefix + std::to_string(number) + "." + image::file_extension(image->format);
  publication_.images.push_back({name, image::media_type(image->format), image->bytes, cover});
  image_by_bytes_.emplace(image->bytes, publication_.images.size() - 1);
  images_.push_back(std::move(image));
  return name;
}

std::map<std::string, std::string> PublicationAssets::add_document_images(const doc::Document& document,
                                                                          image::ImageSource source,
                                                                          const std::string& name_prefix) {
  source.embedded = &document.embedded_images;
  std::vector<std::string> sources;
  collect_image_sources(document.blocks, sources);
  for (const doc::Footnote& note : document.footnotes) collect_image_sources(note.body, sources);
  std::map<std::string, std::string> hrefs;
  for (const std::string& src : sources) hrefs.emplace(src, package(image::load_image(src, source), name_prefix, false));
  return hrefs;
}

void PublicationAssets::add_cover_image(const std::string& src, const image::ImageSource& source,
                                        const std::string& name_prefix) {
  // One cover: a second call names a new one.
  for (PackagedImage& packaged : publication_.images) packaged.cover = false;
  package(image::load_image(src, source), name_prefix, true);
}

void PublicationAssets::finish_cover(const std::string& title, std::string_view drawn_cover_png) {
  auto cover = std::find_if(publication_.images.begin(), publication_.images.end(),
                            [](const PackagedImage& image) { return image.cover; });
  std::string href;
  if (cover != publication_.images.end()) {
    href = cover->file_name;
  } else {
    if (drawn_cover_png.empty()) throw Error(ErrorKind::internal, "", "an EPUB without a cover image was given no drawn cover");
    generated_cover_ = drawn_cover_png;
    href = "images/cover.png";
    publication_.images.push_back({href, "image/png", generated_cover_, true});
  }
  publication_.cover_page = write_cover_page(publication_.lang, title, href);
}

}  // namespace galley::epub::detail
