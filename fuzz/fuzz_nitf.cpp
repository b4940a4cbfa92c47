// libFuzzer harness: the nitf reader over arbitrary bytes.
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::fuzz::read_bytes(galley::InputFormat::nitf, "fuzz.xml", data, size);
  return 0;
}
