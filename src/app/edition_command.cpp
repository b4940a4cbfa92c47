#include "app/edition_command.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <optional>
#include <iostream>
#include <set>
#include <sstream>
#include <tuple>

#include "app/convert_article.hpp"
#include "app/stage_clock.hpp"
#include "galley/edition.hpp"
#include "layout/layout_pages.hpp"
#include "layout/pages/edition_layout.hpp"

namespace galley::app {
namespace {

// The manifest's cover goes through the image pass as an article's images
// do, named by the manifest: an error, or with --missing-images=describe a
// warning and a drawn cover.
void check_edition_cover(Edition& edition, const std::optional<std::filesystem::path>& manifest,
                         const style::Theme& theme, const ConversionSettings& settings) {
  if (edition.meta.cover_image.empty()) return;
  doc::Document cover;
  cover.meta.cover_image = edition_cover_source(edition);
  cover.meta.cover_image_line = doc::SourceLine{{}, edition.meta.cover_image_line};
  Diagnostics warnings;
  const WriteOptions options =
      write_options_for(theme, settings, edition.directory.empty() ? std::filesystem::path(".") : edition.directory,
                        manifest ? manifest->string() : edition.directory.string(), 0, &warnings);
  check_document_images(cover, options, settings.missing_images);
  print_diagnostics(warnings);
  if (cover.meta.cover_image.empty()) edition.meta.cover_image.clear();
}

std::string read_manifest_bytes(const std::filesystem::path& file, const Limits& limits) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error))
    throw Error(ErrorKind::bad_input, file.string(), "no such edition manifest");
  if (std::filesystem::file_size(file, error) > limits.max_input_bytes())
    throw Error(ErrorKind::bad_input, file.string(), "larger than the limit (see --max-input-mb)");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw Error(ErrorKind::io, file.string(), "cannot be read");
  return bytes.str();
}

// A folder's name as a title: "todays-paper" → "Todays Paper".
std::string title_from_folder_name(const std::string& name) {
  std::string title;
  bool word_start = true;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ' || c == '.') {
      if (!title.empty() && title.back() != ' ') title += ' ';
      word_start = true;
      continue;
    }
    title += word_start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    word_start = false;
  }
  while (!title.empty() && title.back() == ' ') title.pop_back();
  return title;
}

// What the manifest leaves out, from the articles and the folder: the
// title from the theme's publication or the folder's name, the publisher
// when every article names the same one (one article's publisher is not
// the edition's), and the date of the newest article.
void complete_meta(EditionMeta& meta, const std::vector<LoadedInput>& inputs, const std::filesystem::path& directory,
                   const style::Theme& theme) {
  std::optional<std::string> publisher;
  for (const LoadedInput& input : inputs) {
    const std::string& named = input.read.document.meta.publisher;
    if (named.empty() || (publisher && *publisher != named)) {
      publisher.reset();
      break;
    }
    publisher = named;
  }
  if (meta.title.empty()) {
    if (!theme.publication.empty()) meta.title = theme.publication;
    else meta.title = title_from_folder_name(std::filesystem::weakly_canonical(directory).filename().string());
    if (meta.title.empty()) meta.title = "Edition";
  }
  if (meta.series.empty()) meta.series = meta.title;
  if (meta.publisher.empty() && publisher) meta.publisher = *publisher;
  if (!meta.date)
    for (const LoadedInput& input : inputs) {
      const std::optional<doc::Date>& date = input.read.document.meta.date;
      auto key = [](const doc::Date& d) { return std::tuple(d.year, d.month, d.day); };
      if (date && (!meta.date || key(*date) > key(*meta.date))) meta.date = date;
    }
}

// The theme the manifest names, or a mistake at the manifest's line: a
// wrong name there is the manifest's, not the command line's.
style::Theme load_manifest_theme(const EditionPlan& plan, const std::filesystem::path& manifest) {
  try {
    return style::load_theme(plan.meta.style);
  } catch (const Error& mistake) {
    if (mistake.kind() != ErrorKind::usage) throw;
    throw Error(ErrorKind::bad_input, manifest.string(), plan.style_line,
                "theme \"" + plan.meta.style + "\": " + mistake.message());
  }
}

}  // namespace

namespace {

// The edition a folder makes, read as build --edition reads it.
struct LoadedEdition {
  Edition edition;
  style::Theme theme;
  std::int64_t newest = 0;  // the newest article's modification time
};

// Reads the manifest (or the folder's order) and every article; 0 when
// `loaded` holds the edition, else the exit code, every cause printed.
// `output_directory`, when given, is made ready once the theme is known.
int load_edition(const EditionBuildOptions& options, const std::string* output_directory, LoadedEdition& loaded) {
  std::error_code error;
  if (!std::filesystem::is_directory(options.directory, error))
    throw Error(ErrorKind::usage, options.directory.string(), "an edition is built from a folder of articles");
  const std::optional<std::filesystem::path> manifest =
      options.manifest.empty() ? find_edition_manifest(options.directory) : std::optional(options.manifest);
  EditionPlan plan;
  if (manifest) {
    plan = read_edition_manifest(*manifest, read_manifest_bytes(*manifest, options.conversion.limits));
    print_diagnostics(plan.diagnostics);
  }
  style::Theme theme = !options.style.empty()      ? style::load_theme(options.style)
                       : !plan.meta.style.empty() ? load_manifest_theme(plan, *manifest)
                                                  : style::load_theme("article");
  apply_print_overrides(theme, options.print);
  print_diagnostics(layout::check_theme_fonts(theme));
  if (output_directory) prepare_output_directory(*output_directory);
  handle_stop_signals();

  // Which files, in which sections: the manifest's, else every article of
  // the folder by name, in sections as the articles name them.
  std::vector<std::pair<std::string, std::vector<std::filesystem::path>>> sections;
  if (!plan.sections.empty()) {
    // An article the manifest names that is not there is the manifest's
    // mistake: named at its line, every one of them, before anything is read.
    int missing = 0;
    for (const EditionPlan::Section& section : plan.sections)
      for (std::size_t k = 0; k < section.articles.size(); ++k)
        if (!std::filesystem::exists(section.articles[k], error)) {
          std::cerr << "galley: error: "
                    << format_location(manifest->string(), section.article_lines[k],
                                       "\"" + section.articles[k].lexically_relative(manifest->parent_path()).string() +
                                           "\": no such article file")
                    << "\n";
          ++missing;
        }
    if (missing > 0) {
      std::cerr << "galley: error: " << manifest->string() << ": " << missing
                << (missing == 1 ? " article" : " articles") << " not found; the edition was not written\n";
      return exit_bad_input;
    }
    std::set<std::filesystem::path> listed;
    for (const EditionPlan::Section& section : plan.sections) {
      sections.emplace_back(section.title, section.articles);
      for (const std::filesystem::path& path : section.articles)
        listed.insert(std::filesystem::weakly_canonical(path, error));
    }
    for (const std::filesystem::path& path : articles_in_directory(options.directory))
      if (!listed.count(std::filesystem::weakly_canonical(path, error)))
        std::cerr << "galley: warning: " << path.string() << ": not in the edition manifest, left out\n";
  } else {
    sections.emplace_back(std::string(), articles_in_directory(options.directory));
    if (sections.front().second.empty())
      throw Error(ErrorKind::bad_input, options.directory.string(), "holds no article (.txt, .md, .xml)");
  }

  // Every article is read before anything is set, and every one that
  // cannot be is named: an edition missing a story is not the edition.
  std::vector<LoadedInput> inputs;
  std::vector<std::size_t> section_sizes;
  int failures = 0;
  std::int64_t newest = 0;
  for (const auto& [title, paths] : sections) {
    section_sizes.push_back(0);
    for (const std::filesystem::path& path : paths) {
      if (stop_signal != 0) {
        std::cerr << "galley: stopped by signal " << stop_signal << "; the edition was not written\n";
        return 128 + stop_signal;
      }
      try {
        LoadedInput input = read_article(path, theme, options.conversion);
        check_article_images(input, theme, options.conversion);
        inputs.push_back(std::move(input));
        newest = std::max(newest, inputs.back().modification_time);
        ++section_sizes.back();
      } catch (const Error& failure) {
        if (failure.kind() == ErrorKind::usage) throw;
        std::cerr << "galley: error: " << failure.what() << "\n";
        ++failures;
      }
    }
  }
  if (failures > 0) {
    std::cerr << "galley: error: " << options.directory.string() << ": " << failures << " of "
              << failures + inputs.size() << " articles could not be read; the edition was not written\n";
    return exit_bad_input;
  }

  Edition edition;
  edition.meta = plan.meta;
  edition.directory = options.directory;
  complete_meta(edition.meta, inputs, options.directory, theme);
  std::size_t next = 0;
  for (std::size_t index = 0; index < sections.size(); ++index) {
    if (plan.sections.empty()) {
      // Without a manifest, the articles' own sections make the edition's,
      // each run of neighbours naming the same one.
      for (std::size_t k = 0; k < section_sizes[index]; ++k, ++next) {
        const std::string& name = inputs[next].read.document.meta.section;
        if (edition.sections.empty() || edition.sections.back().title != name) edition.sections.push_back({name, {}});
        edition.sections.back().articles.push_back({std::move(inputs[next].read.document), inputs[next].path, {}, {}, true});
      }
      continue;
    }
    EditionSection section{sections[index].first, {}};
    const EditionPlan::Section& planned = plan.sections[index];
    for (std::size_t k = 0; k < section_sizes[index]; ++k, ++next)
      section.articles.push_back({std::move(inputs[next].read.document), inputs[next].path, {},
                                  planned.priorities[k], planned.may_jump[k]});
    edition.sections.push_back(std::move(section));
  }
  assign_article_keys(edition);
  try {
    check_edition_cover(edition, manifest, theme, options.conversion);
  } catch (const Error& failure) {
    if (failure.kind() == ErrorKind::usage) throw;
    std::cerr << "galley: error: " << failure.what() << "\n";
    return exit_bad_input;
  }
  loaded.edition = std::move(edition);
  loaded.theme = std::move(theme);
  loaded.newest = newest;
  return 0;
}

std::string points(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

}  // namespace

int run_edition_build(const EditionBuildOptions& options) {
  StageClock clock(options.timings);
  LoadedEdition loaded;
  if (int status = load_edition(options, &options.output_directory, loaded); status != 0) return status;
  clock.lap("reading");
  const Edition& edition = loaded.edition;
  const style::Theme& theme = loaded.theme;
  const std::int64_t newest = loaded.newest;

  doc::Meta dated;
  dated.date = edition.meta.date;
  Diagnostics warnings;
  const WriteOptions write_options = write_options_for(theme, options.conversion, options.directory,
                                                       options.directory.string(), resolve_build_time(dated, newest),
                                                       &warnings);

  try {
    // The PDF's setting gives the EPUB its page list; without a PDF the
    // edition is set for the page list alone.
    const std::vector<OutputFormat> formats = formats_named(options.format);
    const bool with_pdf = std::find(formats.begin(), formats.end(), OutputFormat::pdf) != formats.end();
    EditionPagination pagination;
    if (!with_pdf) {
      pagination = paginate_edition(write_options, edition);
      clock.lap("layout");
    }
    std::string name = std::filesystem::weakly_canonical(options.directory).filename().string();
    if (name.empty()) name = "edition";
    // Both outputs are made before either is written: a failure leaves the
    // previous edition as it was.
    std::vector<std::pair<std::filesystem::path, std::string>> outputs;
    for (OutputFormat format : formats) {
      if (stop_signal != 0) {
        std::cerr << "galley: stopped by signal " << stop_signal << "; the edition was not written\n";
        return 128 + stop_signal;
      }
      std::filesystem::path target = std::filesystem::path(options.output_directory) / (name + "." + file_extension(format));
      if (format == OutputFormat::pdf) {
        outputs.emplace_back(target, write_edition_pdf(write_options, edition, &pagination));
        clock.lap("layout + PDF");
      } else {
        outputs.emplace_back(target, write_edition_epub(write_options, edition, pagination));
        clock.lap("EPUB");
      }
    }
    print_diagnostics(warnings);
    for (const auto& [target, bytes] : outputs) {
      write_file_atomically(target, bytes);
      std::cout << target.string() << std::endl;
    }
    clock.lap("writing");
  } catch (const Error& failure) {
    if (failure.kind() == ErrorKind::usage) throw;
    print_diagnostics(warnings);
    std::cerr << "galley: error: " << failure.what() << "\n";
    return exit_bad_input;
  }
  return 0;
}

int run_edition_layout_inspect(const EditionBuildOptions& options) {
  LoadedEdition loaded;
  if (int status = load_edition(options, nullptr, loaded); status != 0) return status;
  const Edition& edition = loaded.edition;
  doc::Meta dated;
  dated.date = edition.meta.date;
  Diagnostics warnings;
  const WriteOptions write_options =
      write_options_for(loaded.theme, options.conversion, options.directory, options.directory.string(),
                        resolve_build_time(dated, loaded.newest), &warnings);
  layout::EditionLayoutResult result;
  layout::PagedDocument pages;
  try {
    // Set as the PDF sets it: a shared front page's contents numbered from a first setting.
    layout::EditionMemory memory;
    std::optional<EditionPagination> first_run;
    if (layout::front_page_shared(loaded.theme)) first_run = layout::paginate_edition(write_options, edition, &memory);
    result = layout::lay_out_edition(edition, loaded.theme, layout::article_image_loaders(write_options),
                                     layout::cover_image_loader(write_options, edition),
                                     first_run ? &first_run->article_first_page : nullptr,
                                     [&](layout::Page&& page) {
                                       layout::check_edition_page_limit(write_options, pages.pages.size() + 1);
                                       pages.pages.push_back(std::move(page));
                                     },
                                     &memory);
  } catch (const Error& failure) {
    if (failure.kind() == ErrorKind::usage) throw;
    print_diagnostics(warnings);
    std::cerr << "galley: error: " << failure.what() << "\n";
    return exit_bad_input;
  }
  // A shared front page's first setting reported the warnings already.
  print_diagnostics(warnings);
  if (!layout::front_page_shared(loaded.theme)) print_diagnostics(result.warnings);
  // Each module: where it stands (points, from the page's top-left corner),
  // its story, and the jump lines that link it to the story's other parts.
  const std::vector<const EditionArticle*> articles = articles_in_order(edition);
  std::cout << pages.pages.size() << " pages, " << result.modules.size() << " modules\n";
  for (std::size_t index = 0; index < result.modules.size(); ++index) {
    const layout::StoryModule& module = result.modules[index];
    const EditionArticle& article = *articles.at(module.part);
    std::cout << "module page " << module.page + 1 << " x " << points(module.x) << " y " << points(module.y)
              << " width " << points(module.width) << " height " << points(module.height) << " columns "
              << module.columns << " headline " << points(module.headline_size) << " story \""
              << article.document.meta.title << "\" file " << article.source.string() << "\n";
    // A story's modules are placed in the order it is read: the one before
    // sends it here, the one after takes it on.
    std::optional<std::size_t> before, after;
    for (std::size_t other = 0; other < result.modules.size(); ++other) {
      if (result.modules[other].part != module.part || other == index) continue;
      if (other < index) before = other;
      else if (!after) after = other;
    }
    if (before) std::cout << "  continued from page " << result.modules[*before].page + 1 << "\n";
    if (after) std::cout << "  continued on page " << result.modules[*after].page + 1 << "\n";
  }
  std::cout << layout::dump_layout(pages);
  return 0;
}

}  // namespace galley::app
