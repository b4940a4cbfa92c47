// A zip archive built in memory with libzip: the container of an EPUB.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galley::epub::detail {

enum class Compression { store, deflate };

struct ZipEntry {
  std::string name;            // path inside the archive, '/'-separated, ASCII
  std::string_view contents;   // must outlive the write_zip call
  Compression compression = Compression::deflate;
};

// The bytes of a zip archive holding `entries` in the given order. Every
// entry is stamped with `modified_time` (seconds since 1970 UTC) and carries
// no extra field, so equal input gives equal bytes in any time zone. Throws
// galley::Error (internal) when libzip fails.
std::string write_zip(const std::vector<ZipEntry>& entries, std::int64_t modified_time);

}  // namespace galley::epub::detail
