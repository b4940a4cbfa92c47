// Whether a link or image address names a scheme ("https:", "data:",
// "mailto:"): the one test the readers and image loading share.
#pragma once

#include <string_view>

namespace galley {

// A scheme is two or more letters, digits, '+', '-' or '.' before the first
// colon; one letter ("C:") is a Windows drive, not a scheme.
inline bool has_url_scheme(std::string_view url) {
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon < 2) return false;
  for (char c : url.substr(0, colon))
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
          c == '.'))
      return false;
  return true;
}

}  // namespace galley
