#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "galley/galley.hpp"

namespace galley {
namespace {

// The temporary file being written, for remove_pending_temporary_file: a
// fixed buffer and a flag, because a signal handler may read them at any time.
char pending_path[4096];
volatile std::sig_atomic_t pending = 0;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int error_number) {
  throw Error(ErrorKind::io, path.string(), what + ": " + std::strerror(error_number));
}

// Closes the descriptor and removes the temporary file unless committed.
class TemporaryFile {
 public:
  explicit TemporaryFile(const std::filesystem::path& target) : path_(target) {
    path_ += ".galley-XXXXXX";
    std::string pattern = path_.string();
    descriptor_ = mkstemp(pattern.data());
    if (descriptor_ < 0) fail(target, "cannot create a file beside it", errno);
    path_ = pattern;
    if (pattern.size() < sizeof pending_path) {
      std::memcpy(pending_path, pattern.c_str(), pattern.size() + 1);
      pending = 1;
    }
  }
  ~TemporaryFile() {
    pending = 0;
    if (descriptor_ >= 0) close(descriptor_);
    if (!committed_) unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  void write_all(std::string_view bytes, const std::filesystem::path& target) {
    while (!bytes.empty()) {
      ssize_t written = ::write(descriptor_, bytes.data(), bytes.size());
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) fail(target, "cannot write", errno);
      bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    // Outputs are for keeping: make them readable like any file the user makes.
    mode_t mask = umask(0);
    umask(mask);
    fchmod(descriptor_, 0666 & ~mask);
    if (fsync(descriptor_) != 0) fail(target, "cannot write", errno);
    int result = close(descriptor_);
    descriptor_ = -1;
    if (result != 0) fail(target, "cannot write", errno);
  }

  void commit(const std::filesystem::path& target) {
    pending = 0;
    if (std::rename(path_.c_str(), target.c_str()) != 0) fail(target, "cannot replace", errno);
    committed_ = true;
  }

 private:
  std::filesystem::path path_;
  int descriptor_ = -1;
  bool committed_ = false;
};

}  // namespace

void remove_pending_temporary_file() noexcept {
  if (pending) unlink(pending_path);
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
  TemporaryFile temporary(target);
  temporary.write_all(bytes, target);
  temporary.commit(target);
}

}  // namespace galley
