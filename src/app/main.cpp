// galley's command-line front end: parses the command line with CLI11 and
// calls the library. Exit codes: 0 success, 1 bad input or failed
// conversion, 2 bad usage.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <csignal>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/batch.hpp"
#include "app/check.hpp"
#include "app/convert_article.hpp"
#include "app/edition_command.hpp"
#include "app/huge_pages.hpp"
#include "app/inputs.hpp"
#include "app/json.hpp"
#include "app/manifest.hpp"
#include "app/verify.hpp"
#include "galley/galley.hpp"
#include "galley/layout.hpp"
#include "galley/print.hpp"
#include "render/draw.hpp"
#include "style/builtin_themes.hpp"

namespace galley::app {
namespace {

// `build DIR --edition [MANIFEST]`: the folder's articles as one PDF and one EPUB.
int run_edition(const BuildOptions& options) {
  if (options.inputs.size() != 1)
    throw Error(ErrorKind::usage, "", "--edition takes one folder of articles, not " +
                                          std::to_string(options.inputs.size()) + " inputs");
  BuildOptions resolved = options;
  resolve_outputs(resolved);
  EditionBuildOptions edition;
  edition.directory = options.inputs.front();
  edition.manifest = *options.edition;
  edition.output_directory = resolved.output_directory;
  edition.format = options.format;
  if (options.style_given) edition.style = options.style;
  edition.conversion = options.conversion;
  edition.timings = options.timings;
  edition.print = options.print;
  return run_edition_build(edition);
}

struct PreviewOptions {
  std::string input;
  std::string style = "article";
  std::size_t pages = 1;
  std::string output_directory = "output";
  double dots_per_inch = 100;
  ConversionSettings conversion;  // --lang, --from, the limits
};

// PNGs of the first pages, drawn by the code that draws the PDF's.
int run_preview(const PreviewOptions& options) {
  style::Theme theme = style::load_theme(options.style);
  print_diagnostics(layout::check_theme_fonts(theme));
  ArticleConversion conversion = convert_article(options.input, theme, options.conversion);
  const LoadedInput& input = conversion.input();
  std::vector<std::string> pngs =
      render::render_png_pages(conversion.pages(), options.pages, options.dots_per_inch, input.path.string());
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
  std::string style = "article";
  bool json = false;
  bool layout = false;
  bool explain = false;
  std::optional<std::string> edition;  // --edition [MANIFEST]: input is a folder, set as one edition
  bool style_given = false;
  ConversionSettings conversion;  // --lang, --from, the limits
};

int run_inspect(const InspectOptions& options) {
  if (options.edition) {
    EditionBuildOptions edition;
    edition.directory = options.input;
    edition.manifest = *options.edition;
    if (options.style_given) edition.style = options.style;
    edition.conversion = options.conversion;
    return run_edition_layout_inspect(edition);
  }
  style::Theme theme = style::load_theme(options.style);
  ArticleConversion conversion = convert_article(options.input, theme, options.conversion);
  const LoadedInput& input = conversion.input();
  const doc::Document& document = input.read.document;
  if (options.explain) {
    // Why the reader took what it took: to stderr, so --json stays JSON.
    if (input.read.explanation.empty())
      std::cerr << "galley: explain: " << input.path.string() << ": the whole file is the article\n";
    for (const std::string& line : input.read.explanation)
      std::cerr << "galley: explain: " << input.path.string() << ": " << line << "\n";
  }
  if (options.layout) {
    // With the images, so figures take the room they take in the PDF.
    std::cout << layout::dump_layout(conversion.pages());
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

struct ImposeCommand {
  std::string input, output;
  bool booklet = false;
  int n_up = 0;
  std::string sheet, creep;
};

// `galley impose IN.pdf -o OUT.pdf --booklet | --n-up 2|4`.
int run_impose(const ImposeCommand& command) {
  print::ImposeOptions options;
  if (command.booklet) options.layout = print::Imposition::booklet;
  else if (command.n_up == 2) options.layout = print::Imposition::two_up;
  else if (command.n_up == 4) options.layout = print::Imposition::four_up;
  else throw Error(ErrorKind::usage, "", "impose needs --booklet or --n-up 2|4");
  if (!command.sheet.empty()) {
    options.sheet = print::sheet_size_named(command.sheet);
    if (!options.sheet)
      throw Error(ErrorKind::usage, "", "--sheet " + command.sheet + ": not a4, a3, letter or tabloid");
  }
  if (!command.creep.empty()) {
    const std::optional<double> creep = style::parse_length(command.creep);
    if (!creep || *creep < 0 || *creep > 36)
      throw Error(ErrorKind::usage, "", "--creep " + command.creep + ": not a length from 0 to 0.5in, such as 0.5mm");
    options.creep = *creep;
  }
  std::ifstream file(command.input, std::ios::binary);
  if (!file) throw Error(ErrorKind::bad_input, command.input, "cannot be read");
  std::ostringstream bytes;
  bytes << file.rdbuf();
  const std::string imposed = print::impose(bytes.str(), options, command.input);
  write_file_atomically(command.output, imposed);
  std::cout << command.output << "\n";
  return 0;
}

// The option of the command being parsed nearest to an unknown one the
// error names ("--frmo" -> "--from"), or empty.
std::string nearest_option(CLI::App& app, const CLI::ExtrasError& error) {
  CLI::App* command = &app;
  for (CLI::App* parsed = &app; parsed;) {
    command = parsed;
    const std::vector<CLI::App*> chosen = parsed->get_subcommands();
    parsed = chosen.empty() ? nullptr : chosen.front();
  }
  std::vector<std::string> names;
  for (const CLI::Option* option : command->get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  // The unknown arguments are quoted after a colon in CLI11's message.
  const std::string message = error.what();
  std::size_t start = message.find_last_of(':');
  if (start == std::string::npos) return {};
  std::string unknown = message.substr(start + 1);
  unknown.erase(0, unknown.find_first_not_of(' '));
  unknown = unknown.substr(0, unknown.find(' '));
  if (unknown.rfind("-", 0) != 0) return {};
  return style::nearest_name(unknown.substr(0, unknown.find('=')), names);
}

int run(int argc, char** argv) {
  CLI::App app{"galley: typesets news articles into print-quality PDF and accessible EPUB 3"};
  app.set_version_flag("-V,--version", "galley " GALLEY_VERSION);
  app.require_subcommand(1);

  BuildOptions build;
  CLI::App* build_command = app.add_subcommand("build", "Convert articles to PDF and EPUB");
  build_command->add_option("inputs", build.inputs, "Article files (.txt, .md, .xml, .html, .docx, .odt) and folders of them");
  build_command
      ->add_option("-o,--output", build.outputs,
                   "Output folder (default: output), or the file to write: FILE.pdf, FILE.epub (both: give -o "
                   "twice), - for standard output (with --format pdf or epub)")
      ->allow_extra_args(false);
  build_command->add_option("--format", build.format, "What to make")
      ->check(CLI::IsMember({"pdf", "epub", "all"}))
      ->capture_default_str();
  build_command->add_option("--style", build.style, "Built-in theme name or path to a theme file")
      ->capture_default_str();
  build_command->add_option("--lang", build.conversion.lang, "Language when the article names none (BCP 47, e.g. en-GB)");
  build_command->add_option("--from", build.conversion.from, "Input format, instead of guessing from the extension")
      ->check(CLI::IsMember(input_format_names()));
  build_command->add_flag("--allow-outside-images", build.conversion.allow_outside_images,
                          "Allow images outside the article's folder (absolute paths, ../)");
  build_command
      ->add_option("--edition", build.edition,
                   "Make the folder's articles one edition (one PDF, one EPUB), as its edition.toml/.yaml or the "
                   "given manifest says")
      ->expected(0, 1);
  build_command->add_flag("--timings", build.timings, "Print how long each stage took");
  add_limit_options(build_command, build.conversion);
  add_metadata_options(build_command, build.conversion);
  add_print_options(build_command, build.print);
  build_command->add_option("-j,--jobs", build.jobs, "Articles converted at once (default: one per core)")
      ->check(CLI::Range(1, 1024));
  build_command->add_option("--shard", build.shard, "Convert only the K-th of N slices of the inputs (K/N)")
      ->check(shard_validator());
  build_command->add_flag("-q,--quiet", build.quiet, "No progress display");
  build_command->add_flag("--force", build.force,
                          "Build every article, even those the output folder's manifest shows unchanged");
  build_command->add_flag("--bag", build.bag,
                          "Write the output folder as a BagIt bag (RFC 8493): outputs and manifest.json in data/");
  build_command->add_flag("--batch-worker", build.batch_worker)->group("");  // internal: see app/batch.hpp

  InspectOptions inspect;
  CLI::App* inspect_command = app.add_subcommand("inspect", "Show how galley reads and sets an article");
  inspect_command->add_option("input", inspect.input, "Article file (with --edition, a folder of articles)")->required();
  CLI::Option* json_option = inspect_command->add_flag("--json", inspect.json, "Print the parsed document as JSON");
  inspect_command->add_flag("--explain", inspect.explain,
                            "Say how the article was found in a web page: the container chosen, its score, what was "
                            "dropped and why (to standard error)");
  // The layout dump is text; asked for as JSON it is refused, never printed as something else.
  CLI::Option* layout_option =
      inspect_command->add_flag("--layout", inspect.layout, "Print the page layout, a line per item (text, not JSON)")
          ->excludes(json_option);
  inspect_command
      ->add_option("--edition", inspect.edition,
                   "With --layout: set the folder's articles as one edition, as build --edition does, and print "
                   "each story's module (page, rectangle in points, columns, story, jumps), then the pages")
      ->expected(0, 1)
      ->needs(layout_option);
  inspect_command->add_option("--style", inspect.style, "Theme for --layout")->capture_default_str();
  inspect_command->add_option("--lang", inspect.conversion.lang, "Language when the article names none");
  inspect_command->add_option("--from", inspect.conversion.from, "Input format, instead of guessing from the extension")
      ->check(CLI::IsMember(input_format_names()));
  add_limit_options(inspect_command, inspect.conversion);
  add_metadata_options(inspect_command, inspect.conversion);

  std::string style_to_print;
  CLI::App* styles_command =
      app.add_subcommand("styles", "List the built-in themes, or print one's TOML to copy and change");
  styles_command->add_option("name", style_to_print, "A built-in theme: its TOML is printed");

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
  preview_command->add_option("--lang", preview.conversion.lang, "Language when the article names none");
  preview_command->add_option("--from", preview.conversion.from, "Input format, instead of guessing from the extension")
      ->check(CLI::IsMember(input_format_names()));
  add_limit_options(preview_command, preview.conversion);
  add_metadata_options(preview_command, preview.conversion);

  std::vector<std::string> check_files;
  bool check_print = false;
  std::string check_bleed;
  CLI::App* check_command =
      app.add_subcommand("check", "Check EPUBs (epubcheck, Ace by DAISY) and PDFs (qpdf) with what is installed");
  check_command->add_option("files", check_files, "EPUB and PDF files")->required();
  check_command->add_flag("--print", check_print,
                          "Preflight PDFs for print: boxes, bleed, fonts, image resolution, thin lines, text near "
                          "the trim, booklet page count");
  std::vector<std::string> check_allow_missing;
  check_command
      ->add_option("--allow-missing", check_allow_missing,
                   "A checker (epubcheck, ace, qpdf) whose absence is not a finding (repeatable)")
      ->check(CLI::IsMember({"epubcheck", "ace", "qpdf"}, CLI::ignore_case))
      ->allow_extra_args(false);
  check_command->add_option("--bleed", check_bleed, "With --print: the bleed every page must have (e.g. 3mm)")
      ->needs("--print");

  ImposeCommand impose;
  CLI::App* impose_command =
      app.add_subcommand("impose", "Lay a PDF's pages out on sheets: a saddle-stitched booklet or n-up proofs");
  impose_command->add_option("input", impose.input, "The PDF to impose")->required();
  impose_command->add_option("-o,--output", impose.output, "The imposed PDF")->required();
  CLI::Option* booklet_option =
      impose_command->add_flag("--booklet", impose.booklet, "Two pages a side of a landscape sheet, in folding order");
  impose_command->add_option("--n-up", impose.n_up, "Proof sheets of 2 or 4 pages a side, in reading order")
      ->check(CLI::IsMember({2, 4}))
      ->excludes(booklet_option);
  impose_command->add_option("--sheet", impose.sheet, "Paper: a4, a3, letter or tabloid (default: the pages' size)");
  impose_command->add_option("--creep", impose.creep, "Booklets: how far the innermost pages move to the spine (e.g. 0.5mm)")
      ->needs(booklet_option);

  std::string verify_path;
  CLI::App* verify_command = app.add_subcommand(
      "verify", "Check an archive against its manifest (or a BagIt bag): missing, changed and unlisted files");
  verify_command->add_option("path", verify_path, "A folder a batch wrote, its manifest.json, or a bag")->required();

  CLI::App* manifest_command = app.add_subcommand("manifest", "Work with batch manifests");
  manifest_command->require_subcommand(1);
  std::vector<std::string> merge_files;
  std::string merge_output;
  CLI::App* merge_command =
      manifest_command->add_subcommand("merge", "Merge the shards' manifests into the whole batch's manifest");
  merge_command->add_option("manifests", merge_files, "manifest-K-of-N.json of every shard")->required();
  merge_command->add_option("-o,--output", merge_output, "The merged manifest to write")->required();

  std::string help_topic;
  CLI::App* help_command = app.add_subcommand("help", "Show the help of galley or of one of its commands");
  help_command->add_option("command", help_topic, "A command: build, inspect, styles, preview, check, ...");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ExtrasError& error) {
    // An unknown option: answered with the nearest one the command knows.
    const std::string nearest = nearest_option(app, error);
    if (nearest.empty()) return app.exit(error) == 0 ? 0 : exit_usage;
    std::cerr << "galley: error: " << error.what() << "; did you mean " << nearest << "?\n";
    return exit_usage;
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : exit_usage;
  }

  if (*help_command) {
    if (help_topic.empty()) {
      std::cout << app.help();
      return 0;
    }
    for (CLI::App* command : app.get_subcommands({}))
      if (command->get_name() == help_topic) {
        std::cout << command->help();
        return 0;
      }
    std::vector<std::string> names;
    for (CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
    const std::string nearest = style::nearest_name(help_topic, names);
    throw Error(ErrorKind::usage, "help",
                "no command \"" + help_topic + "\"" + (nearest.empty() ? "" : "; did you mean " + nearest + "?"));
  }

  if (*build_command) {
    build.style_given = build_command->count("--style") > 0;
    return build.edition ? run_edition(build) : run_build(build);
  }
  if (*inspect_command) {
    inspect.style_given = inspect_command->count("--style") > 0;
    return run_inspect(inspect);
  }
  if (*preview_command) return run_preview(preview);
  if (*check_command) {
    for (std::string& name : check_allow_missing)
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return check_print ? run_print_check(check_files, check_bleed) : run_check(check_files, check_allow_missing);
  }
  if (*impose_command) return run_impose(impose);
  if (*verify_command) return run_verify(verify_path);
  if (*merge_command) return run_manifest_merge(merge_files, merge_output);
  if (*styles_command) {
    if (!style_to_print.empty()) {
      const std::vector<std::string> names = style::builtin_theme_names();
      if (std::find(names.begin(), names.end(), style_to_print) == names.end()) {
        const std::string nearest = style::nearest_name(style_to_print, names);
        throw Error(ErrorKind::usage, "styles",
                    "no built-in theme \"" + style_to_print + "\"" +
                        (nearest.empty() ? "" : "; did you mean " + nearest + "?"));
      }
      for (const style::detail::BuiltinTheme& theme : style::detail::builtin_themes())
        if (theme.name == style_to_print) std::cout << theme.toml_text;
      return 0;
    }
    for (const std::string& name : style::builtin_theme_names())
      std::cout << name << "\t" << style::load_theme(name).description << "\n";
    return 0;
  }
  return exit_usage;
}

}  // namespace
}  // namespace galley::app

int main(int argc, char** argv) {
  galley::app::use_huge_pages_for_the_heap();
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
