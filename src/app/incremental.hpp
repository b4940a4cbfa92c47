// Incremental rebuilds (app/batch.hpp): what an earlier run of a batch left
// in the output folder, and which articles may keep it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/batch.hpp"
#include "app/batch_plan.hpp"
#include "app/manifest.hpp"

namespace galley::app {

class PreviousRun {
 public:
  // No earlier run: every article is built.
  PreviousRun() = default;

  // The earlier run the manifest at `path` records, if there is one and it
  // was made by this galley with these settings (theme and SOURCE_DATE_EPOCH
  // included); otherwise none, and every article is built. A manifest that
  // cannot be read is warned about, not an error.
  static PreviousRun read(const std::filesystem::path& path, const BatchSettings& settings);

  // The outputs an article keeps instead of being built: those recorded for
  // `relative_source` when its recorded sum is `source_sha256`, they are
  // exactly `targets`, each still has its recorded size and sum, and a date
  // taken from the source file's modification time is still that.
  std::optional<std::vector<ManifestOutput>> kept_outputs(const std::string& relative_source,
                                                          const std::string& source_sha256,
                                                          const std::filesystem::path& source,
                                                          const std::vector<std::filesystem::path>& targets) const;

 private:
  std::map<std::string, std::vector<ManifestOutput>> outputs_by_source_;
};

// One article of a batch before it is converted: the sum of its bytes
// (empty when it cannot be read) and, when it has not changed, the outputs
// it keeps.
struct SourceCheck {
  std::string sha256;
  std::optional<std::vector<ManifestOutput>> kept;
};

// Sums each source and checks it against the earlier run, on `threads`
// threads at once: hashing the outputs again is most of a rerun's work.
std::vector<SourceCheck> check_sources(const PreviousRun& previous, const std::vector<std::filesystem::path>& sources,
                                       const SourceNames& names, const BuildOptions& options, unsigned threads);

}  // namespace galley::app
