#include "pdf/sheet.hpp"

#include <algorithm>

namespace galley::pdf::detail {
namespace {

// Points: marks begin this far outside the bleed, so a cut a little off
// the trim never shows one; each crop mark is this long.
constexpr double mark_gap = 3;
constexpr double mark_length = 18;
constexpr double registration_radius = 4;
constexpr double slug_size = 6;

}  // namespace

SheetGeometry sheet_geometry(double width, double height, const style::PageGeometry& page) {
  SheetGeometry sheet;
  sheet.trim_width = width;
  sheet.trim_height = height;
  sheet.bleed = page.bleed;
  sheet.marks = page.marks;
  sheet.offset = page.bleed + (page.marks ? mark_gap + mark_length + 3 : 0);
  return sheet;
}

void draw_print_marks(cairo_t* context, const SheetGeometry& sheet, const std::string& slug) {
  if (!sheet.marks) return;
  cairo_save(context);
  // Registration black: in an RGB file, black.
  cairo_set_source_rgb(context, 0, 0, 0);
  cairo_set_line_width(context, mark_line_width);
  const double left = sheet.offset, top = sheet.offset;
  const double right = left + sheet.trim_width, bottom = top + sheet.trim_height;
  const double near = sheet.bleed + mark_gap, far = near + mark_length;  // from the trim, outwards
  auto line = [context](double x0, double y0, double x1, double y1) {
    cairo_move_to(context, x0, y0);
    cairo_line_to(context, x1, y1);
  };
  // Crop marks: each trim line continued outside the bleed at each corner.
  for (double x : {left, right}) {
    line(x, top - near, x, top - far);
    line(x, bottom + near, x, bottom + far);
  }
  for (double y : {top, bottom}) {
    line(left - near, y, left - far, y);
    line(right + near, y, right + far, y);
  }
  cairo_stroke(context);
  // Registration marks: a circle and a cross at the middle of each edge.
  const double reach = near + mark_length / 2;
  const double centres[4][2] = {{(left + right) / 2, top - reach},
                                {(left + right) / 2, bottom + reach},
                                {left - reach, (top + bottom) / 2},
                                {right + reach, (top + bottom) / 2}};
  for (const auto& centre : centres) {
    cairo_new_sub_path(context);
    cairo_arc(context, centre[0], centre[1], registration_radius, 0, 6.283185307179586);
    line(centre[0] - registration_radius * 1.75, centre[1], centre[0] + registration_radius * 1.75, centre[1]);
    line(centre[0], centre[1] - registration_radius * 1.75, centre[0], centre[1] + registration_radius * 1.75);
  }
  cairo_stroke(context);
  // The slug, under the bottom edge, from the left trim to short of the
  // registration mark: shortened at the end when it would reach it.
  cairo_select_font_face(context, "Noto Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(context, slug_size);
  const double room = sheet.trim_width / 2 - registration_radius * 3 - mark_gap;
  std::string text = slug;
  cairo_text_extents_t extents;
  for (cairo_text_extents(context, text.c_str(), &extents); !text.empty() && extents.x_advance > room;
       cairo_text_extents(context, text.c_str(), &extents)) {
    // A whole UTF-8 character off the end: its continuation bytes, then its first.
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    if (!text.empty()) text.pop_back();
  }
  cairo_move_to(context, left + mark_gap, bottom + near + mark_length / 2 + slug_size / 3);
  cairo_show_text(context, text.c_str());
  cairo_restore(context);
}

}  // namespace galley::pdf::detail
