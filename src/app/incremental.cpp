#include "app/incremental.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/sha256.hpp"
#include "galley/errors.hpp"

namespace galley::app {

namespace fs = std::filesystem;

PreviousRun PreviousRun::read(const fs::path& path, const BatchSettings& settings) {
  PreviousRun previous;
  std::error_code error;
  if (!fs::exists(path, error)) return previous;
  Manifest manifest;
  try {
    manifest = read_manifest(path);
  } catch (const Error& unreadable) {
    std::cerr << "galley: warning: " << unreadable.what() << "; every article is built again\n";
    return previous;
  }
  // Another galley or other settings may make other bytes: nothing is kept.
  if (manifest.generator != "galley " GALLEY_VERSION || manifest.settings != settings) return previous;
  for (ManifestOutput& output : manifest.outputs) {
    std::string source = output.source;
    previous.outputs_by_source_[source].push_back(std::move(output));
  }
  return previous;
}

std::optional<std::vector<ManifestOutput>> PreviousRun::kept_outputs(const std::string& relative_source,
                                                                     const std::string& source_sha256,
                                                                     const fs::path& source,
                                                                     const std::vector<fs::path>& targets) const {
  const auto found = outputs_by_source_.find(relative_source);
  if (found == outputs_by_source_.end() || source_sha256.empty()) return std::nullopt;
  const std::vector<ManifestOutput>& outputs = found->second;
  if (outputs.empty() || outputs.size() != targets.size()) return std::nullopt;
  for (const ManifestOutput& output : outputs) {
    if (output.source_sha256 != source_sha256) return std::nullopt;
    if (output.dated_by == "file") {
      struct stat status {};
      if (stat(source.c_str(), &status) != 0 || iso_utc(status.st_mtime) != output.modified) return std::nullopt;
    }
  }
  // The images it names, as the first output records them (all of an article's record the same).
  for (const ManifestImage& image : outputs.front().images) {
    std::optional<FileSum> sum = sha256_of_file(image_path(image.path, source.parent_path()));
    if ((sum ? sum->sha256 : "") != image.sha256) return std::nullopt;
  }
  for (const fs::path& target : targets) {
    const std::string name = target.filename().string();
    auto output = std::find_if(outputs.begin(), outputs.end(), [&](const auto& o) { return o.path == name; });
    if (output == outputs.end()) return std::nullopt;
    // The size first: a changed file is most often a file of another size.
    std::error_code error;
    if (fs::file_size(target, error) != output->size || error) return std::nullopt;
    std::optional<FileSum> sum = sha256_of_file(target);
    if (!sum || sum->sha256 != output->sha256) return std::nullopt;
  }
  return outputs;
}

std::vector<SourceCheck> check_sources(const PreviousRun& previous, const std::vector<fs::path>& sources,
                                       const SourceNames& names, const BuildOptions& options, unsigned threads) {
  std::vector<SourceCheck> checks(sources.size());
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&] {
    try {
      for (std::size_t index; (index = next++) < sources.size();) {
        const fs::path& source = sources[index];
        std::optional<FileSum> sum = sha256_of_file(source);
        checks[index].sha256 = sum ? sum->sha256 : "";
        checks[index].kept =
            previous.kept_outputs(names.relative(source), checks[index].sha256, source, output_targets(options, source));
      }
    } catch (...) {
      std::lock_guard lock(failure_lock);
      if (!failure) failure = std::current_exception();
      next = sources.size();
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned count = 1; count < std::min<std::size_t>(threads, sources.size()); ++count) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
  if (failure) std::rethrow_exception(failure);
  return checks;
}

}  // namespace galley::app
