#include "image/images.hpp"

#include <fstream>
#include <sstream>

#include "support/url_scheme.hpp"

namespace galley::image {
namespace {

std::uint32_t big_endian(std::string_view bytes, std::size_t at, int count) {
  std::uint32_t value = 0;
  for (int i = 0; i < count; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return value;
}

std::optional<ImageHeader> png_header(std::string_view bytes) {
  // The signature, then IHDR, which the format requires to come first.
  if (bytes.size() < 24 || bytes.substr(0, 8) != "\x89PNG\r\n\x1A\n" || bytes.substr(12, 4) != "IHDR")
    return std::nullopt;
  return ImageHeader{ImageFormat::png, static_cast<int>(std::min<std::uint32_t>(big_endian(bytes, 16, 4), INT32_MAX)),
                     static_cast<int>(std::min<std::uint32_t>(big_endian(bytes, 20, 4), INT32_MAX))};
}

std::optional<ImageHeader> jpeg_header(std::string_view bytes) {
  if (bytes.size() < 4 || static_cast<unsigned char>(bytes[0]) != 0xFF || static_cast<unsigned char>(bytes[1]) != 0xD8)
    return std::nullopt;
  // Walk the marker segments up to a start-of-frame, which holds the size.
  std::size_t at = 2;
  while (at + 4 <= bytes.size()) {
    if (static_cast<unsigned char>(bytes[at]) != 0xFF) return std::nullopt;
    const unsigned marker = static_cast<unsigned char>(bytes[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {  // no length
      at += 2;
      continue;
    }
    const std::size_t length = big_endian(bytes, at + 2, 2);
    const bool start_of_frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (start_of_frame) {
      if (at + 9 > bytes.size() || length < 7) return std::nullopt;
      return ImageHeader{ImageFormat::jpeg, static_cast<int>(big_endian(bytes, at + 7, 2)),
                         static_cast<int>(big_endian(bytes, at + 5, 2))};
    }
    if (marker == 0xD9 || marker == 0xDA || length < 2) return std::nullopt;  // image data before any frame header
    at += 2 + length;
  }
  return std::nullopt;
}


[[noreturn]] void refuse(const ImageSource& source, const std::string& src, const std::string& why) {
  throw Error(ErrorKind::bad_input, source.input_file, "image '" + src + "' " + why);
}

// The formats people put in articles that galley cannot embed, told by
// their signatures, so the message says which it is.
std::string foreign_format(std::string_view bytes) {
  struct Signature {
    std::string_view start;
    const char* name;
  };
  using namespace std::string_view_literals;  // the signatures hold NUL bytes
  constexpr Signature signatures[] = {
      {"GIF87a"sv, "GIF"}, {"GIF89a"sv, "GIF"},   {"BM"sv, "BMP"},   {"II*\0"sv, "TIFF"},
      {"MM\0*"sv, "TIFF"}, {"\0\0\1\0"sv, "ICO"}, {"%PDF"sv, "PDF"}, {"<svg"sv, "SVG"},
      {"<?xml"sv, "SVG or other XML"},
  };
  for (const Signature& signature : signatures)
    if (bytes.substr(0, signature.start.size()) == signature.start) return signature.name;
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") return "WebP";
  if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp") return "HEIF or AVIF";
  return {};
}

// True when `path` lies inside `directory` once both are resolved (symbolic
// links included).
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& directory) {
  std::error_code error;
  const std::filesystem::path resolved = std::filesystem::weakly_canonical(path, error);
  if (error) return false;
  const std::filesystem::path base = std::filesystem::weakly_canonical(directory, error);
  if (error) return false;
  const std::filesystem::path relative = resolved.lexically_relative(base);
  return !relative.empty() && *relative.begin() != "..";
}

// The header checks every image passes, wherever its bytes came from.
std::shared_ptr<const ImageData> checked_image(const std::string& src, std::string bytes, const ImageSource& source) {
  auto image = std::make_shared<ImageData>();
  image->src = src;
  image->bytes = std::move(bytes);
  const std::optional<ImageHeader> header = read_image_header(image->bytes);
  if (!header) {
    const std::string format = foreign_format(image->bytes);
    if (!format.empty()) refuse(source, src, "is in " + format + ", a format galley cannot embed (it embeds PNG and JPEG)");
    refuse(source, src, "is not a PNG or JPEG image");
  }
  if (header->width <= 0 || header->height <= 0) refuse(source, src, "has no size: damaged");
  if (static_cast<std::int64_t>(header->width) * header->height > source.max_pixels)
    refuse(source, src, "of " + std::to_string(header->width) + "\u00D7" + std::to_string(header->height) +
                            " pixels is more than the limit of " + std::to_string(source.max_pixels / 1'000'000) +
                            " megapixels (see --max-image-megapixels)");
  if (header->width > 32767 || header->height > 32767) refuse(source, src, "is wider or taller than 32767 pixels");
  image->format = header->format;
  image->width = header->width;
  image->height = header->height;
  return image;
}

}  // namespace

const char* media_type(ImageFormat format) { return format == ImageFormat::png ? "image/png" : "image/jpeg"; }
const char* file_extension(ImageFormat format) { return format == ImageFormat::png ? "png" : "jpg"; }

std::optional<ImageHeader> read_image_header(std::string_view bytes) {
  if (std::optional<ImageHeader> header = png_header(bytes)) return header;
  return jpeg_header(bytes);
}

std::shared_ptr<const ImageData> load_image(const std::string& src, const ImageSource& source) {
  if (src.empty()) refuse(source, src, "names no file");
  if (source.embedded) {
    auto found = source.embedded->find(src);
    if (found != source.embedded->end()) {
      if (found->second.size() > max_file_bytes)
        refuse(source, src, "is larger than " + std::to_string(max_file_bytes >> 20) + " MB");
      return checked_image(src, found->second, source);
    }
  }
  if (!source.look_in_directory) refuse(source, src, "not found in the package");
  if (has_url_scheme(src)) refuse(source, src, "is remote, and remote images are never fetched: save it beside the article");
  const std::filesystem::path named(src);
  const std::filesystem::path directory = source.directory.empty() ? std::filesystem::path(".") : source.directory;
  if (!source.allow_outside) {
    if (named.is_absolute()) refuse(source, src, "is outside the article's folder: an absolute path (see --allow-outside-images)");
    const std::filesystem::path normal = named.lexically_normal();
    if (!normal.empty() && *normal.begin() == "..")
      refuse(source, src, "is outside the article's folder (see --allow-outside-images)");
  }
  const std::filesystem::path path = named.is_absolute() ? named : directory / named;
  std::error_code error;
  if (!std::filesystem::exists(path, error)) refuse(source, src, "not found (looked for " + path.string() + ")");
  if (!std::filesystem::is_regular_file(path, error)) refuse(source, src, "is not a file");
  if (!source.allow_outside && !is_inside(path, directory))
    refuse(source, src, "leads outside the article's folder through a link (see --allow-outside-images)");
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) refuse(source, src, "cannot be read: " + error.message());
  if (size > max_file_bytes) refuse(source, src, "is larger than " + std::to_string(max_file_bytes >> 20) + " MB");

  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (!file) refuse(source, src, "cannot be read");
  return checked_image(src, bytes.str(), source);
}


std::shared_ptr<const ImageData> ImageCache::get(const std::string& src) {
  auto found = images_.find(src);
  if (found != images_.end()) return found->second;
  std::shared_ptr<const ImageData> image = load_image(src, source_);
  images_.emplace(src, image);
  return image;
}

}  // namespace galley::image
