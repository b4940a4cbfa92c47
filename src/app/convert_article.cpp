#include "app/convert_article.hpp"

#include "app/metadata.hpp"
#include "galley/walk.hpp"

namespace galley::app {

LoadedInput read_article(const std::filesystem::path& source, const style::Theme& theme,
                         const ConversionSettings& settings) {
  LoadedInput input = load_input(source, settings.lang.empty() ? theme.lang : settings.lang, settings);
  if (!settings.metadata.empty() || !settings.metadata_file.empty())
    apply_metadata(input.read.document.meta, settings.metadata_file, settings.metadata);
  return input;
}

WriteOptions write_options_for(const style::Theme& theme, const ConversionSettings& settings,
                               const std::filesystem::path& resource_directory, const std::string& source_file,
                               std::int64_t modified_time, Diagnostics* warnings) {
  WriteOptions options;
  options.theme = &theme;
  options.modified_time = modified_time;
  options.resource_directory = resource_directory;
  options.allow_outside_images = settings.allow_outside_images;
  options.source_file = source_file;
  options.limits = settings.limits;
  options.warnings = warnings;
  return options;
}

void check_article_images(LoadedInput& input, const style::Theme& theme, const ConversionSettings& settings) {
  Diagnostics warnings;
  const WriteOptions options = write_options_for(theme, settings, input.path.has_parent_path() ? input.path.parent_path() : ".",
                                                 input.path.string(), 0, &warnings);
  check_document_images(input.read.document, options, settings.missing_images);
  print_diagnostics(warnings);
}

ArticleConversion::ArticleConversion(const std::filesystem::path& source, const style::Theme& theme,
                                     const ConversionSettings& settings, StageClock* clock)
    : clock_(clock), missing_images_(settings.missing_images), input_(read_article(source, theme, settings)) {
  lap("reading");
  if (!document().meta.cover_image.empty()) named_images_.insert(document().meta.cover_image);
  doc::for_each_block(document(), [this](const doc::Block& block) {
    if (const auto* figure = std::get_if<doc::Figure>(&block); figure && !figure->src.empty())
      named_images_.insert(figure->src);
  });
  build_time_ = resolve_build_time_and_source(document().meta, input_.modification_time);
  options_ = write_options_for(theme, settings, input_.path.has_parent_path() ? input_.path.parent_path() : ".",
                               input_.path.string(), build_time_.seconds, &warnings_);
}

const layout::PagedDocument& ArticleConversion::pages() {
  if (!options_.pages) {
    // Every image is had, or described, before anything is set: the PDF
    // and the EPUB then show the same figures.
    check_document_images(input_.read.document, options_, missing_images_);
    lap("images");
    // Laid out once: the PDF draws these pages, the EPUB marks where each begins.
    options_.pages = layout_pages(options_, document());
    lap("layout");
  }
  return *options_.pages;
}

std::string ArticleConversion::write(OutputFormat format) {
  pages();
  std::string bytes = write_document(format, options_, document());
  lap(format == OutputFormat::pdf ? "PDF" : "EPUB");
  return bytes;
}

}  // namespace galley::app
