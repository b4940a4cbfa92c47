// manifest.json: what a batch made, with sums, in a form that does not
// depend on where it was built. Output paths are relative to the manifest's
// folder and sources to the batch's source root (whose folder name alone is
// recorded), so the same inputs and settings give the same bytes in any
// folder, on any machine, and the manifests of a batch's shards merge into
// the manifest of the whole batch.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace galley::app {

struct ManifestImage {
  std::string path;    // as the article names it: relative to the article's folder, or absolute
  std::string sha256;  // of the file when the article was converted; empty when there was none
  bool operator==(const ManifestImage&) const = default;
};

// Where an image an article names is: `src` in the article's folder, or `src` itself when absolute.
std::filesystem::path image_path(const std::string& src, const std::filesystem::path& article_folder);

struct ManifestOutput {
  std::string path;           // the output's file name, relative to the manifest's folder
  std::string source;         // the article, relative to the source root, with '/'
  std::string source_sha256;  // of the article's bytes when it was converted
  std::string identifier;     // the EPUB's dc:identifier
  std::string publisher;      // the article's publisher, when it names one
  std::string modified;       // the date the outputs carry, "YYYY-MM-DDTHH:MM:SSZ"
  std::string dated_by;       // where that came from: "article", "SOURCE_DATE_EPOCH" or "file"
  std::vector<ManifestImage> images;  // the images the article names, sorted, each once
  std::string sha256;         // of the output, lowercase hex
  std::uintmax_t size = 0;    // bytes
  std::size_t pages = 0;      // of the print layout (the EPUB's page list marks the same)
};

struct ManifestFailure {
  std::string source;  // relative to the source root, as outputs' sources
  std::string kind;    // "bad_input", "io", "internal" or "crash"
  std::string error;   // the message, naming the file relative to the source root
};

// What decides an article's bytes besides the article: every option that
// changes them, the theme's name and the sum of its files, SOURCE_DATE_EPOCH.
// Names and values, in a fixed order.
using BatchSettings = std::vector<std::pair<std::string, std::string>>;

struct Manifest {
  std::string generator;    // "galley VERSION"
  std::string source_root;  // the name of the folder sources are relative to
  BatchSettings settings;
  std::string shard;        // "K-of-N" for one shard's manifest, empty for a whole batch
  std::vector<ManifestOutput> outputs;
  std::vector<ManifestFailure> failures;
};

// The JSON text: outputs sorted by path, failures by source, so the same
// batch gives the same bytes whatever the order its articles finished in.
std::string manifest_json(Manifest manifest);

// Reads a manifest galley wrote. Throws galley::Error (bad_input, naming the
// file) for one it cannot read.
Manifest read_manifest(const std::filesystem::path& path);

// The shards' manifests as the manifest of the whole batch: the same bytes a
// single run would have written. Throws galley::Error (bad_input, naming the
// file) unless they are the shards 1 to N of one batch, each once, built
// with the same galley, source root and settings.
Manifest merge_manifests(const std::vector<std::pair<std::filesystem::path, Manifest>>& shards);

// `galley manifest merge FILES -o OUTPUT`: returns the exit code.
int run_manifest_merge(const std::vector<std::string>& files, const std::string& output);

// Seconds since the epoch as "YYYY-MM-DDTHH:MM:SSZ" (UTC, no clock, no time zone).
std::string iso_utc(std::int64_t seconds);

}  // namespace galley::app
