// libFuzzer harness: galley's print tools on arbitrary bytes as a PDF from
// anywhere: preflight (qpdf's parser, then galley's walk of the content
// streams, fonts, forms and images) and a booklet's imposition.
#include <cstddef>
#include <cstdint>
#include <string>

#include "galley/errors.hpp"
#include "galley/print.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    (void)galley::print::preflight_bytes(bytes, "fuzz.pdf", {});
  } catch (const galley::Error&) {
  }
  try {
    galley::print::ImposeOptions options;
    options.creep = 2;
    (void)galley::print::impose(bytes, options, "fuzz.pdf");
  } catch (const galley::Error&) {
  }
  return 0;
}
