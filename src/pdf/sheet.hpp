// A printed page's sheet: the trim (the page as layout set it), the bleed
// around it, and the room outside the bleed for printer's marks. Layout
// knows only the trim; the PDF exporter draws each page on the whole sheet
// and qpdf records the boxes (postprocess.hpp).
#pragma once

#include <cairo.h>

#include <cstddef>
#include <string>

#include "galley/style.hpp"

namespace galley::pdf::detail {

struct SheetGeometry {
  double trim_width = 0, trim_height = 0;  // points: the page's size once cut
  double bleed = 0;                        // points drawn beyond the trim on each side
  double offset = 0;  // points from the MediaBox's edges to the TrimBox's: the bleed, plus the marks' room
  bool marks = false;

  double media_width() const { return trim_width + 2 * offset; }
  double media_height() const { return trim_height + 2 * offset; }
};

// The sheet for pages of `width` × `height` points with the theme's bleed and marks.
SheetGeometry sheet_geometry(double width, double height, const style::PageGeometry& page);

// The thickness of every mark, in points: the thinnest line preflight
// (galley check --print) accepts.
constexpr double mark_line_width = 0.25;

// Draws crop marks at the trim's corners and registration marks at the
// middle of each edge, both outside the bleed, and `slug` (the file, the
// page, the date) under the bottom edge, in the sheet's coordinates (the
// MediaBox's top-left corner at 0, 0).
void draw_print_marks(cairo_t* context, const SheetGeometry& sheet, const std::string& slug);

}  // namespace galley::pdf::detail
