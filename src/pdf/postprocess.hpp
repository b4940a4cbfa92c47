// What Cairo 1.16 cannot write, added with qpdf: valid PDF dates, the
// document language, a deterministic /ID, object streams, the page boxes
// for print and an sRGB output intent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "galley/doc.hpp"
#include "pdf/structure_joins.hpp"

class QPDF;

namespace galley::pdf::detail {

struct PostprocessOptions {
  const doc::Meta* meta = nullptr;  // for the XMP metadata; never null
  std::string lang;                 // BCP 47, for /Lang and dc:language
  std::int64_t modified_time = 0;   // seconds since the epoch, for the Info and XMP dates
  // Pages drawn last that belong first (an edition's contents, drawn once
  // the articles' pages were known), and how many top-level structure
  // elements, last in the Document element, are theirs.
  std::size_t move_last_pages_to_front = 0;
  std::size_t move_last_elements_to_front = 0;
  // Points from each page's MediaBox edges to its TrimBox's (the bleed and
  // the room for marks), and of bleed: every page gets a TrimBox and a
  // BleedBox, equal to the MediaBox when both are 0.
  double trim_offset = 0;
  double bleed = 0;
  // Structure elements drawn in parts, joined into one each (a jumped story).
  std::vector<JoinedElement> joined_elements{};
};

std::string postprocess(const std::string& cairo_pdf, const PostprocessOptions& options);

// The UTC calendar time of `seconds`, in a printf format that takes year,
// month, day, hour, minute and second: no time zone, no locale.
std::string format_utc(std::int64_t seconds, const char* format);

// The sRGB ICC profile (Debian's colord-data, embedded at build time) as
// the document's output intent, so a printer knows what its RGB means.
// This claims no PDF/X or PDF/A conformance: no GTS_PDFXVersion, no pdfaid.
void add_srgb_output_intent(QPDF& pdf);

// "D:YYYYMMDDHHmmSSZ", the PDF date form, in UTC.
std::string pdf_date(std::int64_t seconds);

// The XMP packet that repeats the document information in the form archives
// and PDF/A validators read: Dublin Core, XMP basic and PDF properties.
std::string xmp_packet(const doc::Meta& meta, const std::string& lang, std::int64_t modified_time);

}  // namespace galley::pdf::detail
