// What every command that reads articles shares: exit codes, the limits
// against hostile input, loading an input file, output folders, and the
// stop signals a batch honours between files.
#pragma once

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "galley/galley.hpp"
#include "galley/layout.hpp"

namespace galley::app {

constexpr int exit_bad_input = 1;
constexpr int exit_usage = 2;

// The signal (SIGINT, SIGTERM) that asked a build to stop, 0 while none has.
// A batch stops between files, so every output is whole; a second signal
// stops at once, removing the temporary file being written.
extern volatile std::sig_atomic_t stop_signal;
// Installs that behaviour for SIGINT and SIGTERM, or `handler` instead (a
// batch's parent forwards the signals to its workers).
void handle_stop_signals(void (*handler)(int) = nullptr);


// How every command reads and converts articles, as its command line says.
struct ConversionSettings {
  std::string lang;  // --lang: when the article names none; empty: the theme's
  std::string from;  // --from: the input format; empty: from the extension and content
  Limits limits;
  bool allow_outside_images = false;
  // --recover: keep what comes before the damage in XML cut short (a
  // warning, not an error).
  bool recover = false;
  // --missing-images: an image that cannot be used stops the article
  // (fail), or leaves its figure as its caption and alt text (describe).
  MissingImages missing_images = MissingImages::fail;
  // -M/--metadata KEY=VALUE, in order, and --metadata-file: what they say
  // overrides what the article says (app/metadata.hpp).
  std::vector<std::string> metadata;
  std::string metadata_file;
};

// --max-input-mb, --max-depth, --max-pages, --max-image-megapixels, --recover,
// --missing-images.
void add_limit_options(CLI::App* command, ConversionSettings& settings);

// -M/--metadata and --metadata-file.
void add_metadata_options(CLI::App* command, ConversionSettings& settings);

// --bleed and --marks/--no-marks, which override the theme's [page] bleed
// and marks for build (articles, batches and editions).
struct PrintOverrides {
  std::string bleed;  // a length ("3mm", "0.125in"), or empty for the theme's
  bool marks = false, no_marks = false;
};

void add_print_options(CLI::App* command, PrintOverrides& print);

// The theme with the command line's bleed and marks; a usage error for a
// bleed that is not a length from 0 to half an inch.
void apply_print_overrides(style::Theme& theme, const PrintOverrides& print);

struct LoadedInput {
  std::filesystem::path path;
  ReadResult read;
  std::int64_t modification_time = 0;  // seconds since the epoch
};

// Prints warnings as "galley: warning: FILE:LINE: message".
void print_diagnostics(const Diagnostics& diagnostics);

// A name of the registry's (galley::input_format_names), or empty to choose from the extension and content.
std::optional<InputFormat> input_format_named(const std::string& name);

// Reads and parses one article as the settings say (--from, the limits,
// --recover); warnings are printed.
// Throws galley::Error naming the file when it holds no article.
LoadedInput load_input(const std::filesystem::path& path, const std::string& default_lang,
                       const ConversionSettings& settings);

// The articles a folder holds (the files galley reads: .txt, .md,
// .markdown, .xml and the like; not its manifest, images or hidden files),
// sorted by name byte for byte, so every machine sees the same order.
std::vector<std::filesystem::path> articles_in_directory(const std::filesystem::path& directory);

// "pdf", "epub" or "all".
std::vector<OutputFormat> formats_named(const std::string& name);

// Creates the folder; a usage error when it is a file.
void prepare_output_directory(const std::filesystem::path& directory);

}  // namespace galley::app
