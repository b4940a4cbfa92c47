// `galley verify`: fixity checks of an archive a batch made, against its
// manifest.json (or its shards' manifests), or of a BagIt bag (app/bag.hpp).
#pragma once

#include <string>
#include <vector>

namespace galley::app {

// One thing that is not as recorded.
struct Finding {
  std::string problem;  // "missing", "changed", "unlisted" or "invalid"
  std::string path;     // the file, as the user named its folder
  std::string detail;   // what was expected and found, for the reader
};

// Prints the findings on stdout, one a line ("changed: out/story.pdf: ..."),
// and a summary on stderr; returns the exit code: 0 when all is as recorded.
int report_findings(const std::string& what, std::size_t listed, const std::vector<Finding>& findings);

// `galley verify PATH`: PATH is a folder a batch wrote (its manifest.json, or
// else its manifest-K-of-N.json files together), a manifest file, or a BagIt
// bag. Re-hashes every file listed and looks for files not listed. Throws
// galley::Error for a path that is none of these.
int run_verify(const std::string& path);

}  // namespace galley::app
