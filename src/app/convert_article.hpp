// The one conversion path of the command line: an article read as the
// settings say, its writers' options set up once (theme, images beside it,
// limits, date), its pages laid out once for the PDF, the EPUB's page list,
// the preview and inspect --layout alike. build (one article or a batch's
// worker), inspect and preview convert through convert_article; an edition
// reads its articles with read_article and sets up its writers with
// write_options_for.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "app/inputs.hpp"
#include "app/stage_clock.hpp"
#include "galley/galley.hpp"
#include "galley/layout.hpp"
#include "galley/style.hpp"

namespace galley::app {

// Reads one article within the settings' limits; the language it is taken
// to be in when it names none is --lang's, else the theme's. Warnings are
// printed; throws galley::Error naming the file when it holds no article.
LoadedInput read_article(const std::filesystem::path& source, const style::Theme& theme,
                         const ConversionSettings& settings);

// The one image pass (check_document_images) over an article read for an
// edition, with its images looked for in its own folder as --missing-images
// says; its warnings are printed. Throws galley::Error naming the article
// and the line that names an image that cannot be used.
void check_article_images(LoadedInput& input, const style::Theme& theme, const ConversionSettings& settings);

// The writers' options: images looked for in `resource_directory`,
// `source_file` naming the input in messages, the date `modified_time`
// (seconds since the epoch), warnings collected in `warnings`.
WriteOptions write_options_for(const style::Theme& theme, const ConversionSettings& settings,
                               const std::filesystem::path& resource_directory, const std::string& source_file,
                               std::int64_t modified_time, Diagnostics* warnings);

// One article on its way to PDF, EPUB, PNG or a layout dump. Each step is
// done when first asked for, in order: read (on construction), lay out,
// write; so a failure in one leaves what came before (inspect's --explain
// is printed before the layout is tried).
class ArticleConversion {
 public:
  // Reads the article; `clock` (may be null) times the steps.
  ArticleConversion(const std::filesystem::path& source, const style::Theme& theme,
                    const ConversionSettings& settings, StageClock* clock = nullptr);
  ArticleConversion(const ArticleConversion&) = delete;  // the options point at warnings_
  ArticleConversion& operator=(const ArticleConversion&) = delete;

  const LoadedInput& input() const { return input_; }
  const doc::Document& document() const { return input_.read.document; }
  // The date the outputs carry, and where it came from (the manifest records it).
  const BuildTime& build_time() const { return build_time_; }
  // The images the article names (its figures', its cover) as it was read,
  // those --missing-images=describe set without included: a rebuild must
  // notice when one of them appears.
  const std::set<std::string>& named_images() const { return named_images_; }
  const WriteOptions& write_options() const { return options_; }

  // The article set in pages with the theme, checked against --max-pages;
  // its images are checked first, as --missing-images says.
  const layout::PagedDocument& pages();
  // The output's bytes, from the pages laid out once.
  std::string write(OutputFormat format);

  // What layout and the writers set imperfectly, not yet printed.
  const Diagnostics& warnings() const { return warnings_; }

 private:
  void lap(const char* stage) {
    if (clock_) clock_->lap(stage);
  }

  StageClock* clock_;
  MissingImages missing_images_;
  LoadedInput input_;
  std::set<std::string> named_images_;
  BuildTime build_time_;
  Diagnostics warnings_;
  WriteOptions options_;
};

// Reads `source` for conversion (the one entry to ArticleConversion).
inline ArticleConversion convert_article(const std::filesystem::path& source, const style::Theme& theme,
                                         const ConversionSettings& settings, StageClock* clock = nullptr) {
  return ArticleConversion(source, theme, settings, clock);
}

}  // namespace galley::app
