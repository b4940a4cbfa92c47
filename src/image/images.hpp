// Images an article refers to: found beside the input, checked from their
// headers before anything decodes them, and read once for both writers.
// Free of Cairo and libzip: the PDF exporter and the EPUB packager each take
// the bytes from here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "galley/errors.hpp"

namespace galley::image {

enum class ImageFormat { png, jpeg };

struct ImageData {
  std::string src;    // as the article names it, for messages
  ImageFormat format = ImageFormat::png;
  int width = 0;      // pixels
  int height = 0;     // pixels
  std::string bytes;  // the file as it is: JPEG goes into both outputs unrecompressed
};

// Larger images are refused before decoding: a small file can claim to be a
// picture of billions of pixels.
inline constexpr std::int64_t default_max_pixels = 100'000'000;
inline constexpr std::uintmax_t max_file_bytes = 64u * 1024 * 1024;

struct ImageSource {
  std::filesystem::path directory;  // where relative paths start: the input file's folder
  bool allow_outside = false;       // absolute paths and "../" escapes allowed
  std::string input_file;           // the article, for messages
  std::int64_t max_pixels = default_max_pixels;  // width × height, checked from the header
  // The images the input carries inside itself (doc::Document::embedded_images),
  // found by name before the folder is looked in; may be null.
  const std::map<std::string, std::string>* embedded = nullptr;
  // False for images named inside a packaged input (a Word file's
  // word/media): they are the package's or nothing, never a file beside it.
  bool look_in_directory = true;
};

// "image/png" or "image/jpeg".
const char* media_type(ImageFormat format);
// "png" or "jpg".
const char* file_extension(ImageFormat format);

// Format and size from the first bytes of a PNG (IHDR) or JPEG (SOF
// marker); nothing for anything else.
struct ImageHeader {
  ImageFormat format;
  int width, height;
};
std::optional<ImageHeader> read_image_header(std::string_view bytes);

// Resolves `src` against the source's directory, refusing escapes unless
// allowed, reads it and checks its header. Throws Error(bad_input) naming
// the image and the article for a missing, unreadable, foreign or
// oversized image.
std::shared_ptr<const ImageData> load_image(const std::string& src, const ImageSource& source);

// Loads each image once, however many times the article shows it.
class ImageCache {
 public:
  explicit ImageCache(ImageSource source) : source_(std::move(source)) {}
  std::shared_ptr<const ImageData> get(const std::string& src);

 private:
  ImageSource source_;
  std::map<std::string, std::shared_ptr<const ImageData>> images_;
};

}  // namespace galley::image
