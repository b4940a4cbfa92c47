// libFuzzer harness: one whole build in memory: the format is guessed from
// the content, then read, laid out, drawn as a PDF (Cairo, qpdf) and
// packaged as an EPUB (pugixml, libzip). Images are not looked for (no
// resource directory), so the harness touches no file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "galley/galley.hpp"

namespace {

const galley::style::Theme& theme() {
  static const galley::style::Theme loaded = galley::style::load_theme("article");
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Whole documents cost milliseconds a page: keep inputs small enough that
  // the fuzzer explores instead of typesetting one huge input.
  if (size > 16384) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    galley::ReadOptions read_options{"fuzz", "en-GB"};
    // The first byte chooses the reader, so one corpus reaches all three.
    const galley::InputFormat formats[] = {galley::InputFormat::plain, galley::InputFormat::markdown,
                                           galley::InputFormat::nitf};
    const galley::InputFormat format = size == 0 ? formats[0] : formats[data[0] % 3];
    galley::ReadResult read = galley::read_document(format, read_options, size == 0 ? bytes : bytes.substr(1));
    galley::WriteOptions write_options;
    write_options.theme = &theme();
    write_options.modified_time = 1'700'000'000;
    write_options.source_file = "fuzz";
    write_options.limits.max_pages = 50;
    (void)galley::write_pdf(write_options, read.document);
    (void)galley::write_epub(write_options, read.document);
  } catch (const galley::Error&) {
  }
  return 0;
}
