// derive_identifier: a version-5 (name-based, SHA-1) UUID after RFC 4122
// section 4.3, so that rebuilding an article gives its EPUB the same
// dc:identifier and readers keep their bookmarks and reading positions.
#include "galley/galley.hpp"

#include <glib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "galley/edition.hpp"
#include "galley/text.hpp"

namespace galley {
namespace {

using Uuid = std::array<std::uint8_t, 16>;

// RFC 4122 appendix C's URL namespace: a source is "usually a URL", and using
// the standard namespace means anyone can recompute our id with any UUID
// library, for example Python's uuid.uuid5(uuid.NAMESPACE_URL, source).
constexpr Uuid url_namespace = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

// Our own namespace for ids derived from the text, so that an article whose
// text happens to equal some URL cannot collide with that URL's id. It is
// uuid5(NAMESPACE_URL, "urn:galley:document-text") and must never change:
// changing it changes every text-derived identifier already published.
constexpr Uuid document_text_namespace = {0x06, 0x60, 0x57, 0xf0, 0xbd, 0x75, 0x5b, 0xd5,
                                          0xb7, 0xbb, 0x79, 0xb1, 0xc3, 0xdd, 0xb4, 0xac};

// uuid5(NAMESPACE_URL, "urn:galley:edition"), for editions' ids; like the
// one above it must never change.
constexpr Uuid edition_namespace = {0xb7, 0x67, 0x07, 0x88, 0xc3, 0x78, 0x5c, 0xc1,
                                    0x9e, 0xb7, 0xd0, 0x7e, 0xbb, 0x25, 0xeb, 0xa8};

struct ChecksumDeleter {
  void operator()(GChecksum* checksum) const noexcept { g_checksum_free(checksum); }
};
using ChecksumPtr = std::unique_ptr<GChecksum, ChecksumDeleter>;

void update(GChecksum* checksum, std::string_view bytes) {
  // g_checksum_update takes a signed length; feed huge inputs in pieces.
  constexpr std::size_t piece = 1 << 30;
  for (std::size_t offset = 0; offset < bytes.size(); offset += piece) {
    std::string_view part = bytes.substr(offset, piece);
    g_checksum_update(checksum, reinterpret_cast<const guchar*>(part.data()), static_cast<gssize>(part.size()));
  }
}

Uuid name_based_uuid(const Uuid& name_space, std::string_view name) {
  ChecksumPtr checksum{g_checksum_new(G_CHECKSUM_SHA1)};
  if (!checksum) throw Error(ErrorKind::internal, "", "GLib cannot compute SHA-1 checksums");
  update(checksum.get(), std::string_view(reinterpret_cast<const char*>(name_space.data()), name_space.size()));
  update(checksum.get(), name);

  std::array<guint8, 20> digest{};
  gsize digest_length = digest.size();
  g_checksum_get_digest(checksum.get(), digest.data(), &digest_length);
  if (digest_length != digest.size()) throw Error(ErrorKind::internal, "", "SHA-1 digest has an unexpected length");

  Uuid uuid{};
  for (std::size_t i = 0; i < uuid.size(); ++i) uuid[i] = digest[i];
  uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0f) | 0x50);  // version 5
  uuid[8] = static_cast<std::uint8_t>((uuid[8] & 0x3f) | 0x80);  // RFC 4122 variant
  return uuid;
}

std::string to_urn(const Uuid& uuid) {
  static constexpr char hex_digits[] = "0123456789abcdef";
  std::string text = "urn:uuid:";
  for (std::size_t i = 0; i < uuid.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += hex_digits[uuid[i] >> 4];
    text += hex_digits[uuid[i] & 0x0f];
  }
  return text;
}

}  // namespace

std::string derive_identifier(const doc::Document& document) {
  if (!document.meta.source.empty()) return to_urn(name_based_uuid(url_namespace, document.meta.source));
  // The newline keeps "AB" + "C" apart from "A" + "BC".
  const std::string name = document.meta.title + '\n' + doc::plain_text(document.blocks);
  return to_urn(name_based_uuid(document_text_namespace, name));
}

std::string derive_edition_identifier(const Edition& edition) {
  std::vector<std::string> identifiers;
  for (const EditionArticle* article : articles_in_order(edition))
    identifiers.push_back(article->document.meta.identifier.empty() ? derive_identifier(article->document)
                                                                    : article->document.meta.identifier);
  std::sort(identifiers.begin(), identifiers.end());
  std::string name = edition.meta.title;
  for (const std::string& identifier : identifiers) name += '\n' + identifier;
  return to_urn(name_based_uuid(edition_namespace, name));
}

}  // namespace galley
