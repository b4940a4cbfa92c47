// SHA-256 sums (GLib's), as lowercase hex: the batch manifest's, the BagIt
// bag's and galley verify's.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace galley::app {

std::string sha256_hex(std::string_view bytes);

struct FileSum {
  std::string sha256;       // lowercase hex
  std::uintmax_t size = 0;  // bytes
};

// The sum of a file's bytes, read in pieces; nullopt when it cannot be opened
// or read (missing, a folder, no permission).
std::optional<FileSum> sha256_of_file(const std::filesystem::path& path);

}  // namespace galley::app
