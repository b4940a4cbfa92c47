// The readers, one format per file, all with the same signature.
#pragma once

#include <string_view>

#include "galley/galley.hpp"

namespace galley::read {

ReadResult read_plaintext(const ReadOptions& options, std::string_view bytes);

}  // namespace galley::read
