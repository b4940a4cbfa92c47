// What a batch's articles came to (app/batch.hpp): printed as they land,
// kept for the summary and for manifest.json.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/batch_plan.hpp"
#include "app/manifest.hpp"
#include "app/progress.hpp"
#include "app/worker_protocol.hpp"

namespace galley::app {

struct Failure {
  std::string source;  // as the batch names it
  std::string kind;
  std::string error;
};

// Collects what each article came to: prints the outputs on stdout as they
// land and each error as it comes, keeps both for the manifest and summary.
class BatchRecord {
 public:
  BatchRecord(Progress& progress, const SourceNames& names) : progress_(progress), names_(names) {}

  // The sum of a source's bytes, taken before it is converted: the manifest records it.
  void note_source_sum(const std::filesystem::path& source, std::string sha256);
  // An article converted (or not).
  void add(const std::filesystem::path& source, const ArticleResult& result);
  // An article whose outputs are kept from an earlier run, as its manifest has them.
  void keep(const std::vector<ManifestOutput>& outputs);

  const std::vector<Failure>& failures() const { return failures_; }
  std::size_t built() const { return built_; }
  std::size_t unchanged() const { return unchanged_; }
  bool has_outputs() const { return !outputs_.empty(); }
  bool usage_error() const { return usage_error_; }

  // What the batch made and kept, and what failed, for manifest.json.
  Manifest manifest(const BatchSettings& settings, const std::string& shard) const;

 private:
  Progress& progress_;
  const SourceNames& names_;
  std::map<std::string, std::string> source_sums_;  // source as named -> sha256
  std::vector<ManifestOutput> outputs_;
  std::vector<Failure> failures_;
  std::vector<ManifestFailure> portable_failures_;
  std::size_t built_ = 0;
  std::size_t unchanged_ = 0;
  bool usage_error_ = false;
};

}  // namespace galley::app
