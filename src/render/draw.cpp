#include "render/draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "layout/fonts.hpp"
#include "image/images.hpp"
#include "render/png_encoder.hpp"

namespace galley::render {
namespace {

void set_color(cairo_t* context, const style::Color& color) {
  cairo_set_source_rgb(context, color.red, color.green, color.blue);
}

void draw(cairo_t* context, const layout::GlyphRun& run) {
  set_color(context, run.color);
  cairo_set_scaled_font(context, run.font->scaled_font(run.horizontal_scale));
  std::vector<cairo_glyph_t> glyphs;
  glyphs.reserve(run.glyphs.size());
  for (const layout::Glyph& glyph : run.glyphs) glyphs.push_back({glyph.id, run.x + glyph.x, run.y + glyph.y});
  // A soft hyphen where the line does not break shows no glyph; given to
  // cairo, each becomes an empty marked-content span with its own ActualText
  // and splits the line's text operator. Left out, the text reads the same.
  static constexpr std::string_view soft_hyphen = "\u00AD";
  std::string text;
  text.reserve(run.text.size());
  std::vector<cairo_text_cluster_t> clusters;
  clusters.reserve(run.clusters.size());
  std::size_t byte = 0;
  for (const layout::TextCluster& cluster : run.clusters) {
    std::string_view bytes = std::string_view(run.text).substr(byte, static_cast<std::size_t>(cluster.bytes));
    byte += bytes.size();
    if (cluster.glyphs == 0 && bytes == soft_hyphen) continue;
    text += bytes;
    clusters.push_back({cluster.bytes, cluster.glyphs});
  }
  cairo_show_text_glyphs(context, text.data(), static_cast<int>(text.size()), glyphs.data(),
                         static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                         run.clusters_backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t{});
}

void draw(cairo_t* context, const layout::RuleItem& rule) {
  set_color(context, rule.color);
  cairo_set_line_width(context, rule.thickness);
  cairo_move_to(context, rule.x0, rule.y0);
  cairo_line_to(context, rule.x1, rule.y1);
  cairo_stroke(context);
}

void draw(cairo_t* context, const layout::BoxItem& box) {
  set_color(context, box.fill);
  cairo_rectangle(context, box.x, box.y, box.width, box.height);
  cairo_fill(context);
}

void draw(cairo_t* context, const layout::ImageItem& item, ImageSurfaces& images) {
  if (images.pixels() && item.image->format == image::ImageFormat::jpeg) {
    // Cairo cannot decode a JPEG: the preview shows where it stands.
    layout::BoxItem box{item.x, item.y, item.width, item.height, {0.85, 0.85, 0.85}};
    draw(context, box);
    return;
  }
  cairo_surface_t* surface = images.surface_for(item.image);
  cairo_save(context);
  cairo_translate(context, item.x, item.y);
  cairo_scale(context, item.width / item.image->width, item.height / item.image->height);
  cairo_set_source_surface(context, surface, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD);
  cairo_paint(context);
  cairo_restore(context);
}

// Within this many points of the trim, an item touches it.
constexpr double edge_tolerance = 0.5;

// The box (x, y, width, height) grown by `bleed` on each side that touches the page's edge.
void extend_to_bleed(double& x, double& y, double& width, double& height, const layout::Page& page, double bleed) {
  if (bleed <= 0) return;
  const double right = x + width, bottom = y + height;
  if (x <= edge_tolerance) x -= bleed;
  if (y <= edge_tolerance) y -= bleed;
  width = (right >= page.width - edge_tolerance ? right + bleed : right) - x;
  height = (bottom >= page.height - edge_tolerance ? bottom + bleed : bottom) - y;
}

layout::BoxItem bled(layout::BoxItem box, const layout::Page& page, double bleed) {
  extend_to_bleed(box.x, box.y, box.width, box.height, page, bleed);
  return box;
}

// A horizontal or vertical rule reaching the edge goes on to the bleed's.
layout::RuleItem bled(layout::RuleItem rule, const layout::Page& page, double bleed) {
  if (bleed <= 0) return rule;
  auto outwards = [bleed](double& value, double limit) {
    if (value <= edge_tolerance) value -= bleed;
    else if (value >= limit - edge_tolerance) value += bleed;
  };
  if (rule.y0 == rule.y1) outwards(rule.x0, page.width), outwards(rule.x1, page.width);
  if (rule.x0 == rule.x1) outwards(rule.y0, page.height), outwards(rule.y1, page.height);
  return rule;
}

// A picture touching the edge fills its box grown into the bleed, scaled
// about its centre by as much as the larger growth and clipped to the box.
void draw_bled(cairo_t* context, const layout::ImageItem& item, ImageSurfaces& images, const layout::Page& page,
               double bleed) {
  double x = item.x, y = item.y, width = item.width, height = item.height;
  extend_to_bleed(x, y, width, height, page, bleed);
  if (width == item.width && height == item.height) return draw(context, item, images);
  const double scale = std::max(width / item.width, height / item.height);
  layout::ImageItem grown = item;
  grown.width = item.width * scale;
  grown.height = item.height * scale;
  grown.x = x + (width - grown.width) / 2;
  grown.y = y + (height - grown.height) / 2;
  cairo_save(context);
  cairo_rectangle(context, x, y, width, height);
  cairo_clip(context);
  draw(context, grown, images);
  cairo_restore(context);
}

void draw(cairo_t* context, const layout::StructureItem& item) {
  if (item.begin)
    cairo_tag_begin(context, item.tag.c_str(), nullptr);
  else
    cairo_tag_end(context, item.tag.c_str());
}

// A named destination, which bookmarks and internal links point at: Cairo
// 1.16 writes links to a later page by number without a target.
// Cairo reads the places of destinations and links on the page as they
// are, without the current transformation: `origin` is where the trim is.
void draw(cairo_t* context, const layout::AnchorItem& anchor, const TrimPlacement& origin) {
  char attributes[160];
  std::snprintf(attributes, sizeof attributes, "name='%s' x=%.2f y=%.2f", anchor.name.c_str(), anchor.x + origin.x,
                anchor.y + origin.y);
  cairo_tag_begin(context, CAIRO_TAG_DEST, attributes);
  cairo_tag_end(context, CAIRO_TAG_DEST);
}

// Cairo's attribute strings quote with single quotes; a quote or backslash
// inside is escaped with a backslash.
std::string quoted_attribute(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// A link with its area given: the glyphs stay in their paragraph's
// structure element, and the area covers exactly the linked words.
void draw(cairo_t* context, const layout::LinkItem& link, const TrimPlacement& origin) {
  char area[128];
  std::snprintf(area, sizeof area, " rect=[%.2f %.2f %.2f %.2f]", link.x + origin.x, link.y + origin.y, link.width,
                link.height);
  std::string attributes = (link.uri.empty() ? "dest=" + quoted_attribute(link.anchor) : "uri=" + quoted_attribute(link.uri)) + area;
  cairo_tag_begin(context, CAIRO_TAG_LINK, attributes.c_str());
  cairo_tag_end(context, CAIRO_TAG_LINK);
}

}  // namespace

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::internal, "", std::string("Cairo failed ") + what + ": " + cairo_status_to_string(status));
}

ImageSurfaces::ImageSurfaces(std::string input_file, bool pixels)
    : input_file_(std::move(input_file)), pixels_(pixels) {}

cairo_surface_t* ImageSurfaces::surface_for(const std::shared_ptr<const image::ImageData>& image) {
  if (const auto same = by_bytes_.find(image->bytes); same != by_bytes_.end()) return same->second.surface.get();
  SurfacePtr surface = image->format == image::ImageFormat::jpeg ? jpeg_surface(*image) : png_surface(*image);
  cairo_surface_t* raw = surface.get();
  by_bytes_.emplace(std::string_view(image->bytes), HeldSurface{image, std::move(surface)});
  return raw;
}

// The JPEG goes into the PDF as it is (DCTDecode): Cairo uses the attached
// bytes and never reads the surface's pixels, which stay unallocated
// pages of zeros.
SurfacePtr ImageSurfaces::jpeg_surface(const image::ImageData& image) {
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height));
  check_image(cairo_surface_status(surface.get()), image);
  // The bytes outlive the surface: ImageSurfaces holds the image beside it.
  auto* data = reinterpret_cast<unsigned char*>(const_cast<char*>(image.bytes.data()));
  check_image(
      cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, data, image.bytes.size(), nullptr, nullptr),
      image);
  return surface;
}

namespace {
struct PngReader {
  std::string_view bytes;
  std::size_t position = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->bytes.size() - reader->position < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, reader->bytes.data() + reader->position, length);
  reader->position += length;
  return CAIRO_STATUS_SUCCESS;
}
}  // namespace

SurfacePtr ImageSurfaces::png_surface(const image::ImageData& image) {
  PngReader reader{image.bytes};
  SurfacePtr surface(cairo_image_surface_create_from_png_stream(read_png, &reader));
  check_image(cairo_surface_status(surface.get()), image);
  return surface;
}

// A broken image is the input's fault, not galley's: it names both.
void ImageSurfaces::check_image(cairo_status_t status, const image::ImageData& image) const {
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::bad_input, input_file_,
                "image '" + image.src + "' is damaged: " + cairo_status_to_string(status));
}

void draw_page(cairo_t* context, const layout::Page& page, ImageSurfaces& images, Marks marks,
               const TrimPlacement& placement) {
  const double bleed = placement.bleed;
  cairo_save(context);
  cairo_translate(context, placement.x, placement.y);
  for (const layout::Item& item : page.items)
    std::visit(
        [&](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, layout::SourceMarkItem>) {
            // Layout removes these before any page is drawn.
          } else if constexpr (std::is_same_v<Node, layout::ImageItem>) {
            draw_bled(context, node, images, page, bleed);
          } else if constexpr (std::is_same_v<Node, layout::BoxItem> || std::is_same_v<Node, layout::RuleItem>) {
            draw(context, bled(node, page, bleed));
          } else if constexpr (std::is_same_v<Node, layout::AnchorItem> || std::is_same_v<Node, layout::LinkItem>) {
            if (marks == Marks::tagged) draw(context, node, placement);
          } else if constexpr (std::is_same_v<Node, layout::StructureItem>) {
            if (marks == Marks::tagged) draw(context, node);
          } else {
            draw(context, node);
          }
        },
        item);
  cairo_restore(context);
}

std::vector<std::string> render_png_pages(const layout::PagedDocument& pages, std::size_t count,
                                          double dots_per_inch, const std::string& input_file) {
  ImageSurfaces images(input_file, true);
  std::vector<std::string> files;
  const double scale = dots_per_inch / 72;
  for (std::size_t index = 0; index < pages.pages.size() && index < count; ++index) {
    const layout::Page& page = pages.pages[index];
    const int width = static_cast<int>(std::lround(page.width * scale));
    const int height = static_cast<int>(std::lround(page.height * scale));
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    check(cairo_surface_status(surface.get()), "to create an image surface");
    ContextPtr context(cairo_create(surface.get()));
    cairo_set_source_rgb(context.get(), 1, 1, 1);
    cairo_paint(context.get());
    cairo_scale(context.get(), scale, scale);
    draw_page(context.get(), page, images, Marks::ink_only);
    check(cairo_status(context.get()), "to draw a preview page");
    context.reset();
    cairo_surface_flush(surface.get());
    files.push_back(encode_png(surface.get()));
  }
  return files;
}

std::string render_cover_png(const layout::Page& cover, const std::string& input_file) {
  layout::PagedDocument page;
  page.pages.push_back(cover);
  constexpr double dots_per_inch = 144;
  return render_png_pages(page, 1, dots_per_inch, input_file).front();
}

}  // namespace galley::render
