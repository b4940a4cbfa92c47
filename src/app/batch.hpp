// `galley build`: one article, or a batch of them (files and folders), each
// converted on its own. A batch runs in worker processes, because Pango and
// fontconfig keep process-global state and are not thread-safe; a crash
// then costs one article, not the batch.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/inputs.hpp"

namespace galley::app {

// What `galley build` was asked. A worker process gets every field but
// `inputs`, `jobs`, `shard`, `quiet`, `force`, `bag` and the edition's on its command line (see
// worker_arguments in batch.cpp): a new field that changes how an article is
// converted must be passed there too.
struct BuildOptions {
  std::vector<std::string> inputs;  // article files and folders of articles
  // -o as given (repeatable); resolve_outputs makes it the folder or the files.
  std::vector<std::string> outputs;
  std::string output_directory = "output";
  // -o FILE.pdf, -o FILE.epub, -o - (standard output): exactly these files,
  // in formats_named(format)'s order; empty: the outputs go in output_directory.
  std::vector<std::string> output_files;
  std::string format = "all";
  std::string style = "article";
  ConversionSettings conversion;  // --lang, --from, --allow-outside-images, the limits
  PrintOverrides print;  // --bleed, --marks
  unsigned jobs = 0;   // worker processes; 0: one per core this process may use
  std::string shard;   // "K/N": only the K-th (1-based) of N slices; empty: all
  bool quiet = false;  // no progress display (errors and warnings still print)
  // An article whose input, settings and outputs are those the output
  // folder's manifest records is kept, not rebuilt, unless `force`.
  bool force = false;
  // The output folder as a BagIt bag (RFC 8493): the outputs and manifest.json
  // in its data/ folder, the bag's tag files beside it.
  bool bag = false;
  // Internal: this process is a worker of a batch (see run_build).
  bool batch_worker = false;
  // An edition instead (main.cpp's run_edition): --edition, with the
  // manifest's path or empty; whether --style was given; --timings.
  std::optional<std::string> edition;
  bool style_given = false;
  bool timings = false;
};

// Makes -o (options.outputs) the output folder or the output files: a
// name ending in .pdf or .epub (not an existing folder, no trailing '/')
// is that file, its format from the extension; "-" is standard output
// (--format pdf or epub, never a terminal); anything else is a folder.
// Throws Error(usage) for files with several inputs, a folder or an edition,
// two files of one format, or a format the file names contradict.
void resolve_outputs(BuildOptions& options);

// Converts the inputs; returns the exit code (0, 1 when an article failed,
// 128 + the signal when SIGINT or SIGTERM stopped it). Throws galley::Error
// for a wrong request (usage: exit 2), before any article is converted.
int run_build(const BuildOptions& options);

// Reads "--shard K/N": {K, N} with 1 <= K <= N; a usage error otherwise.
std::pair<std::size_t, std::size_t> parse_shard(const std::string& text);
// parse_shard as a check on the command line, so "" is refused as well.
CLI::Validator shard_validator();

}  // namespace galley::app
