#include "read/zip_input.hpp"

#include <zip.h>

#include <string>

namespace galley::read::detail {
namespace {

struct ZipReadError {
  zip_error_t error;
  ZipReadError() { zip_error_init(&error); }
  ~ZipReadError() { zip_error_fini(&error); }
  ZipReadError(const ZipReadError&) = delete;
  ZipReadError& operator=(const ZipReadError&) = delete;
};

struct ZipFileCloser {
  void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};

// A name that would lead out of a folder the archive was unpacked into:
// ".." as a path segment, an absolute path, a drive letter.
bool escapes(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
  if (name.size() >= 2 && name[1] == ':') return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

std::string megabytes(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

}  // namespace

struct ZipInput::Archive {
  zip_t* zip = nullptr;
  ~Archive() {
    if (zip) zip_discard(zip);  // opened read-only: nothing to write back
  }
};

bool looks_like_zip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 2) == "PK" &&
         ((bytes[2] == '\3' && bytes[3] == '\4') || (bytes[2] == '\5' && bytes[3] == '\6'));
}

bool looks_like_compound_file(std::string_view bytes) {
  return bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

ZipInput::ZipInput(std::string_view bytes, std::string file_name, ZipLimits limits)
    : archive_(std::make_unique<Archive>()), file_name_(std::move(file_name)), limits_(limits) {
  ZipReadError error;
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error.error);
  if (!source) throw Error(ErrorKind::internal, file_name_, "libzip could not read from memory");
  // ZIP_CHECKCONS compares the central directory with each local header: a
  // cut or spliced archive is refused here rather than half read.
  archive_->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error.error);
  if (!archive_->zip) {
    zip_source_free(source);  // on failure the reference is still ours
    const int code = zip_error_code_zip(&error.error);
    if (code == ZIP_ER_NOZIP)
      throw Error(ErrorKind::bad_input, file_name_,
                  "not a complete zip archive (cut short or damaged): its directory is missing");
    throw Error(ErrorKind::bad_input, file_name_,
                std::string("a damaged zip archive (") + zip_error_strerror(&error.error) + ")");
  }
  const zip_int64_t count = zip_get_num_entries(archive_->zip, 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > limits_.max_entries)
    throw Error(ErrorKind::bad_input, file_name_, "a zip archive of more than " +
                                                       std::to_string(limits_.max_entries) + " entries");
  for (zip_int64_t index = 0; index < count; ++index) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_->zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME))
      throw Error(ErrorKind::bad_input, file_name_, "a damaged zip archive: entry " + std::to_string(index) + " has no name");
    const std::string_view name = stat.name;
    if (escapes(name))
      throw Error(ErrorKind::bad_input, file_name_,
                  "the archive names an entry outside itself (\"" + std::string(name) + "\"): refused");
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
      throw Error(ErrorKind::bad_input, file_name_,
                  "encrypted (entry \"" + std::string(name) + "\" needs a password); save it without a password");
  }
}

ZipInput::~ZipInput() = default;

bool is_opendocument_text(std::string_view bytes) {
  if (!looks_like_zip(bytes)) return false;
  try {
    ZipInput zip(bytes, "");
    const std::optional<std::uint64_t> size = zip.size_of("mimetype");
    if (!size || *size > 200) return false;
    const std::optional<std::string> mimetype = zip.read("mimetype");
    return mimetype && mimetype->rfind("application/vnd.oasis.opendocument", 0) == 0;
  } catch (const Error&) {
    return false;  // damage is the reader's to report
  }
}

bool ZipInput::has(const std::string& name) const { return zip_name_locate(archive_->zip, name.c_str(), 0) >= 0; }

std::optional<std::uint64_t> ZipInput::size_of(const std::string& name) const {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_->zip, name.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) return std::nullopt;
  return stat.size;
}

std::optional<std::string> ZipInput::read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(archive_->zip, name.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_->zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
      !(stat.valid & ZIP_STAT_SIZE) || !(stat.valid & ZIP_STAT_COMP_SIZE))
    throw Error(ErrorKind::bad_input, file_name_, "a damaged zip archive: \"" + name + "\" has no size");
  // Judged from the directory, before a byte is inflated.
  if (stat.size > limits_.max_entry_bytes)
    throw Error(ErrorKind::bad_input, file_name_,
                "\"" + name + "\" would inflate to " + megabytes(stat.size) + ", more than the limit of " +
                    megabytes(limits_.max_entry_bytes) + " (a zip bomb?)");
  if (stat.size > limits_.ratio_checked_above && stat.size / std::max<std::uint64_t>(stat.comp_size, 1) > limits_.max_ratio)
    throw Error(ErrorKind::bad_input, file_name_,
                "\"" + name + "\" would inflate " + std::to_string(stat.size / std::max<std::uint64_t>(stat.comp_size, 1)) +
                    " times, more than any document does (a zip bomb?)");
  if (total_read_ + stat.size > limits_.max_total_bytes)
    throw Error(ErrorKind::bad_input, file_name_,
                "the archive inflates to more than " + megabytes(limits_.max_total_bytes) + " (a zip bomb?)");
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive_->zip, static_cast<zip_uint64_t>(index), 0));
  if (!file) {
    const int code = zip_error_code_zip(zip_get_error(archive_->zip));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
      throw Error(ErrorKind::bad_input, file_name_, "encrypted (\"" + name + "\" needs a password)");
    throw Error(ErrorKind::bad_input, file_name_,
                "\"" + name + "\" cannot be read: " + zip_error_strerror(zip_get_error(archive_->zip)));
  }
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  std::uint64_t done = 0;
  while (done < stat.size) {
    const zip_int64_t got = zip_fread(file.get(), bytes.data() + done, stat.size - done);
    if (got < 0)
      throw Error(ErrorKind::bad_input, file_name_,
                  "\"" + name + "\" is damaged: " + zip_file_strerror(file.get()));
    if (got == 0)
      throw Error(ErrorKind::bad_input, file_name_, "\"" + name + "\" is shorter than the archive says (cut short?)");
    done += static_cast<std::uint64_t>(got);
  }
  // One more read reaches the end of the entry, where libzip compares the
  // checksum; data beyond the declared size is damage, never read on.
  char extra = 0;
  const zip_int64_t beyond = zip_fread(file.get(), &extra, 1);
  if (beyond != 0)
    throw Error(ErrorKind::bad_input, file_name_,
                "\"" + name + "\" is damaged: " +
                    (beyond < 0 ? std::string(zip_file_strerror(file.get())) : "longer than the archive says"));
  total_read_ += stat.size;
  return bytes;
}

}  // namespace galley::read::detail
