// Drawing the layout's pages on a cairo_t: one code path for the PDF
// exporter, the PNG preview and the EPUB's drawn cover, so what the preview
// shows is what prints.
#pragma once

#include <cairo.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "galley/galley.hpp"
#include "galley/layout.hpp"

namespace galley::render {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDestroy {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDestroy>;

// Throws galley::Error (internal) when Cairo reports a failure.
void check(cairo_status_t status, const char* what);

// Cairo surfaces for the images, one per image however often it is drawn,
// so the PDF holds each picture once.
class ImageSurfaces {
 public:
  // `pixels`: the surfaces are painted on a raster (the preview), so JPEGs,
  // which Cairo cannot decode, are shown as grey boxes; in a PDF they go in
  // as they are.
  ImageSurfaces(std::string input_file, bool pixels);
  // The surface for the image, made once for all its readings (each
  // article of an edition reads its files anew): the image is held while
  // its surface lives, since a JPEG's surface shows its bytes as they are.
  cairo_surface_t* surface_for(const std::shared_ptr<const image::ImageData>& image);
  bool pixels() const { return pixels_; }

 private:
  SurfacePtr jpeg_surface(const image::ImageData& image);
  SurfacePtr png_surface(const image::ImageData& image);
  void check_image(cairo_status_t status, const image::ImageData& image) const;

  std::string input_file_;
  bool pixels_;
  // By the file's bytes, so the same picture read for several articles (an
  // edition's stories sharing a photograph) is one surface, which Cairo
  // embeds once; each key views the bytes of the image held beside it.
  struct HeldSurface {
    std::shared_ptr<const image::ImageData> image;
    SurfacePtr surface;
  };
  std::map<std::string_view, HeldSurface> by_bytes_;
};

// What the page's items need beyond ink: structure tags and destinations,
// which only a PDF surface takes.
enum class Marks { tagged, ink_only };

// Where a page's trim sits on the sheet it is drawn on, and its bleed.
struct TrimPlacement {
  double x = 0, y = 0;  // points from the sheet's top-left corner to the trim's
  // Rules, boxes and pictures that touch the page's edge are drawn this
  // many points beyond it (pictures scaled up about their centre to fill
  // it), so a cut a little off the trim leaves no white sliver.
  double bleed = 0;
};

// Draws every item of `page` at its place, in points.
void draw_page(cairo_t* context, const layout::Page& page, ImageSurfaces& images, Marks marks,
               const TrimPlacement& placement = {});

// The first `count` pages (all when fewer) as PNG files' bytes, drawn at
// `dots_per_inch` on a white ground.
std::vector<std::string> render_png_pages(const layout::PagedDocument& pages, std::size_t count,
                                          double dots_per_inch, const std::string& input_file);

// A cover page (600 by 900 points) as a PNG file's bytes at 144 dots an
// inch: 1200 by 1800 pixels, sharp on a tablet and within every store's limits.
std::string render_cover_png(const layout::Page& cover, const std::string& input_file);

}  // namespace galley::render
