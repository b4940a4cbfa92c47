// Loading articles and the other chores the commands share (app/inputs.hpp).
#include "app/inputs.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace galley::app {

volatile std::sig_atomic_t stop_signal = 0;

namespace {

extern "C" void on_stop_signal(int signal_number) {
  if (stop_signal != 0) {
    remove_pending_temporary_file();
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
    return;
  }
  stop_signal = signal_number;
}

}  // namespace

void handle_stop_signals(void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler ? handler : on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

void add_limit_options(CLI::App* command, ConversionSettings& settings) {
  Limits& limits = settings.limits;
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
  command->add_flag("--recover", settings.recover,
                    "XML cut short: keep what comes before the damage, with a warning, instead of an error");
  command
      ->add_option_function<std::string>(
          "--missing-images",
          [&settings](const std::string& name) { settings.missing_images = *missing_images_named(name); },
          "An image that cannot be used (missing, unreadable, not PNG or JPEG, damaged): fail (the default) stops "
          "the article; describe warns and sets the figure as its caption and alt text")
      ->check(CLI::IsMember(missing_images_names()));
}

void add_metadata_options(CLI::App* command, ConversionSettings& settings) {
  command
      ->add_option("-M,--metadata", settings.metadata,
                   "KEY=VALUE: set the article's title, subtitle, author, date, lang, publisher, rights, identifier, "
                   "description, keywords, section or source, over what the article says (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--metadata-file", settings.metadata_file,
                      "A YAML (.yaml, .yml) or TOML (.toml) file of the same keys, read before -M");
}

void add_print_options(CLI::App* command, PrintOverrides& print) {
  command->add_option("--bleed", print.bleed, "Bleed beyond the trim on each side, e.g. 3mm or 0.125in (default: the theme's)");
  command->add_flag("--marks", print.marks, "Crop and registration marks and a slug line outside the bleed");
  command->add_flag("--no-marks", print.no_marks, "No printer's marks, whatever the theme says")->excludes("--marks");
}

void apply_print_overrides(style::Theme& theme, const PrintOverrides& print) {
  if (!print.bleed.empty()) {
    const std::optional<double> points = style::parse_length(print.bleed);
    if (!points || *points < 0 || *points > 36)
      throw Error(ErrorKind::usage, "", "--bleed " + print.bleed + ": not a length from 0 to 0.5in, such as 3mm or 0.125in");
    theme.page.bleed = *points;
  }
  if (print.marks) theme.page.marks = true;
  if (print.no_marks) theme.page.marks = false;
}

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics)
    std::cerr << "galley: warning: " << format_location(diagnostic.file, diagnostic.line, diagnostic.message) << "\n";
}

std::optional<InputFormat> input_format_named(const std::string& name) { return galley::input_format_named(name); }

LoadedInput load_input(const std::filesystem::path& path, const std::string& default_lang,
                       const ConversionSettings& settings) {
  // "-" is standard input.
  const bool standard_input = path == "-";
  std::ifstream opened;
  if (!standard_input) opened.open(path, std::ios::binary);
  std::istream& file = standard_input ? std::cin : opened;
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw Error(ErrorKind::bad_input, path.string(), "is a directory, not an article");
  if (!file) throw Error(ErrorKind::io, path.string(), "cannot be opened for reading");
  const Limits& limits = settings.limits;
  // Checked while reading, not from the size on disk: a pipe has none.
  const std::uintmax_t max_bytes = limits.max_input_bytes();
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
  // Only a regular file's time dates it: standard input, a pipe or a device
  // (/dev/stdin) has none worth keeping, so without a date in the article or
  // SOURCE_DATE_EPOCH it gets the fixed epoch, never the clock's time.
  struct stat status {};
  if (!standard_input && stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode))
    input.modification_time = static_cast<std::int64_t>(status.st_mtime);
  ReadOptions options{path.string(), default_lang, limits.max_depth};
  options.recover = settings.recover;
  const std::optional<InputFormat> forced = input_format_named(settings.from);
  input.read = read_document(forced ? *forced : detect_input_format(path, content), options, content);
  print_diagnostics(input.read.diagnostics);
  return input;
}

std::vector<std::filesystem::path> articles_in_directory(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> articles;
  std::error_code error;
  for (std::filesystem::directory_iterator entry(directory, error), end; !error && entry != end; entry.increment(error)) {
    const std::filesystem::path& path = entry->path();
    const std::string name = path.filename().string();
    if (name.empty() || name.front() == '.' || !has_article_extension(path)) continue;
    if (!entry->is_regular_file(error)) continue;
    articles.push_back(path);
  }
  if (error) throw Error(ErrorKind::io, directory.string(), "cannot be listed: " + error.message());
  std::sort(articles.begin(), articles.end(),
            [](const std::filesystem::path& a, const std::filesystem::path& b) { return a.native() < b.native(); });
  return articles;
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

}  // namespace galley::app
