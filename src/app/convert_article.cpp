#include "app/convert_article.hpp"

#include "app/metadata.hpp"

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

ArticleConversion::ArticleConversion(const std::filesystem::path& source, const style::Theme& theme,
                                     const ConversionSettings& settings, StageClock* clock)
    : clock_(clock), input_(read_article(source, theme, settings)) {
  lap("reading");
  build_time_ = resolve_build_time_and_source(document().meta, input_.modification_time);
  options_ = write_options_for(theme, settings, input_.path.has_parent_path() ? input_.path.parent_path() : ".",
                               input_.path.string(), build_time_.seconds, &warnings_);
}

const layout::PagedDocument& ArticleConversion::pages() {
  if (!options_.pages) {
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
