// Reading a zip archive held in memory (a .docx, an .odt): libzip behind an
// owner of our own, with the checks a hostile archive calls for made before
// anything is inflated. Nothing is ever unzipped to disk.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "galley/errors.hpp"

namespace galley::read::detail {

// Zip files start "PK\3\4" (or "PK\5\6" when empty).
bool looks_like_zip(std::string_view bytes);
// Microsoft's compound file format (CFB, "D0 CF 11 E0"): Word 97-2003 .doc
// files, and the wrapper Office puts round a password-protected .docx.
bool looks_like_compound_file(std::string_view bytes);

// Whether the bytes are a zip whose mimetype entry names an OpenDocument
// format (application/vnd.oasis.opendocument.*); never throws.
bool is_opendocument_text(std::string_view bytes);

// Limits against zip bombs, checked from the archive's directory before an
// entry is inflated and again while it is.
struct ZipLimits {
  std::uint64_t max_entry_bytes = 256u << 20;   // one entry, uncompressed
  std::uint64_t max_total_bytes = 1024u << 20;  // every entry read, together
  // Deflate packs ordinary XML 5 to 30 times, repetitive XML a few hundred
  // times; only a bomb approaches its limit of 1032. Checked for entries of
  // more than ratio_checked_above bytes, so tiny entries may compress well.
  std::uint64_t max_ratio = 200;
  std::uint64_t ratio_checked_above = 1u << 20;
  std::uint64_t max_entries = 100'000;
};

// An archive opened for reading from bytes that must outlive it. Opening
// refuses (Error, bad_input, naming the file) a truncated or damaged
// archive, one with entries named with ".." or an absolute path, and one
// with encrypted entries.
class ZipInput {
 public:
  ZipInput(std::string_view bytes, std::string file_name, ZipLimits limits = {});
  ~ZipInput();
  ZipInput(const ZipInput&) = delete;
  ZipInput& operator=(const ZipInput&) = delete;

  bool has(const std::string& name) const;
  // The entry's bytes, or nothing when the archive has no such entry.
  // Throws Error(bad_input) for an entry over the limits or whose data is
  // damaged (a bad checksum, a size that is not the one declared).
  std::optional<std::string> read(const std::string& name);
  // The declared uncompressed size, or nothing for a missing entry.
  std::optional<std::uint64_t> size_of(const std::string& name) const;

 private:
  struct Archive;
  std::unique_ptr<Archive> archive_;
  std::string file_name_;
  ZipLimits limits_;
  std::uint64_t total_read_ = 0;
};

}  // namespace galley::read::detail
