#include "app/sha256.hpp"

#include <glib.h>

#include <fstream>
#include <memory>

#include "galley/errors.hpp"

namespace galley::app {
namespace {

using Checksum = std::unique_ptr<GChecksum, decltype(&g_checksum_free)>;

Checksum new_checksum() {
  Checksum checksum(g_checksum_new(G_CHECKSUM_SHA256), &g_checksum_free);
  if (!checksum) throw Error(ErrorKind::internal, "", "GLib offers no SHA-256");
  return checksum;
}

void add_bytes(GChecksum* checksum, std::string_view bytes) {
  // g_checksum_update takes a signed length: fed in pieces, any size fits.
  constexpr std::size_t piece = std::size_t{1} << 30;
  for (std::size_t offset = 0; offset < bytes.size(); offset += piece) {
    std::string_view part = bytes.substr(offset, piece);
    g_checksum_update(checksum, reinterpret_cast<const guchar*>(part.data()), static_cast<gssize>(part.size()));
  }
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Checksum checksum = new_checksum();
  add_bytes(checksum.get(), bytes);
  return g_checksum_get_string(checksum.get());
}

std::optional<FileSum> sha256_of_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  Checksum checksum = new_checksum();
  FileSum sum;
  char buffer[1 << 16];
  while (file.read(buffer, sizeof buffer) || file.gcount() > 0) {
    const auto count = static_cast<std::size_t>(file.gcount());
    add_bytes(checksum.get(), std::string_view(buffer, count));
    sum.size += count;
  }
  if (file.bad()) return std::nullopt;
  sum.sha256 = g_checksum_get_string(checksum.get());
  return sum;
}

}  // namespace galley::app
