#include "app/batch_record.hpp"

#include <iostream>

namespace galley::app {

void BatchRecord::note_source_sum(const std::filesystem::path& source, std::string sha256) {
  source_sums_[source.string()] = std::move(sha256);
}

void BatchRecord::add(const std::filesystem::path& source, const ArticleResult& result) {
  if (result.converted) {
    ++built_;
    const auto sum = source_sums_.find(source.string());
    std::vector<ManifestImage> images;
    for (const ImageRecord& image : result.images) images.push_back({image.src, image.sha256});
    for (const OutputRecord& output : result.outputs) {
      // Flushed: a script watching a long batch sees each output as it lands.
      std::cout << output.path << std::endl;
      ManifestOutput entry;
      entry.path = std::filesystem::path(output.path).filename().string();
      entry.source = names_.relative(source);
      entry.source_sha256 = sum == source_sums_.end() ? std::string() : sum->second;
      entry.identifier = result.identifier;
      entry.publisher = result.publisher;
      entry.modified = iso_utc(result.modified);
      entry.dated_by = result.dated_by;
      entry.images = images;
      entry.sha256 = output.sha256;
      entry.size = output.size;
      entry.pages = result.pages;
      outputs_.push_back(std::move(entry));
    }
  } else {
    progress_.message("galley: error: " + result.error);
    failures_.push_back({source.string(), result.error_kind, result.error});
    portable_failures_.push_back({names_.relative(source), result.error_kind, names_.portable(result.error)});
    if (result.error_kind == "usage") usage_error_ = true;
  }
  progress_.article_done();
}

void BatchRecord::keep(const std::vector<ManifestOutput>& outputs) {
  ++unchanged_;
  outputs_.insert(outputs_.end(), outputs.begin(), outputs.end());
  progress_.article_done();
}

Manifest BatchRecord::manifest(const BatchSettings& settings, const std::string& shard) const {
  Manifest manifest;
  manifest.generator = "galley " GALLEY_VERSION;
  manifest.source_root = names_.root_name();
  manifest.settings = settings;
  manifest.shard = shard;
  manifest.outputs = outputs_;
  manifest.failures = portable_failures_;
  return manifest;
}

}  // namespace galley::app
