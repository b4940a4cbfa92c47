// `galley build` (app/batch.hpp): one article converted here, or a batch
// planned (app/batch_plan.hpp), the articles that have not changed since the
// last run kept (app/incremental.hpp), the others run in worker processes
// (app/worker_pool.hpp) with a progress display (app/progress.hpp), and all
// recorded in a manifest (app/batch_record.hpp, app/manifest.hpp), in a
// BagIt bag if asked (app/bag.hpp).
#include "app/batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <set>

#include "app/bag.hpp"
#include "app/batch_plan.hpp"
#include "app/batch_record.hpp"
#include "app/convert_article.hpp"
#include "app/incremental.hpp"
#include "app/manifest.hpp"
#include "app/progress.hpp"
#include "app/sha256.hpp"
#include "app/stage_clock.hpp"
#include "app/unique_fd.hpp"
#include "app/worker_pool.hpp"
#include "app/worker_protocol.hpp"
#include "galley/layout.hpp"

namespace galley::app {
namespace {

namespace fs = std::filesystem;

// The images an article names in files beside it (its figures', its cover),
// each with the sum of its file now, for the manifest: a rebuild checks them
// too. Images the input carries inside itself are in its own sum already.
// A missing one is recorded with no sum, so that its arrival rebuilds the
// article (--missing-images=describe set it without).
std::vector<ImageRecord> images_named(const std::set<std::string>& named, const doc::Document& document,
                                      const fs::path& directory) {
  std::vector<ImageRecord> images;
  for (const std::string& src : named) {
    if (document.embedded_images.contains(src)) continue;
    std::optional<FileSum> sum = sha256_of_file(image_path(src, directory));
    images.push_back({src, sum ? sum->sha256 : ""});
  }
  return images;
}

// Converts articles one at a time with one theme; what each conversion
// made or why it failed is returned, never thrown.
class ArticleConverter {
 public:
  explicit ArticleConverter(const BuildOptions& options)
      : options_(options), theme_(style::load_theme(options.style)) {
    apply_print_overrides(theme_, options.print);
  }

  const style::Theme& theme() const { return theme_; }

  ArticleResult convert(const fs::path& source) const {
    try {
      return convert_or_throw(source);
    } catch (const Error& error) {
      return failed(kind_name(error.kind()), error.what());
    } catch (const std::exception& error) {
      return failed("internal", source.string() + ": " + error.what());
    }
  }

 private:
  ArticleResult convert_or_throw(const fs::path& source) const {
    StageClock clock(options_.timings);
    ArticleConversion conversion = convert_article(source, theme_, options_.conversion, &clock);
    const doc::Document& document = conversion.document();
    conversion.pages();
    // Every output is made before any is written, so a failure leaves
    // all of the previous outputs as they were.
    std::vector<std::pair<fs::path, std::string>> outputs;
    std::vector<fs::path> targets = output_targets(options_, source);
    const std::vector<OutputFormat> formats = formats_named(options_.format);
    for (std::size_t index = 0; index < formats.size(); ++index)
      outputs.emplace_back(targets[index], conversion.write(formats[index]));
    print_diagnostics(conversion.warnings());

    const BuildTime& build_time = conversion.build_time();
    ArticleResult result;
    result.identifier = document.meta.identifier.empty() ? derive_identifier(document) : document.meta.identifier;
    result.pages = conversion.pages().pages.size();
    result.modified = build_time.seconds;
    result.dated_by = build_time.source == BuildTimeSource::article             ? "article"
                      : build_time.source == BuildTimeSource::source_date_epoch ? "SOURCE_DATE_EPOCH"
                                                                                : "file";
    result.publisher = document.meta.publisher;
    result.images = images_named(conversion.named_images(), document, conversion.write_options().resource_directory);
    for (const auto& [target, bytes] : outputs) {
      if (target == "-") {
        // Standard output (-o -): the bytes, and nothing listed after them.
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        if (!std::cout) throw Error(ErrorKind::io, "-", "standard output cannot be written");
        continue;
      }
      write_file_atomically(target, bytes);
      result.outputs.push_back({target.string(), sha256_hex(bytes), bytes.size()});
    }
    clock.lap("writing");
    result.converted = true;
    return result;
  }

  const BuildOptions& options_;
  style::Theme theme_;
};

// The worker's side: jobs on stdin, reports on stdout. Its stdout is the
// channel to the parent, so anything else a library might print there goes
// to stderr instead.
int run_worker(const BuildOptions& options) {
  ArticleConverter converter(options);
  UniqueFd reports(dup(STDOUT_FILENO));
  if (!reports || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) fail_system("dup");
  // The first signal (forwarded by the parent) ends the loop after the
  // article at hand; a second removes the temporary file and ends at once.
  handle_stop_signals();
  std::string line;
  while (stop_signal == 0 && std::getline(std::cin, line))
    write_all(reports.get(), encode_result(converter.convert(unescaped(line))));
  return 0;
}

// What decides an article's bytes besides the article itself (the manifest
// records it; an incremental rebuild keeps nothing made with other settings).
BatchSettings batch_settings(const BuildOptions& options, const style::Theme& theme) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  const ConversionSettings& conversion = options.conversion;
  BatchSettings settings{{"format", options.format},
          {"theme", theme.name},
          {"theme_sha256", sha256_hex(theme.source_text)},
          {"lang", conversion.lang},
          {"from", conversion.from},
          {"allow_outside_images", conversion.allow_outside_images ? "true" : "false"},
          {"max_input_mb", std::to_string(conversion.limits.max_input_megabytes)},
          {"max_depth", std::to_string(conversion.limits.max_depth)},
          {"max_pages", std::to_string(conversion.limits.max_pages)},
          {"max_image_megapixels", std::to_string(conversion.limits.max_image_megapixels)},
          {"source_date_epoch", epoch ? epoch : ""}};
  // Only when asked, so that the settings of a build without them read as before.
  if (!options.print.bleed.empty()) settings.emplace_back("bleed", options.print.bleed);
  if (options.print.marks || options.print.no_marks) settings.emplace_back("marks", options.print.marks ? "true" : "false");
  if (conversion.recover) settings.emplace_back("recover", "true");
  if (conversion.missing_images == MissingImages::describe) settings.emplace_back("missing_images", "describe");
  if (!conversion.metadata.empty()) {
    std::string pairs;
    for (const std::string& pair : conversion.metadata) pairs += (pairs.empty() ? "" : "\n") + pair;
    settings.emplace_back("metadata", pairs);
  }
  if (!conversion.metadata_file.empty()) settings.emplace_back("metadata_file", conversion.metadata_file);
  return settings;
}

void print_summary(const BatchRecord& record, std::size_t total, const std::vector<fs::path>& not_converted) {
  const std::vector<Failure>& failures = record.failures();
  if (!failures.empty()) {
    std::cerr << "galley: " << failures.size() << " of " << total << " articles failed:\n";
    for (const Failure& failure : failures) std::cerr << "  " << failure.error << "\n";
  }
  if (not_converted.empty()) return;
  if (stop_signal != 0) std::cerr << "galley: stopped by signal " << stop_signal << "; ";
  else std::cerr << "galley: stopped by the usage error above; ";
  std::cerr << not_converted.size() << " of " << total << " articles not converted:\n";
  constexpr std::size_t shown = 10;
  for (std::size_t index = 0; index < not_converted.size() && index < shown; ++index)
    std::cerr << "  " << not_converted[index].string() << "\n";
  if (not_converted.size() > shown) std::cerr << "  and " << not_converted.size() - shown << " more\n";
}

bool names_output_file(const std::string& output) {
  if (output == "-") return true;
  std::error_code error;
  if (output.empty() || output.back() == '/' || fs::is_directory(output, error)) return false;
  std::string extension = fs::path(output).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".pdf" || extension == ".epub";
}

std::string format_of_output_file(const std::string& output) {
  std::string extension = fs::path(output).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".epub" ? "epub" : "pdf";
}

}  // namespace

void resolve_outputs(BuildOptions& options) {
  if (options.outputs.empty()) return;
  const bool any_file = std::any_of(options.outputs.begin(), options.outputs.end(), names_output_file);
  if (!any_file) {
    if (options.outputs.size() > 1)
      throw Error(ErrorKind::usage, "-o", "one output folder, or one file per format (FILE.pdf, FILE.epub)");
    options.output_directory = options.outputs.front();
    return;
  }
  std::error_code error;
  if (options.inputs.size() != 1 || fs::is_directory(options.inputs.front(), error) || options.edition ||
      !options.shard.empty() || options.bag)
    throw Error(ErrorKind::usage, "-o",
                "an output file (" + options.outputs.front() +
                    ") takes one article; for several, a folder, an edition or a batch, give -o a folder");
  std::string pdf, epub;
  for (const std::string& output : options.outputs) {
    if (output == "-") {
      if (options.outputs.size() > 1 || options.format == "all")
        throw Error(ErrorKind::usage, "-o -", "writes one format to standard output: add --format pdf or --format epub");
      if (isatty(STDOUT_FILENO) != 0)
        throw Error(ErrorKind::usage, "-o -", "standard output is a terminal: redirect it to a file or a pipe");
      options.output_files = {"-"};
      return;
    }
    if (!names_output_file(output))
      throw Error(ErrorKind::usage, output, "with an output file, every -o names a .pdf or .epub file");
    std::string& slot = format_of_output_file(output) == "pdf" ? pdf : epub;
    if (!slot.empty()) throw Error(ErrorKind::usage, output, "a second -o for the same format as " + slot);
    slot = output;
  }
  const std::string named = pdf.empty() ? "epub" : epub.empty() ? "pdf" : "all";
  if (options.format != "all" && options.format != named)
    throw Error(ErrorKind::usage, "--format " + options.format,
                "the -o file names " + (named == "all" ? std::string("both formats") : named));
  options.format = named;
  if (!pdf.empty()) options.output_files.push_back(pdf);
  if (!epub.empty()) options.output_files.push_back(epub);
  // The file's folder, as a folder given to -o is made.
  for (const std::string& file : options.output_files)
    if (fs::path(file).has_parent_path()) prepare_output_directory(fs::path(file).parent_path());
}

std::pair<std::size_t, std::size_t> parse_shard(const std::string& text) {
  std::size_t slash = text.find('/');
  std::optional<std::size_t> index, count;
  if (slash != std::string::npos) {
    index = number_in<std::size_t>(text.substr(0, slash));
    count = number_in<std::size_t>(text.substr(slash + 1));
  }
  if (!index || !count || *index < 1 || *index > *count)
    throw Error(ErrorKind::usage, "--shard", "expects K/N with 1 <= K <= N (e.g. 2/8), not \"" + text + "\"");
  return {*index, *count};
}

CLI::Validator shard_validator() {
  return CLI::Validator(
      [](std::string& text) {
        try {
          parse_shard(text);
          return std::string();
        } catch (const Error& error) {
          return error.message();
        }
      },
      "K/N");
}

int run_build(const BuildOptions& given) {
  BuildOptions options = given;
  resolve_outputs(options);
  if (options.batch_worker) return run_worker(options);
  if (given.inputs.empty()) throw Error(ErrorKind::usage, "build", "needs an article file or a folder of articles");
  std::optional<std::pair<std::size_t, std::size_t>> shard;
  if (!given.shard.empty()) shard = parse_shard(given.shard);
  if (shard && given.bag)
    throw Error(ErrorKind::usage, "--bag", "cannot be used with --shard: merge the shards' manifests, then bag the whole");
  // A bag's outputs and manifest go into its payload folder, data/.
  const std::string bag_directory = options.output_directory;
  if (options.bag) options.output_directory = bag_payload_directory(bag_directory).string();
  ArticleConverter converter(options);
  print_diagnostics(layout::check_theme_fonts(converter.theme()));
  if (options.output_files.empty()) prepare_output_directory(options.output_directory);
  BatchPlan plan = plan_batch(options, shard);

  if (!plan.is_batch) {
    // One article, converted here: no progress, no manifest, as ever.
    handle_stop_signals();
    Progress silent(1, Progress::Mode::none);
    BatchRecord record(silent, plan.names);
    for (const fs::path& source : plan.to_convert) record.add(source, converter.convert(source));
    // A signal during the one article let it finish: nothing was left undone.
    if (record.usage_error()) return exit_usage;
    return record.failures().empty() ? 0 : exit_bad_input;
  }

  // Shards written into one folder each keep a manifest of their own.
  const std::string shard_name = shard ? std::to_string(shard->first) + "-of-" + std::to_string(shard->second) : "";
  const fs::path output_directory(options.output_directory);
  const fs::path manifest_path = output_directory / (shard ? "manifest-" + shard_name + ".json" : "manifest.json");
  const BatchSettings settings = batch_settings(options, converter.theme());
  // The earlier run: this shard's manifest, or else the whole batch's (a merged one).
  PreviousRun previous;
  if (!options.force) {
    std::error_code error;
    previous = PreviousRun::read(fs::exists(manifest_path, error) ? manifest_path : output_directory / "manifest.json",
                                 settings);
  }

  const Progress::Mode mode = options.quiet || plan.to_convert.empty() ? Progress::Mode::none
                              : isatty(STDERR_FILENO) != 0 ? Progress::Mode::terminal
                                                            : Progress::Mode::lines;
  Progress progress(plan.total(), mode);
  BatchRecord record(progress, plan.names);
  for (const auto& [source, refusal] : plan.refused) record.add(source, refusal);
  // Each article's bytes summed before it is converted; one that has not
  // changed since the last run, and whose outputs have not, is kept.
  const unsigned jobs = options.jobs == 0 ? default_jobs() : options.jobs;
  std::vector<SourceCheck> checks = check_sources(previous, plan.to_convert, plan.names, options, jobs);
  std::vector<fs::path> to_build;
  for (std::size_t index = 0; index < plan.to_convert.size(); ++index) {
    const fs::path& source = plan.to_convert[index];
    record.note_source_sum(source, checks[index].sha256);
    if (checks[index].kept) record.keep(*checks[index].kept);
    else to_build.push_back(source);
  }
  handle_batch_stop_signals();
  std::vector<fs::path> not_converted;
  if (!to_build.empty()) {
    // Even --jobs 1 uses a worker process: a crash then costs one article.
    const std::size_t workers = std::min<std::size_t>(jobs, to_build.size());
    not_converted = run_workers(options, to_build, workers, record, progress);
  }
  progress.finish();
  print_summary(record, plan.total(), not_converted);
  if (!options.quiet)
    std::cerr << "galley: " << record.built() << " built, " << record.unchanged() << " unchanged, "
              << record.failures().size() << " failed\n";
  if (record.usage_error()) return exit_usage;
  // A signal that came while the last articles were finishing left nothing undone.
  if (!not_converted.empty()) return 128 + stop_signal;

  // A batch with no outputs leaves the folder as it was (an older manifest
  // too), but a shard always reports, so its manifest can be merged.
  if (!record.has_outputs() && !shard) return record.failures().empty() ? 0 : exit_bad_input;
  const Manifest manifest = record.manifest(settings, shard_name);
  write_file_atomically(manifest_path, manifest_json(manifest));
  if (options.bag) write_bag_tags(bag_directory, manifest);
  return record.failures().empty() ? 0 : exit_bad_input;
}

}  // namespace galley::app
