#include "layout/fonts.hpp"

#include <pango/pangofc-font.h>

#include <cmath>
#include <memory>
#include <set>

#include "layout/inline/shape.hpp"

namespace galley::layout {

Font::Font(PangoFont* font, PangoFontMap* font_map)
    : font_(PANGO_FONT(g_object_ref(font))), font_map_(PANGO_FONT_MAP(g_object_ref(font_map))) {}

Font::~Font() {
  g_object_unref(font_);
  g_object_unref(font_map_);
}

cairo_scaled_font_t* Font::scaled_font(double horizontal_scale) const {
  cairo_scaled_font_t* plain = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font_));
  const long key = std::lround(horizontal_scale * 10000);
  if (key == 10000 || plain == nullptr) return plain;
  auto found = widened_.find(key);
  if (found != widened_.end()) return found->second.get();
  cairo_matrix_t font_matrix, device_matrix;
  cairo_scaled_font_get_font_matrix(plain, &font_matrix);
  cairo_scaled_font_get_ctm(plain, &device_matrix);
  cairo_matrix_t widen;
  cairo_matrix_init_scale(&widen, static_cast<double>(key) / 10000, 1);
  cairo_matrix_multiply(&font_matrix, &font_matrix, &widen);  // wider along the page's horizontal
  std::unique_ptr<cairo_font_options_t, decltype(&cairo_font_options_destroy)> options(cairo_font_options_create(),
                                                                                         &cairo_font_options_destroy);
  cairo_scaled_font_get_font_options(plain, options.get());
  std::unique_ptr<cairo_scaled_font_t, ScaledFontDestroy> widened(
      cairo_scaled_font_create(cairo_scaled_font_get_font_face(plain), &font_matrix, &device_matrix, options.get()));
  // On failure the line is drawn at its natural width: the spacing is off, no text is lost.
  if (cairo_scaled_font_status(widened.get()) != CAIRO_STATUS_SUCCESS) return plain;
  return widened_.emplace(key, std::move(widened)).first->second.get();
}

std::string Font::describe() const {
  detail::FontDescriptionPtr description(pango_font_describe(font_));
  std::unique_ptr<char, decltype(&g_free)> text(pango_font_description_to_string(description.get()), &g_free);
  return text.get();
}

FontSystem::FontSystem()
    : font_map_(pango_cairo_font_map_new()), shaped_paragraphs_(std::make_unique<ShapedParagraphs>()) {
  if (!font_map_) throw Error(ErrorKind::internal, "", "Pango could not create a font map");
  context_.reset(pango_font_map_create_context(font_map_.get()));
  // Points are the unit throughout; pangocairo's default of 96 dpi would set
  // a 10 pt font at 13.3 pt.
  pango_cairo_context_set_resolution(context_.get(), 72);
  // Rounded positions and hinted metrics make widths drift by up to half a
  // point a line, which shows as uneven word spacing in print.
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
  std::unique_ptr<cairo_font_options_t, decltype(&cairo_font_options_destroy)> options(cairo_font_options_create(),
                                                                                         &cairo_font_options_destroy);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options.get());
}

FontSystem::~FontSystem() = default;

detail::FontDescriptionPtr FontSystem::describe(const style::TextStyle& style) const {
  detail::FontDescriptionPtr description(pango_font_description_new());
  pango_font_description_set_family(description.get(), style.family.c_str());
  pango_font_description_set_size(description.get(), static_cast<gint>(std::lround(style.size * PANGO_SCALE)));
  pango_font_description_set_weight(description.get(), static_cast<PangoWeight>(style.weight));
  pango_font_description_set_style(description.get(), style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return description;
}

std::shared_ptr<const Font> FontSystem::font_for(PangoFont* font) {
  auto found = fonts_.find(font);
  if (found != fonts_.end()) return found->second;
  auto shared = std::make_shared<const Font>(font, font_map_.get());
  // The map keeps a reference through `shared`, so the key stays valid.
  fonts_.emplace(font, shared);
  return shared;
}

Diagnostics FontSystem::check_families(const style::Theme& theme) const {
  Diagnostics warnings;
  std::set<std::string> checked;
  for (const style::TextStyle* style : {&theme.body, &theme.lede, &theme.headline, &theme.standfirst, &theme.byline,
                                        &theme.heading, &theme.caption, &theme.credit, &theme.aside, &theme.quote,
                                        &theme.code, &theme.folio, &theme.drop_cap.style, &theme.masthead.style}) {
    if (!checked.insert(style->family).second) continue;
    detail::FontDescriptionPtr wanted = describe(*style);
    detail::GObjectPtr<PangoFont> font(pango_font_map_load_font(font_map_.get(), context_.get(), wanted.get()));
    if (!font) {
      warnings.push_back({theme.file.empty() ? theme.name : theme.file, 0, "no font at all for family \"" + style->family + "\""});
      continue;
    }
    // A face has several family names ("EB Garamond", "EB Garamond 12"):
    // fontconfig found the wanted one when any of them matches.
    FcPattern* pattern = PANGO_IS_FC_FONT(font.get()) ? pango_fc_font_get_pattern(PANGO_FC_FONT(font.get())) : nullptr;
    std::string first_family;
    bool matched = false;
    FcChar8* family = nullptr;
    for (int index = 0; pattern && FcPatternGetString(pattern, FC_FAMILY, index, &family) == FcResultMatch; ++index) {
      const char* name = reinterpret_cast<const char*>(family);
      if (index == 0) first_family = name;
      if (g_ascii_strcasecmp(name, style->family.c_str()) == 0) matched = true;
    }
    if (!matched)
      warnings.push_back({theme.file.empty() ? theme.name : theme.file, 0,
                          "font family \"" + style->family + "\" is not installed; using \"" + first_family + "\" instead"});
  }
  return warnings;
}

Diagnostics check_theme_fonts(const style::Theme& theme) { return FontSystem().check_families(theme); }

}  // namespace galley::layout
