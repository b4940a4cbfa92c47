// PDF export: pages of frames drawn with Cairo's PDF surface. Sees only the
// layout's pages, never the document model, apart from its metadata.
#include <cairo-pdf.h>
#include <clocale>
#include <cstring>
#include <ctime>
#include <locale.h>

#include <map>
#include <memory>
#include <type_traits>

#include "galley/galley.hpp"
#include "galley/layout.hpp"
#include "layout/fonts.hpp"
#include "layout/images.hpp"
#include "pdf/postprocess.hpp"

namespace galley {
namespace {

// Cairo prints numbers with the C library, and parses tag attributes with
// it: a decimal-comma locale would corrupt both. This switches the calling
// thread to the C locale for numbers while the PDF is written.
class ScopedCNumericLocale {
 public:
  ScopedCNumericLocale() : c_locale_(newlocale(LC_NUMERIC_MASK, "C", static_cast<locale_t>(nullptr))) {
    if (c_locale_) previous_ = uselocale(c_locale_);
  }
  ~ScopedCNumericLocale() {
    if (c_locale_) {
      uselocale(previous_);
      freelocale(c_locale_);
    }
  }
  ScopedCNumericLocale(const ScopedCNumericLocale&) = delete;
  ScopedCNumericLocale& operator=(const ScopedCNumericLocale&) = delete;

 private:
  locale_t c_locale_;
  locale_t previous_ = LC_GLOBAL_LOCALE;
};

struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDestroy {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(ErrorKind::internal, "", std::string("Cairo failed ") + what + ": " + cairo_status_to_string(status));
}

// Dates in the form Cairo takes: "YYYY-MM-DDThh:mm:ss" in UTC, computed
// without the time zone or the locale. (Cairo writes them in a form PDF
// readers only guess at; postprocess() rewrites them, but Cairo must still
// be given one or it writes the clock's.)
std::string iso_date_time(std::int64_t seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", parts.tm_year + 1900, parts.tm_mon + 1,
                parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
  return buffer;
}

void set_metadata(cairo_surface_t* surface, const doc::Meta& meta, std::int64_t modified_time) {
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  std::string authors;
  for (const std::string& author : meta.authors) authors += (authors.empty() ? "" : ", ") + author;
  if (!authors.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, authors.c_str());
  if (!meta.subtitle.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, meta.subtitle.c_str());
  std::string keywords;
  for (const std::string& keyword : meta.keywords) keywords += (keywords.empty() ? "" : ", ") + keyword;
  if (!keywords.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "galley " GALLEY_VERSION);
  // Without an explicit date Cairo writes the clock's, and no two builds match.
  std::string date = iso_date_time(modified_time);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
}

void set_color(cairo_t* context, const style::Color& color) {
  cairo_set_source_rgb(context, color.red, color.green, color.blue);
}

void draw(cairo_t* context, const layout::GlyphRun& run) {
  set_color(context, run.color);
  cairo_set_scaled_font(context, run.font->scaled_font());
  std::vector<cairo_glyph_t> glyphs;
  glyphs.reserve(run.glyphs.size());
  for (const layout::Glyph& glyph : run.glyphs) glyphs.push_back({glyph.id, run.x + glyph.x, run.y + glyph.y});
  std::vector<cairo_text_cluster_t> clusters;
  clusters.reserve(run.clusters.size());
  for (const layout::TextCluster& cluster : run.clusters) clusters.push_back({cluster.bytes, cluster.glyphs});
  cairo_show_text_glyphs(context, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
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

// Cairo surfaces for the images, one per image however often it is drawn,
// so the PDF holds each picture once.
class ImageSurfaces {
 public:
  explicit ImageSurfaces(std::string input_file) : input_file_(std::move(input_file)) {}

  cairo_surface_t* surface_for(const image::ImageData& image) {
    auto found = surfaces_.find(&image);
    if (found != surfaces_.end()) return found->second.get();
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface =
        image.format == image::ImageFormat::jpeg ? jpeg_surface(image) : png_surface(image);
    cairo_surface_t* raw = surface.get();
    surfaces_.emplace(&image, std::move(surface));
    return raw;
  }

 private:
  // The JPEG goes into the PDF as it is (DCTDecode): Cairo uses the attached
  // bytes and never reads the surface's pixels, which stay unallocated
  // pages of zeros.
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> jpeg_surface(const image::ImageData& image) {
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height));
    check_image(cairo_surface_status(surface.get()), image);
    // The bytes outlive the surface: the layout's items hold the image.
    auto* data = reinterpret_cast<unsigned char*>(const_cast<char*>(image.bytes.data()));
    check_image(cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, data, image.bytes.size(), nullptr,
                                            nullptr),
                image);
    return surface;
  }

  struct PngReader {
    std::string_view bytes;
    std::size_t position = 0;
  };

  static cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->bytes.size() - reader->position < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, reader->bytes.data() + reader->position, length);
    reader->position += length;
    return CAIRO_STATUS_SUCCESS;
  }

  std::unique_ptr<cairo_surface_t, SurfaceDestroy> png_surface(const image::ImageData& image) {
    PngReader reader{image.bytes};
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(cairo_image_surface_create_from_png_stream(read_png, &reader));
    check_image(cairo_surface_status(surface.get()), image);
    return surface;
  }

  // A broken image is the input's fault, not galley's: it names both.
  void check_image(cairo_status_t status, const image::ImageData& image) const {
    if (status != CAIRO_STATUS_SUCCESS)
      throw Error(ErrorKind::bad_input, input_file_,
                  "image \"" + image.src + "\" cannot be decoded: " + cairo_status_to_string(status));
  }

  std::string input_file_;
  std::map<const image::ImageData*, std::unique_ptr<cairo_surface_t, SurfaceDestroy>> surfaces_;
};

void draw(cairo_t* context, const layout::ImageItem& item, ImageSurfaces& images) {
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

// Bookmarks from the headings, nested by level.
void add_outline(cairo_surface_t* surface, const std::vector<layout::OutlineEntry>& outline) {
  std::vector<std::pair<int, int>> open;  // (level, outline id) of the enclosing entries
  for (const layout::OutlineEntry& entry : outline) {
    while (!open.empty() && open.back().first >= entry.level) open.pop_back();
    int parent = open.empty() ? CAIRO_PDF_OUTLINE_ROOT : open.back().second;
    std::string link = "dest='" + entry.anchor + "'";
    int id = cairo_pdf_surface_add_outline(surface, parent, entry.title.c_str(), link.c_str(),
                                           open.empty() ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t{});
    open.emplace_back(entry.level, id);
  }
}

template <class Item>
void draw(cairo_t* context, const Item& item, ImageSurfaces&) {
  draw(context, item);
}

}  // namespace

std::string write_pdf(const WriteOptions& options, const doc::Document& document) {
  image::ImageCache image_cache({options.resource_directory, options.allow_outside_images, options.source_file});
  layout::ImageLoader load_image;
  if (!options.resource_directory.empty())
    load_image = [&image_cache](const std::string& src) { return image_cache.get(src); };
  layout::PagedDocument pages = layout::layout_document(document, *options.theme, load_image);
  ImageSurfaces image_surfaces(options.source_file);
  ScopedCNumericLocale c_numbers;
  std::string bytes;
  {
    const layout::Page& first = pages.pages.front();
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
        cairo_pdf_surface_create_for_stream(append_to_string, &bytes, first.width, first.height));
    check(cairo_surface_status(surface.get()), "to create the PDF surface");
    cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
    set_metadata(surface.get(), document.meta, options.modified_time);
    std::unique_ptr<cairo_t, ContextDestroy> context(cairo_create(surface.get()));
    // All content sits in one Document element: Cairo writes links outside
    // any structure element in a way qpdf calls damaged.
    cairo_tag_begin(context.get(), "Document", nullptr);
    for (std::size_t index = 0; index < pages.pages.size(); ++index) {
      const layout::Page& page = pages.pages[index];
      // Cairo 1.16 rejects a change of page size while a structure element
      // is open, and Document always is: every page has the first page's size.
      if (page.width != first.width || page.height != first.height)
        throw Error(ErrorKind::internal, "", "pages of different sizes in one PDF");
      for (const layout::Item& item : page.items)
        std::visit([&](const auto& node) { draw(context.get(), node, image_surfaces); }, item);
      if (index + 1 == pages.pages.size()) cairo_tag_end(context.get(), "Document");
      cairo_show_page(context.get());
      // Cairo reports a tag error only here, at the end of the page.
      check(cairo_status(context.get()), "to draw a page");
    }
    add_outline(surface.get(), pages.outline);
    context.reset();
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "to finish the PDF");
  }
  std::string lang = document.meta.lang.empty() ? options.theme->lang : document.meta.lang;
  return pdf::detail::postprocess(bytes, {&document.meta, lang, options.modified_time});
}

}  // namespace galley
