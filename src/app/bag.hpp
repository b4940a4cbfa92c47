// BagIt bags (RFC 8493): `galley build --bag` writes the output folder as one,
// `galley verify` checks one by the RFC's rules.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/manifest.hpp"
#include "app/verify.hpp"

namespace galley::app {

// Whether the folder is a bag (holds bagit.txt).
bool is_bag(const std::filesystem::path& directory);

// The payload folder of the bag at `directory`: where the outputs and
// manifest.json go.
std::filesystem::path bag_payload_directory(const std::filesystem::path& directory);

// Writes the tag files of the bag at `directory` around its data/ folder,
// which holds `manifest` (galley's, as manifest.json) and its outputs:
// bagit.txt, manifest-sha256.txt (every payload file), bag-info.txt
// (Source-Organization and External-Identifier from the articles' metadata,
// Bagging-Date from the articles' dates or SOURCE_DATE_EPOCH, never the
// clock; Payload-Oxum) and tagmanifest-sha256.txt. Files in data/ that the
// manifest does not list are hashed from the disk, with a warning.
void write_bag_tags(const std::filesystem::path& directory, const Manifest& manifest);

// What is wrong with the bag at `directory` by RFC 8493: bagit.txt's form,
// every payload file listed in manifest-sha256.txt with its sum and every
// listed file present, Payload-Oxum, the tag manifest's sums. Sets `listed`
// to the number of files the manifests list.
std::vector<Finding> check_bag(const std::filesystem::path& directory, std::size_t& listed);

}  // namespace galley::app
