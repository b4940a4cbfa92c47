// Shared by the reader harnesses: runs one reader over the fuzzer's bytes.
// galley::Error is the promised answer to bad input; anything else that
// escapes (another exception, a crash, a sanitizer report) is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "galley/galley.hpp"

namespace galley::fuzz {

inline void read_bytes(InputFormat format, const char* file_name, const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    ReadOptions options{file_name, "en-GB"};
    (void)read_document(format, options, bytes);
  } catch (const Error&) {
  }
}

}  // namespace galley::fuzz
