// libFuzzer harness: the HTML reader (decoding, gumbo, metadata, finding the
// article, the model) over arbitrary bytes.
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::fuzz::read_bytes(galley::InputFormat::html, "fuzz.html", data, size);
  return 0;
}
