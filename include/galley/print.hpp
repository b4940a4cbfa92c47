// Print production on finished PDFs, galley's or anyone's: imposition
// (pages laid out on printer's sheets) and preflight (what a printer's
// prepress would send back). Both read and write PDFs with qpdf; neither
// rasterises or redraws a page.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace galley::print {

// ---------------------------------------------------------------- imposition

enum class Imposition {
  booklet,  // saddle stitch: two pages a side of a landscape sheet, in folding order
  two_up,   // proofs: two pages side by side, in reading order
  four_up,  // proofs: four pages, two by two, in reading order
};

struct SheetSize {
  double width = 0, height = 0;  // points, portrait (width <= height)
};

// "a4", "a3", "letter", "tabloid" (any case); none for another name.
std::optional<SheetSize> sheet_size_named(const std::string& name);

struct ImposeOptions {
  Imposition layout = Imposition::booklet;
  // The paper, turned as the layout needs it; pages are scaled to fit
  // their place on it, proportions kept. None: a sheet exactly the size of
  // the pages it holds, which are placed at 100 %.
  std::optional<SheetSize> sheet;
  // Booklets only: points by which the pages of the innermost sheet move
  // towards the spine, the outer sheets' proportionally less (the outermost
  // not at all), so that the fore-edges line up once the folded booklet is
  // trimmed.
  double creep = 0;
};

// The PDF `pdf_bytes` imposed: each page is placed, at its TrimBox, as a
// form XObject (its text stays text, each font embedded once); a booklet
// is padded with blank pages to a multiple of four. `file_name` is for
// messages: a file qpdf cannot read is a galley::Error (bad_input) naming it.
std::string impose(const std::string& pdf_bytes, const ImposeOptions& options, const std::string& file_name);

// The page of the original (1-based; 0 for a blank) at each place of each
// sheet side, in order: left then right (two by two: rows top down) for
// every side, front before back for a booklet's sheets.
std::vector<std::vector<std::size_t>> imposition_order(std::size_t pages, Imposition layout);

// ---------------------------------------------------------------- preflight

enum class Severity { warning, failure };

struct Finding {
  Severity severity = Severity::warning;
  std::size_t page = 0;  // 1-based; 0 for the whole document
  std::string message;
};

struct PreflightOptions {
  double required_bleed = 0;    // points of bleed every page must have (--bleed)
  double minimum_line = 0.25;   // points: thinner strokes are a warning
  double trim_safety = 72 / 25.4 * 3;  // points: text closer to the trim is a warning
  double good_resolution = 300;  // pixels per inch at the printed size: less is a warning,
  double least_resolution = 150;  // less than this a failure
};

// Reads the PDF at `file_name` with qpdf and reports, by page: a missing
// or inconsistent TrimBox and BleedBox, less bleed than asked, fonts not
// embedded, images under the resolutions asked at their placed size,
// strokes thinner than the minimum, text near or across the trim, and a
// page count a booklet cannot fold. Throws galley::Error (bad_input) for a
// file qpdf cannot read.
std::vector<Finding> preflight(const std::string& file_name, const PreflightOptions& options);
// The same for a PDF in memory; `file_name` is for messages.
std::vector<Finding> preflight_bytes(const std::string& pdf_bytes, const std::string& file_name,
                                     const PreflightOptions& options);

}  // namespace galley::print
