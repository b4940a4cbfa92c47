// Shared by the Word and OpenDocument harnesses. Random bytes rarely make a
// zip whose checksums hold, so an input is either a whole archive (it starts
// "PK": the zip checks are fuzzed) or the package's XML parts separated by
// lines of "%%%%", which the harness packs into an archive in memory before
// the reader sees it (the XML mapping is fuzzed).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "epub/zip_archive.hpp"
#include "fuzz_reader.hpp"

namespace galley::fuzz {

inline void read_package(InputFormat format, const char* file_name, const std::vector<std::string>& part_names,
                         const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.substr(0, 2) == "PK") {
    read_bytes(format, file_name, data, size);
    return;
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (parts.size() < part_names.size()) {
    const std::size_t separator = bytes.find("\n%%%%\n", start);
    parts.emplace_back(bytes.substr(start, separator == std::string_view::npos ? std::string_view::npos : separator - start));
    if (separator == std::string_view::npos) break;
    start = separator + 6;
  }
  std::vector<epub::detail::ZipEntry> entries;
  for (std::size_t i = 0; i < parts.size(); ++i)
    entries.push_back({part_names[i], parts[i],
                       part_names[i] == "mimetype" ? epub::detail::Compression::store : epub::detail::Compression::deflate});
  const std::string archive = epub::detail::write_zip(entries, 0);
  read_bytes(format, file_name, reinterpret_cast<const std::uint8_t*>(archive.data()), archive.size());
}

}  // namespace galley::fuzz
