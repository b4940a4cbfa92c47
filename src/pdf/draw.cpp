#include "pdf/draw.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "layout/fonts.hpp"
#include "layout/images.hpp"
#include "pdf/png_encoder.hpp"

namespace galley::pdf::detail {
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
  cairo_surface_t* surface = images.surface_for(*item.image);
  cairo_save(context);
  cairo_translate(context, item.x, item.y);
  cairo_scale(context, item.width / item.image->width, item.height / item.image->height);
  cairo_set_source_surface(context, surface, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD);
  cairo_paint(context);
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
void draw(cairo_t* context, const layout::AnchorItem& anchor) {
  char attributes[160];
  std::snprintf(attributes, sizeof attributes, "name='%s' x=%.2f y=%.2f", anchor.name.c_str(), anchor.x, anchor.y);
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
void draw(cairo_t* context, const layout::LinkItem& link) {
  char area[128];
  std::snprintf(area, sizeof area, " rect=[%.2f %.2f %.2f %.2f]", link.x, link.y, link.width, link.height);
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

cairo_surface_t* ImageSurfaces::surface_for(const image::ImageData& image) {
  auto found = surfaces_.find(&image);
  if (found != surfaces_.end()) return found->second.get();
  SurfacePtr surface = image.format == image::ImageFormat::jpeg ? jpeg_surface(image) : png_surface(image);
  cairo_surface_t* raw = surface.get();
  surfaces_.emplace(&image, std::move(surface));
  return raw;
}

// The JPEG goes into the PDF as it is (DCTDecode): Cairo uses the attached
// bytes and never reads the surface's pixels, which stay unallocated
// pages of zeros.
SurfacePtr ImageSurfaces::jpeg_surface(const image::ImageData& image) {
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height));
  check_image(cairo_surface_status(surface.get()), image);
  // The bytes outlive the surface: the layout's items hold the image.
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
                "image \"" + image.src + "\" cannot be decoded: " + cairo_status_to_string(status));
}

void draw_page(cairo_t* context, const layout::Page& page, ImageSurfaces& images, Marks marks) {
  for (const layout::Item& item : page.items)
    std::visit(
        [&](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, layout::SourceMarkItem>) {
            // Layout removes these before any page is drawn.
          } else if constexpr (std::is_same_v<Node, layout::ImageItem>) {
            draw(context, node, images);
          } else if constexpr (std::is_same_v<Node, layout::StructureItem> || std::is_same_v<Node, layout::AnchorItem> ||
                               std::is_same_v<Node, layout::LinkItem>) {
            if (marks == Marks::tagged) draw(context, node);
          } else {
            draw(context, node);
          }
        },
        item);
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

}  // namespace galley::pdf::detail
