// layout_pages (galley.hpp) and paginate_edition (edition.hpp): the
// document set in pages as the PDF shows them, for the PDF to draw and the
// EPUB's page list to follow.
#include "layout/layout_pages.hpp"

#include <filesystem>
#include <memory>

#include "galley/layout.hpp"
#include "image/images.hpp"

namespace galley {

void check_page_count(std::size_t pages, const Limits& limits, const std::string& file) {
  if (pages > limits.max_pages)
    throw Error(ErrorKind::bad_input, file,
                "sets into " + std::to_string(pages) + " pages, more than the limit of " +
                    std::to_string(limits.max_pages) + " (see --max-pages)");
}

std::shared_ptr<const layout::PagedDocument> layout_pages(const WriteOptions& options, const doc::Document& document) {
  if (options.theme == nullptr) throw Error(ErrorKind::usage, "", "layout_pages needs a theme");
  image::ImageCache image_cache({options.resource_directory, options.allow_outside_images, options.source_file,
                                 options.limits.max_image_pixels(), &document.embedded_images});
  layout::ImageLoader load_image;
  if (!options.resource_directory.empty())
    load_image = [&image_cache](const std::string& src) { return image_cache.get(src); };
  auto pages = std::make_shared<layout::PagedDocument>(layout::layout_document(document, *options.theme, load_image));
  check_page_count(pages->pages.size(), options.limits, options.source_file);
  if (options.warnings) {
    for (Diagnostic& warning : pages->warnings)
      if (warning.file.empty()) warning.file = options.source_file;
    options.warnings->insert(options.warnings->end(), pages->warnings.begin(), pages->warnings.end());
  }
  return pages;
}

EditionPagination paginate_edition(const WriteOptions& options, const Edition& edition) {
  return layout::paginate_edition(options, edition, nullptr);
}

namespace layout {

EditionPagination paginate_edition(const WriteOptions& options, const Edition& edition, EditionMemory* memory) {
  if (options.theme == nullptr) throw Error(ErrorKind::usage, "", "paginate_edition needs a theme");
  std::size_t pages = 0;
  EditionLayoutResult result = lay_out_edition(edition, *options.theme, article_image_loaders(options),
                                               cover_image_loader(options, edition), nullptr,
                                               [&](Page&&) { check_edition_page_limit(options, ++pages); }, memory);
  if (options.warnings) options.warnings->insert(options.warnings->end(), result.warnings.begin(), result.warnings.end());
  result.pagination.print_edition_name = print_edition_name(edition.meta.title, *options.theme);
  return std::move(result.pagination);
}

ArticleImageLoaders article_image_loaders(const WriteOptions& options) {
  if (options.resource_directory.empty()) return {};
  return [&options](const EditionArticle& article) -> ImageLoader {
    auto cache = std::make_shared<image::ImageCache>(image::ImageSource{
        article.source.has_parent_path() ? article.source.parent_path() : std::filesystem::path("."),
        options.allow_outside_images, article.source.string(), options.limits.max_image_pixels(),
        &article.document.embedded_images});
    return [cache](const std::string& src) { return cache->get(src); };
  };
}

ImageLoader cover_image_loader(const WriteOptions& options, const Edition& edition) {
  if (options.resource_directory.empty() || edition.meta.cover_image.empty()) return {};
  auto cache = std::make_shared<image::ImageCache>(
      image::ImageSource{edition.directory.empty() ? std::filesystem::path(".") : edition.directory,
                         options.allow_outside_images, options.source_file, options.limits.max_image_pixels()});
  return [cache](const std::string& src) { return cache->get(src); };
}

void check_edition_page_limit(const WriteOptions& options, std::size_t pages) {
  // The edition is still being set: its last page count is not known yet.
  if (pages > options.limits.max_pages)
    throw Error(ErrorKind::bad_input, options.source_file,
                "sets into more than the limit of " + std::to_string(options.limits.max_pages) +
                    " pages (see --max-pages)");
}

std::string print_edition_name(const std::string& title, const style::Theme& theme) {
  const std::string name = "galley PDF, " + (theme.name.empty() ? std::string("article") : theme.name) + " theme";
  return title.empty() ? name : title + " (" + name + ")";
}

}  // namespace layout
}  // namespace galley
