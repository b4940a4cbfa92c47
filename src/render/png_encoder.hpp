// PNG files from Cairo's opaque image surfaces (the EPUB's drawn cover, the
// preview's pages), written with libpng.
#pragma once

#include <cairo.h>

#include <string>

namespace galley::render {

// The surface (CAIRO_FORMAT_RGB24, flushed) as an 8-bit RGB PNG file.
//
// Cairo's own PNG writer asks libpng for its default filtering, which tries
// all five row filters on every row, and zlib's default level: for the
// EPUB's 1200 by 1800 pixel cover that was 930 million instructions (a
// tenth of a second), more than the rest of a 100,000-word EPUB. Pages and
// covers are flat colour and type, for which the "up" filter alone and a
// fast zlib level do nearly as well: 236 million instructions.
// Throws galley::Error (internal) if libpng fails.
std::string encode_png(cairo_surface_t* surface);

}  // namespace galley::render
