// libFuzzer harness: the theme parser (toml++ and galley's checks) over
// arbitrary text. A theme may extend a built-in one; paths are not followed
// because a fuzzed "extends" names files that do not exist.
#include <cstddef>
#include <cstdint>
#include <string>

#include "galley/errors.hpp"
#include "galley/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)galley::style::parse_theme(text, "/nonexistent/fuzz.toml");
  } catch (const galley::Error&) {
  }
  return 0;
}
