// What every EPUB galley writes carries besides its chapters: the theme's
// style sheet and font files, the images the articles show and the cover.
// One article and a whole edition gather them the same way, here, and this
// class owns the bytes the Publication's views point at while it is packaged.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "epub/font_files.hpp"
#include "epub/publication.hpp"
#include "galley/galley.hpp"
#include "image/images.hpp"

namespace galley::epub::detail {

// The publication's language: the wanted one (the article's or the
// edition's), else the theme's, else English; never empty.
std::string publication_language(const std::string& wanted, const style::Theme& theme);

class PublicationAssets {
 public:
  // Puts the theme's style sheet, and its font files when it embeds them,
  // into `publication`, which must outlive this object's use.
  PublicationAssets(Publication& publication, const style::Theme& theme);
  PublicationAssets(const PublicationAssets&) = delete;  // the publication views its bytes
  PublicationAssets& operator=(const PublicationAssets&) = delete;

  // Packages every image `document` shows (figures, in notes too), found
  // through `source`, named "images/<name_prefix><n>.<ext>"; the same file
  // shown by two articles is packaged once. Returns Figure::src -> href, for
  // ChapterOptions::image_hrefs. Throws Error(bad_input) for an image that
  // cannot be used, as the PDF does.
  std::map<std::string, std::string> add_document_images(const doc::Document& document,
                                                          image::ImageSource source,
                                                          const std::string& name_prefix);

  // Packages `src` (found through `source`) as the cover image, or marks it
  // so when the same file is already in the package.
  void add_cover_image(const std::string& src, const image::ImageSource& source, const std::string& name_prefix);

  // Gives the publication its cover page: the cover image if one was added,
  // else `drawn_cover_png` (galley's own cover, drawn by the caller), so that
  // the book shows as itself, not as a blank, in a library view. `title` is
  // the cover page's title and the image's alternative text; the
  // publication's language must be set.
  void finish_cover(const std::string& title, std::string_view drawn_cover_png);

 private:
  // The packaged name of `image`, packaging it if its bytes are new.
  std::string package(std::shared_ptr<const image::ImageData> image, const std::string& name_prefix, bool cover);

  Publication& publication_;
  std::vector<FontFile> font_files_;
  std::vector<std::shared_ptr<const image::ImageData>> images_;  // what publication_.images' bytes view
  std::map<std::string_view, std::size_t> image_by_bytes_;       // an image's bytes -> its index in publication_.images
  std::map<std::string, std::size_t> images_per_prefix_;         // for the next name under each prefix
  std::string generated_cover_;
};

}  // namespace galley::epub::detail
