// The sRGB IEC61966-2.1 ICC profile from Debian's colord-data
// (/usr/share/color/icc/colord/sRGB.icc), compiled in by
// cmake/embed_file.cmake so that a build's PDFs never depend on what the
// machine running galley has installed.
#pragma once

#include <string_view>

namespace galley::pdf::detail {

std::string_view srgb_icc_profile();

}  // namespace galley::pdf::detail
