#include "app/verify.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <regex>

#include "app/bag.hpp"
#include "app/manifest.hpp"
#include "app/sha256.hpp"
#include "galley/errors.hpp"

namespace galley::app {
namespace {

namespace fs = std::filesystem;

bool is_manifest_name(const std::string& name) {
  static const std::regex shard_manifest("manifest-[0-9]+-of-[0-9]+\\.json");
  return name == "manifest.json" || std::regex_match(name, shard_manifest);
}

// The manifests that describe `path`: the file itself, or a folder's
// manifest.json, or else its shards' manifests together.
std::vector<fs::path> manifests_for(const fs::path& path, fs::path& folder) {
  std::error_code error;
  if (fs::is_regular_file(path, error)) {
    folder = path.has_parent_path() ? path.parent_path() : ".";
    return {path};
  }
  if (!fs::is_directory(path, error))
    throw Error(ErrorKind::usage, path.string(), "is neither a folder a batch wrote nor a manifest");
  folder = path;
  if (fs::is_regular_file(path / "manifest.json", error)) return {path / "manifest.json"};
  std::vector<fs::path> shards;
  for (fs::directory_iterator entry(path, error), end; !error && entry != end; entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (name != "manifest.json" && is_manifest_name(name)) shards.push_back(entry->path());
  }
  if (shards.empty())
    throw Error(ErrorKind::bad_input, path.string(), "holds no manifest.json (nor shards' manifest-K-of-N.json) to verify against");
  std::sort(shards.begin(), shards.end());
  return shards;
}

}  // namespace

int report_findings(const std::string& what, std::size_t listed, const std::vector<Finding>& findings) {
  std::map<std::string, std::size_t> counts;
  for (const Finding& finding : findings) {
    std::cout << finding.problem << ": " << finding.path << (finding.detail.empty() ? "" : ": " + finding.detail)
              << "\n";
    ++counts[finding.problem];
  }
  std::size_t bad_files = counts["missing"] + counts["changed"];
  std::cerr << "galley: verify: " << what << ": " << listed << " files listed, " << listed - std::min(listed, bad_files)
            << " as recorded; " << counts["changed"] << " changed, " << counts["missing"] << " missing, "
            << counts["unlisted"] << " unlisted";
  if (counts["invalid"]) std::cerr << ", " << counts["invalid"] << " other problems";
  std::cerr << "\n";
  return findings.empty() ? 0 : 1;
}

int run_verify(const std::string& path) {
  if (is_bag(path)) {
    std::size_t listed = 0;
    std::vector<Finding> findings = check_bag(path, listed);
    return report_findings(path + " (BagIt bag)", listed, findings);
  }
  fs::path folder;
  std::map<std::string, ManifestOutput> listed;
  for (const fs::path& manifest_path : manifests_for(path, folder))
    for (ManifestOutput& output : read_manifest(manifest_path).outputs) listed[output.path] = std::move(output);

  std::vector<Finding> findings;
  for (const auto& [name, output] : listed) {
    const fs::path file = folder / name;
    std::optional<FileSum> sum = sha256_of_file(file);
    if (!sum) findings.push_back({"missing", file.string(), "listed in the manifest"});
    else if (sum->sha256 != output.sha256 || sum->size != output.size)
      findings.push_back({"changed", file.string(),
                          "sha256 " + sum->sha256 + " (" + std::to_string(sum->size) + " bytes), the manifest says " +
                              output.sha256 + " (" + std::to_string(output.size) + " bytes)"});
  }
  std::error_code error;
  std::vector<std::string> unlisted;
  for (fs::recursive_directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
    if (entry->is_directory(error)) continue;
    const std::string name = entry->path().lexically_relative(folder).generic_string();
    if (!listed.contains(name) && !is_manifest_name(name)) unlisted.push_back(entry->path().string());
  }
  if (error) throw Error(ErrorKind::io, folder.string(), "cannot be listed: " + error.message());
  std::sort(unlisted.begin(), unlisted.end());
  for (const std::string& file : unlisted) findings.push_back({"unlisted", file, "not in the manifest"});
  return report_findings(path, listed.size(), findings);
}

}  // namespace galley::app
