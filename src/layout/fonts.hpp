// The seam between galley and Pango's font machinery: a font map and context
// set up for print (72 dpi, unhinted metrics, unrounded glyph positions), and
// RAII owners for the GObjects involved.
#pragma once

#include <pango/pangocairo.h>

#include <map>
#include <memory>
#include <string>

#include "galley/errors.hpp"
#include "galley/layout.hpp"
#include "galley/style.hpp"
#include "layout/inline/word_breaks.hpp"
#include "layout/inline/word_shapes.hpp"

namespace galley::layout {

namespace detail {
struct GObjectUnref {
  void operator()(void* object) const {
    if (object) g_object_unref(object);
  }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct FontDescriptionFree {
  void operator()(PangoFontDescription* description) const { pango_font_description_free(description); }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

struct AttrListUnref {
  void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListUnref>;
}  // namespace detail

// A PangoFont kept alive, with the font map that made it (a PangoFcFont
// holds only a weak pointer to its map, and cairo needs both to draw).
class Font {
 public:
  Font(PangoFont* font, PangoFontMap* font_map);  // takes new references to both
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  // Valid while this Font lives. With a horizontal scale other than 1, the
  // same face and size drawn that much wider or narrower (made the first
  // time each scale is asked for).
  cairo_scaled_font_t* scaled_font(double horizontal_scale = 1) const;
  std::string describe() const;  // "EB Garamond 12 11.5" style, for the layout dump

 private:
  struct ScaledFontDestroy {
    void operator()(cairo_scaled_font_t* font) const { cairo_scaled_font_destroy(font); }
  };
  PangoFont* font_;
  PangoFontMap* font_map_;
  // By horizontal scale in ten-thousandths; drawing is single-threaded.
  mutable std::map<long, std::unique_ptr<cairo_scaled_font_t, ScaledFontDestroy>> widened_;
};

class ShapedParagraphs;  // layout/inline/shape.hpp

// Everything shaping needs: one per layout run, not shared across threads.
class FontSystem {
 public:
  FontSystem();
  ~FontSystem();
  FontSystem(const FontSystem&) = delete;
  FontSystem& operator=(const FontSystem&) = delete;
  PangoContext* context() const { return context_.get(); }

  detail::FontDescriptionPtr describe(const style::TextStyle& style) const;
  // One shared Font per PangoFont, so runs in the same face share it.
  std::shared_ptr<const Font> font_for(PangoFont* font);
  // Warnings about families fontconfig does not have, naming the substitute.
  Diagnostics check_families(const style::Theme& theme) const;
  // Words already shaped in this run, by font and setting.
  WordShapes& word_shapes() { return word_shapes_; }
  // Break attributes of words already seen in this run.
  WordBreaks& word_breaks() { return word_breaks_; }
  // Whole paragraphs already shaped, when kept (keep_shaped_paragraphs):
  // a newspaper's make-up sets each story at many measures and looseness.
  // Off by default: a long document would hold every paragraph's shaping.
  void keep_shaped_paragraphs() { keep_shaped_paragraphs_ = true; }
  ShapedParagraphs* shaped_paragraphs() { return keep_shaped_paragraphs_ ? shaped_paragraphs_.get() : nullptr; }

 private:
  detail::GObjectPtr<PangoFontMap> font_map_;
  detail::GObjectPtr<PangoContext> context_;
  std::map<PangoFont*, std::shared_ptr<const Font>> fonts_;
  WordShapes word_shapes_;
  WordBreaks word_breaks_;
  bool keep_shaped_paragraphs_ = false;
  std::unique_ptr<ShapedParagraphs> shaped_paragraphs_;
};

}  // namespace galley::layout
