// The layout engine's product, after Typst's frames: pages with positioned
// items (glyph runs, rules, boxes). The PDF exporter sees only this; it never
// sees the document model, and nothing here knows about PDF.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "galley/doc.hpp"
#include "galley/errors.hpp"
#include "galley/style.hpp"

namespace galley::image {
struct ImageData;  // image/images.hpp: the file's bytes, format and pixel size
}

namespace galley::layout {

// A font at a size, as shaping chose it (fallback included). Opaque here:
// only the layout engine and the PDF exporter look inside (layout/fonts.hpp).
class Font;

struct Glyph {
  std::uint32_t id;  // glyph index in the font
  double x;          // points, from the run's origin along the baseline
  double y;          // points, downwards from the baseline (non-zero for marks)
};

// How a run of glyphs maps back to text, in cairo's terms: consecutive
// clusters of `bytes` bytes of GlyphRun::text shown by `glyphs` glyphs.
struct TextCluster {
  int bytes;
  int glyphs;
};

struct GlyphRun {
  double x = 0, y = 0;  // points from the page's top-left corner to the run's baseline origin
  std::shared_ptr<const Font> font;
  style::Color color;
  std::vector<Glyph> glyphs;
  // The glyphs drawn this much wider (or, under 1, narrower) than the font
  // makes them: how justification spaces the letters of a line (see
  // layout/justify.cpp). The glyphs' positions already include it.
  double horizontal_scale = 1;
  double width = 0;  // points: the advance of the whole run
  std::string text;  // what the glyphs show
  std::size_t text_offset = 0;  // bytes from the start of the paragraph's text to `text`, so PDF text extraction gives words back
  std::vector<TextCluster> clusters;
  bool clusters_backward = false;  // right-to-left runs list clusters backwards
};

struct RuleItem {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points
  double thickness = 0.5;                 // points
  style::Color color;
};

struct BoxItem {
  double x = 0, y = 0, width = 0, height = 0;  // points, top-left corner
  style::Color fill;
};

// A PNG or JPEG drawn scaled into its box (its proportions kept by layout).
struct ImageItem {
  double x = 0, y = 0, width = 0, height = 0;  // points, top-left corner
  std::shared_ptr<const image::ImageData> image;
  std::string alt;  // the alternative text, for tagged PDF
};

// Where a logical element of the document (a paragraph, a heading, a list
// item) begins or ends among the items, for tagged PDF. `tag` is a PDF
// standard structure type ("P", "H2", "Figure", "L", "LI", ...): Cairo 1.16
// knows no other and fails on any other.
struct StructureItem {
  bool begin = true;
  std::string tag;
  // Elements of one non-empty key are one element of the tagged PDF, its
  // parts read in the order drawn: a newspaper story jumped to a later page
  // reads on from where it stopped, before the stories beside it. Only the
  // element's begin needs it.
  std::string key{};
};

// A named place that links and bookmarks can point at.
struct AnchorItem {
  std::string name;
  double x = 0, y = 0;  // points, on the page
};

// A clickable area: to a web address or to an AnchorItem.
struct LinkItem {
  double x = 0, y = 0, width = 0, height = 0;  // points, top-left corner
  std::string uri;     // an external address, or empty
  std::string anchor;  // the AnchorItem's name for a link within the document, or empty
};

// The layout's name for doc::SourcePosition, where the EPUB marks each
// printed page's beginning (see Page::begins_at).
using SourcePosition = doc::SourcePosition;

// Where a slab's content comes from. Only the layout itself sees these: it
// reads them to find where each page begins (Page::begins_at), then removes
// them, so exporters never meet one.
struct SourceMarkItem {
  SourcePosition position;
  std::size_t sequence = 0;  // order of making; a copy (a table's repeated header row) keeps its original's
  std::size_t part = 0;      // the article of an edition the mark is in; 0 for a single article
  bool head = false;         // the article's head: a page holding it begins with the headline
  // On a float (a figure), which the page builder may print after text that
  // follows it in the model: a page begins at its text, not at such a mark.
  bool floated = false;
  double x = 0, y = 0;       // unused: every item has a corner that translation moves
};

using Item = std::variant<GlyphRun, RuleItem, BoxItem, ImageItem, StructureItem, AnchorItem, LinkItem, SourceMarkItem>;

// One bookmark: a heading, at its depth, pointing at an AnchorItem.
struct OutlineEntry {
  std::string title;
  int level = 1;  // 1 for the headline, 2 for its sections, ...
  std::string anchor;
};

struct Page {
  double width = 0, height = 0;  // points
  std::string label;             // the printed page number
  std::vector<Item> items;
  // Where the page's text begins in the document model; empty on the first
  // page, which begins with the article's head.
  std::optional<SourcePosition> begins_at;
};

struct PagedDocument {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;  // in reading order
  Diagnostics warnings;               // lines that overflow the measure, and the like
};

// Finds the image a figure names (Figure::src); throws galley::Error when it
// cannot. Without one, figures are set as their captions.
using ImageLoader = std::function<std::shared_ptr<const image::ImageData>(const std::string& src)>;

// Sets the document on pages in the theme's design.
PagedDocument layout_document(const doc::Document& document, const style::Theme& theme,
                              const ImageLoader& images = {});

// Warnings for each font family the theme names that fontconfig lacks,
// naming the face used instead.
Diagnostics check_theme_fonts(const style::Theme& theme);

// One line per item: page, position and text; what layout tests compare.
std::string dump_layout(const PagedDocument& pages);

}  // namespace galley::layout
