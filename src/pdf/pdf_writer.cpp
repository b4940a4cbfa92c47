// PDF export: pages of frames drawn (pdf/draw.cpp) on Cairo's PDF surface. Sees only the
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
#include "pdf/draw.hpp"
#include "pdf/postprocess.hpp"

namespace galley {
namespace {

using pdf::detail::check;
using pdf::detail::ContextDestroy;
using pdf::detail::draw_page;
using pdf::detail::ImageSurfaces;
using pdf::detail::Marks;
using pdf::detail::SurfaceDestroy;

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

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Dates in the form Cairo takes: "YYYY-MM-DDThh:mm:ss" in UTC, computed
// without the time zone or the locale. (Cairo writes them in a form PDF
// readers only guess at; postprocess() rewrites them, but Cairo must still
// be given one or it writes the clock's.)
std::string iso_date_time(std::int64_t seconds) { return pdf::detail::format_utc(seconds, "%04d-%02d-%02dT%02d:%02d:%02d"); }

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

}  // namespace

std::shared_ptr<const layout::PagedDocument> layout_pages(const WriteOptions& options, const doc::Document& document) {
  if (options.theme == nullptr) throw Error(ErrorKind::usage, "", "layout_pages needs a theme");
  image::ImageCache image_cache(
      {options.resource_directory, options.allow_outside_images, options.source_file, options.max_image_pixels});
  layout::ImageLoader load_image;
  if (!options.resource_directory.empty())
    load_image = [&image_cache](const std::string& src) { return image_cache.get(src); };
  auto pages = std::make_shared<layout::PagedDocument>(layout::layout_document(document, *options.theme, load_image));
  if (pages->pages.size() > options.max_pages)
    throw Error(ErrorKind::bad_input, options.source_file,
                "sets into " + std::to_string(pages->pages.size()) + " pages, more than the limit of " +
                    std::to_string(options.max_pages) + " (see --max-pages)");
  if (options.warnings) {
    for (Diagnostic& warning : pages->warnings)
      if (warning.file.empty()) warning.file = options.source_file;
    options.warnings->insert(options.warnings->end(), pages->warnings.begin(), pages->warnings.end());
  }
  return pages;
}

std::string write_pdf(const WriteOptions& options, const doc::Document& document) {
  const std::shared_ptr<const layout::PagedDocument> laid_out = options.pages ? options.pages : layout_pages(options, document);
  const layout::PagedDocument& pages = *laid_out;
  ImageSurfaces image_surfaces(options.source_file, false);
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
      draw_page(context.get(), page, image_surfaces, Marks::tagged);
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
