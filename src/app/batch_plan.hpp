// The plan of a batch (app/batch.hpp): which articles, in which order, which
// are refused before converting, which shard takes which.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/batch.hpp"
#include "app/worker_protocol.hpp"

namespace galley::app {

// How a batch's manifest names its sources: relative to the source root,
// the deepest folder that holds every input (a folder given, or the folder
// of a file given), so the names do not depend on where the batch runs.
class SourceNames {
 public:
  SourceNames() = default;
  explicit SourceNames(const std::vector<std::string>& inputs);

  // The source root's folder name ("/" for the file system's root): the
  // manifest records it once.
  std::string root_name() const;
  // A source's name relative to the root, with '/' ("." for the root itself).
  std::string relative(const std::filesystem::path& source) const;
  // Notes a source as the batch names it, so messages naming it can be made portable.
  void add(const std::filesystem::path& source);
  // A message with every source noted (and the root's absolute path) named
  // relative to the root instead: the form the manifest keeps.
  std::string portable(const std::string& message) const;

 private:
  std::filesystem::path root_;             // absolute, normal
  std::map<std::string, std::string> names_;  // a path as the batch names it -> relative
};

struct BatchPlan {
  bool is_batch = false;                             // folders, several files or a shard: a manifest is written
  SourceNames names;                                 // of every article and folder listed, in every shard
  std::vector<std::filesystem::path> to_convert;     // this shard's articles, in list order
  std::vector<std::pair<std::filesystem::path, ArticleResult>> refused;  // this shard's, refused before converting
  std::size_t total() const { return to_convert.size() + refused.size(); }
};

// The list every shard agrees on: folders listed in place, a repeated path
// kept once, and an article whose outputs would take the names of an earlier
// one's refused (which one wins would otherwise depend on timing). Then the
// shard {K, N}: round robin, article i (0-based) to shard i % N + 1, so each
// machine gets a like mix of the archive's years, sizes and sources.
BatchPlan plan_batch(const BuildOptions& options, std::optional<std::pair<std::size_t, std::size_t>> shard);

// Where an article's outputs go: the output folder, the article's name
// without its extension, the format's extension.
std::vector<std::filesystem::path> output_targets(const BuildOptions& options, const std::filesystem::path& source);

}  // namespace galley::app
