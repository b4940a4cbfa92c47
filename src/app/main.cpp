// galley's command-line front end: parses the command line with CLI11 and
// calls the library. Exit codes: 0 success, 1 bad input or failed
// conversion, 2 bad usage.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/check.hpp"
#include "app/json.hpp"
#include "galley/galley.hpp"
#include "galley/layout.hpp"
#include "layout/images.hpp"
#include "pdf/draw.hpp"

namespace galley::app {
namespace {

constexpr int exit_bad_input = 1;
constexpr int exit_usage = 2;

// The signal (SIGINT, SIGTERM) that asked a build to stop, 0 while none has.
// A batch stops between files, so every output is whole; a second signal
// stops at once, removing the temporary file being written.
volatile std::sig_atomic_t stop_signal = 0;

extern "C" void on_stop_signal(int signal_number) {
  if (stop_signal != 0) {
    remove_pending_temporary_file();
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
    return;
  }
  stop_signal = signal_number;
}

void handle_stop_signals() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// Limits against hostile input, the same for build, inspect and preview;
// the command line raises them.
struct InputLimits {
  std::uintmax_t max_input_megabytes = 64;
  int max_depth = 16;
  std::size_t max_pages = 10'000;
  std::int64_t max_image_megapixels = 100;
};

void add_limit_options(CLI::App* command, InputLimits& limits) {
  command->add_option("--max-input-mb", limits.max_input_megabytes, "Refuse larger input files")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  command->add_option("--max-depth", limits.max_depth,
                      "Nesting (quotes, lists, styles) deeper than this is kept as plain text")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  command->add_option("--max-pages", limits.max_pages, "Refuse documents that set into more pages")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  command->add_option("--max-image-megapixels", limits.max_image_megapixels, "Refuse larger images")
      ->check(CLI::Range(1, 10'000))
      ->capture_default_str();
}

// The pages a layout came to, against --max-pages (write_pdf checks its own).
void check_page_limit(const layout::PagedDocument& pages, const InputLimits& limits, const std::string& file) {
  if (pages.pages.size() > limits.max_pages)
    throw Error(ErrorKind::bad_input, file,
                "sets into " + std::to_string(pages.pages.size()) + " pages, more than the limit of " +
                    std::to_string(limits.max_pages) + " (see --max-pages)");
}

struct LoadedInput {
  std::filesystem::path path;
  ReadResult read;
  std::int64_t modification_time = 0;  // seconds since the epoch
};

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics)
    std::cerr << "galley: warning: " << format_location(diagnostic.file, diagnostic.line, diagnostic.message) << "\n";
}

// "plain", "markdown", "nitf", or empty to choose from the extension and content.
std::optional<InputFormat> input_format_named(const std::string& name) {
  if (name == "plain") return InputFormat::plain;
  if (name == "markdown") return InputFormat::markdown;
  if (name == "nitf") return InputFormat::nitf;
  return std::nullopt;
}

LoadedInput load_input(const std::filesystem::path& path, const std::string& default_lang,
                       const std::string& from = {}, const InputLimits& limits = {}) {
  std::ifstream file(path, std::ios::binary);
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw Error(ErrorKind::bad_input, path.string(), "is a directory, not an article");
  if (!file) throw Error(ErrorKind::io, path.string(), "cannot be opened for reading");
  // Checked while reading, not from the size on disk: a pipe has none.
  const std::uintmax_t max_bytes = limits.max_input_megabytes << 20;
  auto too_large = [&] {
    return Error(ErrorKind::bad_input, path.string(),
                 "larger than the limit of " + std::to_string(limits.max_input_megabytes) + " MB (see --max-input-mb)");
  };
  if (std::filesystem::is_regular_file(path, error) && std::filesystem::file_size(path, error) > max_bytes)
    throw too_large();
  std::string content;
  char buffer[1 << 16];
  while (file.read(buffer, sizeof buffer) || file.gcount() > 0) {
    content.append(buffer, static_cast<std::size_t>(file.gcount()));
    if (content.size() > max_bytes) throw too_large();
  }
  if (file.bad()) throw Error(ErrorKind::io, path.string(), "cannot be read");

  LoadedInput input;
  input.path = path;
  struct stat status {};
  if (stat(path.c_str(), &status) == 0) input.modification_time = static_cast<std::int64_t>(status.st_mtime);
  ReadOptions options{path.string(), default_lang, limits.max_depth};
  const std::optional<InputFormat> forced = input_format_named(from);
  input.read = read_document(forced ? *forced : detect_input_format(path, content), options, content);
  print_diagnostics(input.read.diagnostics);
  return input;
}

std::vector<OutputFormat> formats_named(const std::string& name) {
  if (name == "pdf") return {OutputFormat::pdf};
  if (name == "epub") return {OutputFormat::epub};
  return {OutputFormat::pdf, OutputFormat::epub};
}

void prepare_output_directory(const std::filesystem::path& directory) {
  std::error_code error;
  if (std::filesystem::exists(directory, error) && !std::filesystem::is_directory(directory, error))
    throw Error(ErrorKind::usage, directory.string(), "the output directory is a file");
  std::filesystem::create_directories(directory, error);
  if (error) throw Error(ErrorKind::io, directory.string(), "cannot create the output directory: " + error.message());
}

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output_directory = "output";
  std::string format = "all";
  std::string style = "article";
  std::string lang;
  std::string from;
  bool allow_outside_images = false;
  InputLimits limits;
};

int run_build(const BuildOptions& options) {
  style::Theme theme = style::load_theme(options.style);
  print_diagnostics(layout::check_theme_fonts(theme));
  prepare_output_directory(options.output_directory);
  int failures = 0;
  handle_stop_signals();
  for (std::size_t index = 0; index < options.inputs.size(); ++index) {
    const std::string& input_name = options.inputs[index];
    if (stop_signal != 0) {
      std::cerr << "galley: stopped by signal " << stop_signal << "; " << options.inputs.size() - index
                << " of " << options.inputs.size() << " inputs not converted, from " << input_name << "\n";
      return 128 + stop_signal;
    }
    try {
      LoadedInput input =
          load_input(input_name, options.lang.empty() ? theme.lang : options.lang, options.from, options.limits);
      WriteOptions write_options;
      write_options.theme = &theme;
      write_options.resource_directory = input.path.has_parent_path() ? input.path.parent_path() : ".";
      write_options.allow_outside_images = options.allow_outside_images;
      write_options.source_file = input.path.string();
      write_options.max_pages = options.limits.max_pages;
      write_options.max_image_pixels = options.limits.max_image_megapixels * 1'000'000;
      write_options.modified_time = resolve_build_time(input.read.document.meta, input.modification_time);
      Diagnostics warnings;
      write_options.warnings = &warnings;
      // Laid out once: the PDF draws these pages, the EPUB marks where each begins.
      write_options.pages = layout_pages(write_options, input.read.document);
      // Every output is made before any is written, so a failure leaves
      // all of the previous outputs as they were.
      std::vector<std::pair<std::filesystem::path, std::string>> outputs;
      for (OutputFormat format : formats_named(options.format)) {
        std::filesystem::path target = std::filesystem::path(options.output_directory) /
                                       (input.path.stem().string() + "." + file_extension(format));
        outputs.emplace_back(target, write_document(format, write_options, input.read.document));
      }
      print_diagnostics(warnings);
      for (const auto& [target, bytes] : outputs) {
        write_file_atomically(target, bytes);
        // Flushed: a script watching a long batch sees each output as it lands.
        std::cout << target.string() << std::endl;
      }
    } catch (const Error& error) {
      if (error.kind() == ErrorKind::usage) throw;
      std::cerr << "galley: error: " << error.what() << "\n";
      ++failures;
    }
  }
  return failures == 0 ? 0 : exit_bad_input;
}

struct PreviewOptions {
  std::string input;
  std::string style = "article";
  std::size_t pages = 1;
  std::string output_directory = "output";
  double dots_per_inch = 100;
  std::string lang;
  std::string from;
  InputLimits limits;
};

// PNGs of the first pages, drawn by the code that draws the PDF's.
int run_preview(const PreviewOptions& options) {
  style::Theme theme = style::load_theme(options.style);
  print_diagnostics(layout::check_theme_fonts(theme));
  LoadedInput input =
      load_input(options.input, options.lang.empty() ? theme.lang : options.lang, options.from, options.limits);
  image::ImageCache images({input.path.has_parent_path() ? input.path.parent_path() : ".", false, input.path.string(),
                            options.limits.max_image_megapixels * 1'000'000});
  layout::ImageLoader load_image = [&images](const std::string& src) { return images.get(src); };
  layout::PagedDocument pages = layout::layout_document(input.read.document, theme, load_image);
  check_page_limit(pages, options.limits, input.path.string());
  std::vector<std::string> pngs =
      pdf::detail::render_png_pages(pages, options.pages, options.dots_per_inch, input.path.string());
  prepare_output_directory(options.output_directory);
  for (std::size_t index = 0; index < pngs.size(); ++index) {
    std::filesystem::path target = std::filesystem::path(options.output_directory) /
                                   (input.path.stem().string() + "-" + std::to_string(index + 1) + ".png");
    write_file_atomically(target, pngs[index]);
    std::cout << target.string() << "\n";
  }
  return 0;
}

struct InspectOptions {
  std::string input;
  std::string lang;
  std::string style = "article";
  bool json = false;
  bool layout = false;
  std::string from;
  InputLimits limits;
};

int run_inspect(const InspectOptions& options) {
  style::Theme theme = style::load_theme(options.style);
  LoadedInput input =
      load_input(options.input, options.lang.empty() ? theme.lang : options.lang, options.from, options.limits);
  const doc::Document& document = input.read.document;
  if (options.layout) {
    // With the images, so figures take the room they take in the PDF.
    image::ImageCache images({input.path.has_parent_path() ? input.path.parent_path() : ".", false,
                              input.path.string(), options.limits.max_image_megapixels * 1'000'000});
    layout::ImageLoader load_image = [&images](const std::string& src) { return images.get(src); };
    layout::PagedDocument pages = layout::layout_document(document, theme, load_image);
    check_page_limit(pages, options.limits, input.path.string());
    std::cout << layout::dump_layout(pages);
    return 0;
  }
  if (options.json) {
    std::cout << document_to_json(document);
    return 0;
  }
  std::cout << "title: " << document.meta.title << "\n";
  std::cout << document.blocks.size() << " blocks, " << document.footnotes.size() << " footnotes\n";
  std::cout << "(use --json for the whole document)\n";
  return 0;
}

int run(int argc, char** argv) {
  CLI::App app{"galley: typesets news articles into print-quality PDF and accessible EPUB 3"};
  app.set_version_flag("--version", "galley " GALLEY_VERSION);
  app.require_subcommand(1);

  BuildOptions build;
  CLI::App* build_command = app.add_subcommand("build", "Convert articles to PDF and EPUB");
  build_command->add_option("inputs", build.inputs, "Article files (.txt, .md, .xml)")->required();
  build_command->add_option("-o,--output", build.output_directory, "Output directory")->capture_default_str();
  build_command->add_option("--format", build.format, "What to make")
      ->check(CLI::IsMember({"pdf", "epub", "all"}))
      ->capture_default_str();
  build_command->add_option("--style", build.style, "Built-in theme name or path to a theme file")
      ->capture_default_str();
  build_command->add_option("--lang", build.lang, "Language when the article names none (BCP 47, e.g. en-GB)");
  build_command->add_option("--from", build.from, "Input format, instead of guessing from the extension")
      ->check(CLI::IsMember({"plain", "markdown", "nitf"}));
  build_command->add_flag("--allow-outside-images", build.allow_outside_images,
                          "Allow images outside the article's folder (absolute paths, ../)");
  add_limit_options(build_command, build.limits);

  InspectOptions inspect;
  CLI::App* inspect_command = app.add_subcommand("inspect", "Show how galley reads and sets an article");
  inspect_command->add_option("input", inspect.input, "Article file")->required();
  inspect_command->add_flag("--json", inspect.json, "Print the parsed document as JSON");
  inspect_command->add_flag("--layout", inspect.layout, "Print the page layout, a line per item");
  inspect_command->add_option("--style", inspect.style, "Theme for --layout")->capture_default_str();
  inspect_command->add_option("--lang", inspect.lang, "Language when the article names none");
  inspect_command->add_option("--from", inspect.from, "Input format, instead of guessing from the extension")
      ->check(CLI::IsMember({"plain", "markdown", "nitf"}));
  add_limit_options(inspect_command, inspect.limits);

  CLI::App* styles_command = app.add_subcommand("styles", "List the built-in themes");

  PreviewOptions preview;
  CLI::App* preview_command = app.add_subcommand("preview", "Draw the first pages as PNG images");
  preview_command->add_option("input", preview.input, "Article file")->required();
  preview_command->add_option("--style", preview.style, "Built-in theme name or path to a theme file")
      ->capture_default_str();
  preview_command->add_option("--pages", preview.pages, "How many pages, from the first")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  preview_command->add_option("--dpi", preview.dots_per_inch, "Resolution of the images")
      ->check(CLI::Range(10.0, 600.0))
      ->capture_default_str();
  preview_command->add_option("-o,--output", preview.output_directory, "Output directory")->capture_default_str();
  preview_command->add_option("--lang", preview.lang, "Language when the article names none");
  preview_command->add_option("--from", preview.from, "Input format, instead of guessing from the extension")
      ->check(CLI::IsMember({"plain", "markdown", "nitf"}));
  add_limit_options(preview_command, preview.limits);

  std::vector<std::string> check_files;
  CLI::App* check_command =
      app.add_subcommand("check", "Check EPUBs (epubcheck, Ace by DAISY) and PDFs (qpdf) with what is installed");
  check_command->add_option("files", check_files, "EPUB and PDF files")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : exit_usage;
  }

  if (*build_command) return run_build(build);
  if (*inspect_command) return run_inspect(inspect);
  if (*preview_command) return run_preview(preview);
  if (*check_command) return run_check(check_files);
  if (*styles_command) {
    for (const std::string& name : style::builtin_theme_names())
      std::cout << name << "\t" << style::load_theme(name).description << "\n";
    return 0;
  }
  return exit_usage;
}

}  // namespace
}  // namespace galley::app

int main(int argc, char** argv) {
  try {
    return galley::app::run(argc, argv);
  } catch (const galley::Error& error) {
    std::cerr << "galley: error: " << error.what() << "\n";
    return error.kind() == galley::ErrorKind::usage ? galley::app::exit_usage : galley::app::exit_bad_input;
  } catch (const std::exception& error) {
    std::cerr << "galley: internal error: " << error.what() << "\n";
    return galley::app::exit_bad_input;
  }
}
