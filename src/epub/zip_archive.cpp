#include "epub/zip_archive.hpp"

#include <zip.h>

#include <memory>

#include "epub/timestamp.hpp"
#include "galley/errors.hpp"

namespace galley::epub::detail {
namespace {

struct ArchiveDeleter {
  // An archive that was never closed successfully is thrown away unwritten.
  void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
};
using ArchivePtr = std::unique_ptr<zip_t, ArchiveDeleter>;

struct SourceDeleter {
  // libzip sources are reference counted; this drops one reference.
  void operator()(zip_source_t* source) const noexcept { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceDeleter>;

// A zip_error_t on the stack, for the calls that report through one.
struct LocalError {
  zip_error_t error;
  LocalError() { zip_error_init(&error); }
  ~LocalError() { zip_error_fini(&error); }
  LocalError(const LocalError&) = delete;
  LocalError& operator=(const LocalError&) = delete;
};

// The one place where libzip's status codes become exceptions.
void check(bool succeeded, zip_error_t* error, std::string_view action) {
  if (succeeded) return;
  std::string message = "libzip could not ";
  message += action;
  message += ": ";
  message += error != nullptr ? zip_error_strerror(error) : "unknown error";
  throw Error(ErrorKind::internal, "", message);
}

// An empty in-memory source that we keep a reference to after handing it to
// the archive, so that its bytes can be read back once the archive is closed.
SourcePtr new_buffer_source() {
  LocalError error;
  SourcePtr buffer{zip_source_buffer_create(nullptr, 0, 0, &error.error)};
  check(buffer != nullptr, &error.error, "create an in-memory buffer");
  return buffer;
}

ArchivePtr open_archive_on(zip_source_t* buffer) {
  LocalError error;
  zip_source_keep(buffer);  // this reference passes to the archive on success
  ArchivePtr archive{zip_open_from_source(buffer, ZIP_TRUNCATE, &error.error)};
  if (!archive) zip_source_free(buffer);  // on failure the reference is still ours
  check(archive != nullptr, &error.error, "open an archive in memory");
  return archive;
}

void add_entry(zip_t* archive, const ZipEntry& entry, DosTime modified) {
  SourcePtr contents{zip_source_buffer(archive, entry.contents.data(), entry.contents.size(), 0)};
  check(contents != nullptr, zip_get_error(archive), "wrap the contents of " + entry.name);
  const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), contents.get(), ZIP_FL_ENC_UTF_8);
  check(index >= 0, zip_get_error(archive), "add " + entry.name);
  contents.release();  // the archive owns the source once the entry exists

  const auto entry_index = static_cast<zip_uint64_t>(index);
  const zip_int32_t method = entry.compression == Compression::store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
  const zip_uint32_t level = entry.compression == Compression::store ? 0 : 9;
  check(zip_set_file_compression(archive, entry_index, method, level) == 0, zip_get_error(archive),
        "set the compression of " + entry.name);
  // libzip 1.7 turns a time_t into DOS fields with localtime(), which makes
  // the bytes depend on TZ. Setting the DOS fields directly, as the UTC
  // calendar time, avoids that (libzip's round trip through mktime and
  // localtime returns them unchanged outside a daylight-saving gap).
  check(zip_file_set_dostime(archive, entry_index, modified.time, modified.date, 0) == 0, zip_get_error(archive),
        "set the time of " + entry.name);
  // A new entry has no extra fields, but say so: a stray extended-timestamp
  // field would break both reproducibility and the EPUB rule for mimetype.
  check(zip_file_extra_field_delete(archive, entry_index, ZIP_EXTRA_FIELD_ALL, ZIP_FL_CENTRAL | ZIP_FL_LOCAL) == 0,
        zip_get_error(archive), "remove the extra fields of " + entry.name);
}

// Writes the archive into `buffer`; after this the archive handle is gone.
void close_archive(ArchivePtr archive) {
  check(zip_close(archive.get()) == 0, zip_get_error(archive.get()), "write the archive");
  archive.release();  // zip_close freed it; on failure the deleter discards it
}

std::string read_all(zip_source_t* buffer) {
  check(zip_source_open(buffer) == 0, zip_source_error(buffer), "reopen the written archive");
  zip_stat_t stat;
  zip_stat_init(&stat);
  check(zip_source_stat(buffer, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) != 0, zip_source_error(buffer),
        "measure the written archive");
  std::string bytes(stat.size, '\0');
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), bytes.size());
  check(read >= 0 && static_cast<zip_uint64_t>(read) == stat.size, zip_source_error(buffer),
        "read the written archive");
  check(zip_source_close(buffer) == 0, zip_source_error(buffer), "close the written archive");
  return bytes;
}

}  // namespace

std::string write_zip(const std::vector<ZipEntry>& entries, std::int64_t modified_time) {
  const DosTime modified = dos_time_from_unix(modified_time);
  SourcePtr buffer = new_buffer_source();
  ArchivePtr archive = open_archive_on(buffer.get());
  for (const ZipEntry& entry : entries) add_entry(archive.get(), entry, modified);
  close_archive(std::move(archive));
  return read_all(buffer.get());
}

}  // namespace galley::epub::detail
