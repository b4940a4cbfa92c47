// PDF export: pages of frames drawn (pdf/draw.cpp) on Cairo's PDF surface. Sees only the
// layout's pages, never the document model, apart from its metadata.
#include <cairo-pdf.h>
#include <clocale>
#include <cstring>
#include <ctime>
#include <locale.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <type_traits>

#include "galley/galley.hpp"
#include "galley/edition.hpp"
#include "galley/layout.hpp"
#include "layout/pages/edition_layout.hpp"
#include "layout/fonts.hpp"
#include "layout/layout_pages.hpp"
#include "pdf/postprocess.hpp"
#include "pdf/sheet.hpp"
#include "pdf/structure_joins.hpp"
#include "render/draw.hpp"

namespace galley {
namespace {

using render::check;
using render::ContextDestroy;
using render::draw_page;
using render::ImageSurfaces;
using render::Marks;
using render::SurfaceDestroy;

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

namespace {

// A PDF written page by page: each page is drawn on Cairo's surface as it
// comes, so a long edition is never held as pages in memory, only as the
// PDF's bytes.
class PdfPageWriter {
 public:
  // `print`: the theme's page, for its bleed and marks; `source_file`
  // names the input in messages and in the marks' slug line.
  PdfPageWriter(const doc::Meta& meta, std::int64_t modified_time, const std::string& source_file,
                const style::PageGeometry& print)
      : image_surfaces_(source_file, false), print_(print) {
    meta_ = meta;
    modified_time_ = modified_time;
    source_name_ = std::filesystem::path(source_file).filename().string();
  }

  // `last`: the Document element closes on the last page, before it is shown.
  void add(const layout::Page& page, bool last) {
    if (!surface_) {
      width_ = page.width;
      height_ = page.height;
      sheet_ = pdf::detail::sheet_geometry(width_, height_, print_);
      surface_.reset(cairo_pdf_surface_create_for_stream(append_to_string, &bytes_, sheet_.media_width(),
                                                         sheet_.media_height()));
      check(cairo_surface_status(surface_.get()), "to create the PDF surface");
      cairo_pdf_surface_restrict_to_version(surface_.get(), CAIRO_PDF_VERSION_1_5);
      set_metadata(surface_.get(), meta_, modified_time_);
      context_.reset(cairo_create(surface_.get()));
      // All content sits in one Document element: Cairo writes links outside
      // any structure element in a way qpdf calls damaged.
      cairo_tag_begin(context_.get(), "Document", nullptr);
    }
    // Cairo 1.16 rejects a change of page size while a structure element
    // is open, and Document always is: every page has the first page's size.
    if (page.width != width_ || page.height != height_)
      throw Error(ErrorKind::internal, "", "pages of different sizes in one PDF");
    ++page_count_;
    if (sheet_.marks)
      pdf::detail::draw_print_marks(context_.get(), sheet_, slug(page));
    draw_page(context_.get(), page, image_surfaces_, Marks::tagged, {sheet_.offset, sheet_.offset, sheet_.bleed});
    structure_.add_page(page);
    // Cairo 1.16 aborts (an assertion in its tag code) on a page where
    // nothing was drawn while the Document element is open: a blank verso
    // gets a white point at its centre.
    if (page.items.empty() && !sheet_.marks) {
      cairo_set_source_rgb(context_.get(), 1, 1, 1);
      cairo_rectangle(context_.get(), sheet_.media_width() / 2, sheet_.media_height() / 2, 0.5, 0.5);
      cairo_fill(context_.get());
    }
    if (last) cairo_tag_end(context_.get(), "Document");
    closed_ = last;
    cairo_show_page(context_.get());
    // Cairo reports a tag error only here, at the end of the page.
    check(cairo_status(context_.get()), "to draw a page");
  }

  // The slug line under a page's marks: file, page, date, then the title
  // (shortened to fit, if need be, by the marks).
  std::string slug(const layout::Page& page) const {
    const std::string separator = "  \u00B7  ";
    std::string text = source_name_.empty() ? std::string() : source_name_ + separator;
    text += "page " + (page.label.empty() ? std::to_string(page_count_) : page.label) + separator +
            pdf::detail::format_utc(modified_time_, "%04d-%02d-%02d");
    if (!meta_.title.empty()) text += separator + meta_.title;
    return text;
  }

  std::string finish(const std::vector<layout::OutlineEntry>& outline, const std::string& lang,
                     std::size_t pages_to_front = 0, std::size_t elements_to_front = 0) {
    if (!closed_ || !surface_) throw Error(ErrorKind::internal, "", "a PDF was finished before its last page");
    add_outline(surface_.get(), outline);
    context_.reset();
    cairo_surface_finish(surface_.get());
    check(cairo_surface_status(surface_.get()), "to finish the PDF");
    surface_.reset();
    pdf::detail::PostprocessOptions options{&meta_, lang, modified_time_, pages_to_front, elements_to_front};
    options.trim_offset = sheet_.offset;
    options.bleed = sheet_.bleed;
    options.joined_elements = structure_.joined();
    return pdf::detail::postprocess(bytes_, options);
  }

 private:
  ScopedCNumericLocale c_numbers_;
  ImageSurfaces image_surfaces_;
  doc::Meta meta_;
  std::int64_t modified_time_ = 0;
  bool closed_ = false;  // the last page is drawn
  double width_ = 0, height_ = 0;  // points: the trim, every page's
  style::PageGeometry print_;
  pdf::detail::SheetGeometry sheet_;
  std::string source_name_;  // the input's file name, for the marks' slug
  std::size_t page_count_ = 0;
  pdf::detail::StructureTracker structure_;  // for the elements drawn in parts
  std::string bytes_;  // before the surface, which writes into it until it is finished
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface_;
  std::unique_ptr<cairo_t, ContextDestroy> context_;
};

}  // namespace

std::string write_pdf(const WriteOptions& options, const doc::Document& document) {
  const std::shared_ptr<const layout::PagedDocument> laid_out = options.pages ? options.pages : layout_pages(options, document);
  const layout::PagedDocument& pages = *laid_out;
  PdfPageWriter writer(document.meta, options.modified_time, options.source_file, options.theme->page);
  for (std::size_t index = 0; index < pages.pages.size(); ++index)
    writer.add(pages.pages[index], index + 1 == pages.pages.size());
  return writer.finish(pages.outline, document.meta.lang.empty() ? options.theme->lang : document.meta.lang);
}

namespace {

// The edition's metadata in the document model's form, for the PDF's
// information and XMP.
doc::Meta edition_document_meta(const Edition& edition, const style::Theme& theme) {
  const EditionMeta& meta = edition.meta;
  doc::Meta result;
  result.title = meta.title;
  result.publisher = meta.publisher;
  result.date = meta.date;
  result.date_text = meta.date_text;
  result.lang = edition_language(edition, theme);
  result.identifier = meta.identifier.empty() ? derive_edition_identifier(edition) : meta.identifier;
  result.rights = meta.rights;
  result.description = meta.description;
  result.subtitle = meta.issue;
  return result;
}

}  // namespace

std::string write_edition_pdf(const WriteOptions& options, const Edition& edition, EditionPagination* pagination) {
  if (options.theme == nullptr) throw Error(ErrorKind::usage, "", "write_edition_pdf needs a theme");
  const doc::Meta meta = edition_document_meta(edition, *options.theme);
  // A newspaper's front page holds the contents and the first stories: its
  // numbers come from a first setting of the whole edition. Any other
  // edition is set once, its contents drawn last and moved to the front.
  // The second setting reuses what the first learnt (EditionMemory).
  layout::EditionMemory memory;
  std::optional<EditionPagination> first_run;
  if (layout::front_page_shared(*options.theme)) first_run = layout::paginate_edition(options, edition, &memory);
  WriteOptions quiet = options;
  if (first_run) quiet.warnings = nullptr;  // the first setting reported them
  PdfPageWriter writer(meta, options.modified_time, options.source_file, options.theme->page);
  // Each page is drawn when the next arrives: the last closes the Document element.
  std::optional<layout::Page> waiting;
  std::size_t pages = 0;
  layout::EditionLayoutResult result =
      layout::lay_out_edition(edition, *options.theme, layout::article_image_loaders(options),
                              layout::cover_image_loader(options, edition), first_run ? &first_run->article_first_page : nullptr, [&](layout::Page&& page) {
                                layout::check_edition_page_limit(options, ++pages);
                                if (waiting) writer.add(*waiting, false);
                                waiting = std::move(page);
                              }, &memory);
  if (!waiting) throw Error(ErrorKind::internal, options.source_file, "an edition of no pages");
  writer.add(*waiting, true);
  if (quiet.warnings) quiet.warnings->insert(quiet.warnings->end(), result.warnings.begin(), result.warnings.end());
  if (first_run && (result.pagination.pages.size() != first_run->pages.size() ||
                    result.pagination.article_first_page != first_run->article_first_page))
    throw Error(ErrorKind::internal, options.source_file, "the edition set differently the second time");
  std::string bytes = writer.finish(result.outline, meta.lang, result.deferred_front_pages, result.deferred_front_elements);
  if (pagination) {
    result.pagination.print_edition_name = layout::print_edition_name(edition.meta.title, *options.theme);
    *pagination = std::move(result.pagination);
  }
  return bytes;
}

}  // namespace galley
