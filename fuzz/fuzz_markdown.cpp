// libFuzzer harness: the markdown reader over arbitrary bytes.
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::fuzz::read_bytes(galley::InputFormat::markdown, "fuzz.md", data, size);
  return 0;
}
