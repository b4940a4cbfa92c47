#include "layout/inline/shape.hpp"

#include <fribidi.h>
#include <hb-ot.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <utility>

namespace galley::layout {
namespace {

using detail::AttrListPtr;


int pango_units(double points) { return static_cast<int>(std::lround(points * PANGO_SCALE)); }

struct ItemListFree {
  void operator()(GList* items) const {
    g_list_free_full(items, [](gpointer item) {
      if (item) pango_item_free(static_cast<PangoItem*>(item));
    });
  }
};
using ItemListPtr = std::unique_ptr<GList, ItemListFree>;

struct GlyphStringFree {
  void operator()(PangoGlyphString* glyphs) const { pango_glyph_string_free(glyphs); }
};
using GlyphStringPtr = std::unique_ptr<PangoGlyphString, GlyphStringFree>;

void insert(PangoAttrList* list, PangoAttribute* attribute, std::size_t start, std::size_t end) {
  attribute->start_index = static_cast<guint>(start);
  attribute->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attribute);
}

AttrListPtr attributes_for(const StyledText& text, const style::TextStyle& style, const PangoFontDescription* font) {
  AttrListPtr list(pango_attr_list_new());
  std::size_t all = text.text.size();
  insert(list.get(), pango_attr_font_desc_new(font), 0, all);
  if (!style.features.empty()) insert(list.get(), pango_attr_font_features_new(style.features.c_str()), 0, all);
  if (style.uppercase) insert(list.get(), pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE), 0, all);
  for (const StyledSpan& span : text.spans) {
    switch (span.kind) {
      case SpanKind::emphasis:
        insert(list.get(), pango_attr_style_new(style.italic ? PANGO_STYLE_NORMAL : PANGO_STYLE_ITALIC), span.start,
               span.end);
        break;
      case SpanKind::strong:
        insert(list.get(), pango_attr_weight_new(style.weight >= 600 ? PANGO_WEIGHT_HEAVY : PANGO_WEIGHT_BOLD),
               span.start, span.end);
        break;
      case SpanKind::code:
        insert(list.get(), pango_attr_family_new("Noto Sans Mono"), span.start, span.end);
        insert(list.get(), pango_attr_scale_new(0.85), span.start, span.end);
        break;
      case SpanKind::note_reference:
        insert(list.get(), pango_attr_baseline_shift_new(PANGO_BASELINE_SHIFT_SUPERSCRIPT), span.start, span.end);
        insert(list.get(), pango_attr_font_scale_new(PANGO_FONT_SCALE_SUPERSCRIPT), span.start, span.end);
        break;
      case SpanKind::strikeout:
        insert(list.get(), pango_attr_strikethrough_new(TRUE), span.start, span.end);
        break;
      case SpanKind::link:
        break;  // links are drawn like the text around them in print
    }
  }
  return list;
}

// How far a superscript or explicitly shifted item sits above the baseline;
// Pango's layout does this after shaping, so a builder of its own must too.
double rise_of(const PangoItem& item) {
  double rise = 0;
  for (GSList* node = item.analysis.extra_attrs; node; node = node->next) {
    auto* attribute = static_cast<PangoAttribute*>(node->data);
    if (attribute->klass->type == PANGO_ATTR_RISE) rise += pango_points(reinterpret_cast<PangoAttrInt*>(attribute)->value);
    if (attribute->klass->type != PANGO_ATTR_BASELINE_SHIFT) continue;
    int shift = reinterpret_cast<PangoAttrInt*>(attribute)->value;
    hb_font_t* font = pango_font_get_hb_font(item.analysis.font);
    hb_position_t offset = 0;
    if (shift == PANGO_BASELINE_SHIFT_SUPERSCRIPT) {
      hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_SUPERSCRIPT_EM_Y_OFFSET, &offset);
      rise += pango_points(offset);
    } else if (shift == PANGO_BASELINE_SHIFT_SUBSCRIPT) {
      hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_SUBSCRIPT_EM_Y_OFFSET, &offset);
      rise -= pango_points(offset);
    } else {
      rise += pango_points(shift);
    }
  }
  return rise;
}

double letter_spacing_of(const PangoItem& item) {
  for (GSList* node = item.analysis.extra_attrs; node; node = node->next) {
    auto* attribute = static_cast<PangoAttribute*>(node->data);
    if (attribute->klass->type == PANGO_ATTR_LETTER_SPACING)
      return pango_points(reinterpret_cast<PangoAttrInt*>(attribute)->value);
  }
  return 0;
}

// The hyphen a break at a soft hyphen shows, in the run's own font.
void shape_hyphen(ShapedRun& run) {
  static constexpr char hyphen[] = "-";
  GlyphStringPtr glyphs(pango_glyph_string_new());
  const PangoItem* item = run.glyph_item->item;
  pango_shape_with_flags(hyphen, 1, hyphen, 1, &item->analysis, glyphs.get(), PANGO_SHAPE_NONE);
  if (glyphs->num_glyphs < 1) return;
  run.hyphen_glyph = glyphs->glyphs[0].glyph;
  run.hyphen_width = pango_points(glyphs->glyphs[0].geometry.width);
}

// Shapes one item into `glyphs`, as pango_shape_item does, but word by word
// through the cache when the item's script allows: each space and each run
// of other characters is shaped once per setting and copied after that.
void shape_item(PangoItem& item, const std::string& text, PangoLogAttr* log_attrs, PangoGlyphString* glyphs,
                WordShapes& cache) {
  WordShapes::Setting* setting = cache.setting_for(item);
  if (!setting) {
    pango_shape_item(&item, text.c_str(), static_cast<int>(text.size()), log_attrs, glyphs, PANGO_SHAPE_NONE);
    return;
  }
  std::vector<PangoGlyphInfo> infos;
  std::vector<int> clusters;
  GlyphStringPtr word_glyphs(pango_glyph_string_new());
  const char* item_text = text.c_str() + item.offset;
  int word_start = 0;
  int word_first_char = 0;
  while (word_start < item.length) {
    // A word is a space alone or everything up to the next space.
    int word_end = word_start + 1;
    if (item_text[word_start] != ' ')
      while (word_end < item.length && item_text[word_end] != ' ') ++word_end;
    std::string_view word(item_text + word_start, static_cast<std::size_t>(word_end - word_start));
    int word_chars = static_cast<int>(g_utf8_strlen(word.data(), static_cast<gssize>(word.size())));
    const ShapedWord* shaped = setting->find(word);
    if (!shaped) {
      PangoItem piece = item;  // the same analysis over the word alone; owns nothing
      piece.offset = item.offset + word_start;
      piece.length = word_end - word_start;
      piece.num_chars = word_chars;
      pango_shape_item(&piece, text.c_str(), static_cast<int>(text.size()), log_attrs + word_first_char,
                       word_glyphs.get(), PANGO_SHAPE_NONE);
      ShapedWord fresh;
      fresh.glyphs.assign(word_glyphs->glyphs, word_glyphs->glyphs + word_glyphs->num_glyphs);
      fresh.log_clusters.assign(word_glyphs->log_clusters, word_glyphs->log_clusters + word_glyphs->num_glyphs);
      shaped = &setting->add(word, std::move(fresh));
    }
    infos.insert(infos.end(), shaped->glyphs.begin(), shaped->glyphs.end());
    for (int cluster : shaped->log_clusters) clusters.push_back(cluster + word_start);
    word_start = word_end;
    word_first_char += word_chars;
  }
  pango_glyph_string_set_size(glyphs, static_cast<int>(infos.size()));
  std::copy(infos.begin(), infos.end(), glyphs->glyphs);
  std::copy(clusters.begin(), clusters.end(), glyphs->log_clusters);
}

// The base direction from the first strong character, as Unicode's rule P2
// has it: characters inside an isolate do not count. A scan that stops
// there, where resolving the whole paragraph's levels (which Pango's
// log2vis does) cost a fiftieth of a long document's build.
bool starts_right_to_left(const std::vector<gunichar>& codepoints) {
  int isolates = 0;
  for (gunichar c : codepoints) {
    FriBidiCharType type = fribidi_get_bidi_type(c);
    if (type == FRIBIDI_TYPE_LRI || type == FRIBIDI_TYPE_RLI || type == FRIBIDI_TYPE_FSI) {
      ++isolates;
    } else if (type == FRIBIDI_TYPE_PDI) {
      if (isolates > 0) --isolates;
    } else if (isolates == 0 && FRIBIDI_IS_LETTER(type)) {
      return FRIBIDI_IS_RTL(type);
    }
  }
  return false;
}

}  // namespace

bool ShapedParagraph::is_letter(int index) const {
  return runs[static_cast<std::size_t>(run_of_char[static_cast<std::size_t>(index)])].trackable && !is_space(index) &&
         !is_forced_break(index) && char_at(index) != soft_hyphen;
}

bool ShapedParagraph::has_letter_gap_after(int index) const {
  auto left_to_right_letter = [this](int character) {
    return is_letter(character) && !runs[static_cast<std::size_t>(run_of_char[static_cast<std::size_t>(character)])].right_to_left();
  };
  if (!left_to_right_letter(index)) return false;
  int next = index + 1;
  if (next < char_count() && char_at(next) == soft_hyphen) ++next;
  return next < char_count() && cluster_start[static_cast<std::size_t>(next)] && left_to_right_letter(next);
}

bool ShapedParagraph::is_space(int index) const {
  if (!log_attrs[static_cast<std::size_t>(index)].is_white) return false;
  gunichar c = char_at(index);
  return !is_no_break_space(c) && !is_forced_break(index);
}

bool ShapedParagraph::is_forced_break(int index) const {
  gunichar c = char_at(index);
  return c == '\n' || c == 0x2028 || c == 0x2029;
}

ShapedParagraph shape_paragraph(FontSystem& fonts, const StyledText& text, const style::TextStyle& style) {
  ShapedParagraph shaped;
  const std::string& string = text.text;
  shaped.text = &string;
  const int length = static_cast<int>(string.size());

  for (const char* p = string.data(); p < string.data() + length; p = g_utf8_next_char(p)) {
    shaped.char_offset.push_back(static_cast<int>(p - string.data()));
    shaped.codepoints.push_back(g_utf8_get_char(p));
  }
  const int chars = static_cast<int>(shaped.char_offset.size());
  shaped.char_offset.push_back(length);
  shaped.byte_to_char.assign(static_cast<std::size_t>(length) + 1, chars);
  for (int index = 0; index < chars; ++index)
    for (int byte = shaped.char_offset[index]; byte < shaped.char_offset[index + 1]; ++byte)
      shaped.byte_to_char[static_cast<std::size_t>(byte)] = index;
  shaped.advance.assign(static_cast<std::size_t>(chars), 0);
  shaped.run_of_char.assign(static_cast<std::size_t>(chars), 0);
  shaped.cluster_start.assign(static_cast<std::size_t>(chars) + 1, false);
  shaped.cluster_start.back() = true;

  fonts.word_breaks().paragraph_attributes(string, pango_context_get_language(fonts.context()), shaped.log_attrs);

  shaped.right_to_left = starts_right_to_left(shaped.codepoints);
  detail::FontDescriptionPtr description = fonts.describe(style);
  AttrListPtr attributes = attributes_for(text, style, description.get());
  ItemListPtr items(pango_itemize_with_base_dir(fonts.context(),
                                                shaped.right_to_left ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR,
                                                string.c_str(), 0, length, attributes.get(), nullptr));

  std::vector<int> widths;
  int first_char = 0;
  for (GList* node = items.get(); node; node = node->next) {
    auto* item = static_cast<PangoItem*>(node->data);
    node->data = nullptr;  // the glyph item owns it from here
    PangoGlyphString* glyphs = pango_glyph_string_new();
    shape_item(*item, string, &shaped.log_attrs[static_cast<std::size_t>(first_char)], glyphs, fonts.word_shapes());
    ShapedRun run;
    run.glyph_item.reset(g_slice_new0(PangoGlyphItem));
    run.glyph_item->item = item;
    run.glyph_item->glyphs = glyphs;
    double spacing = letter_spacing_of(*item);
    if (spacing != 0)
      pango_glyph_item_letter_space(run.glyph_item.get(), string.c_str(),
                                    &shaped.log_attrs[static_cast<std::size_t>(first_char)], pango_units(spacing));
    run.first_char = first_char;
    run.end_char = first_char + item->num_chars;
    run.font = fonts.font_for(item->analysis.font);
    run.rise = rise_of(*item);
    auto script = static_cast<PangoScript>(item->analysis.script);
    run.trackable = script == PANGO_SCRIPT_LATIN || script == PANGO_SCRIPT_GREEK || script == PANGO_SCRIPT_CYRILLIC ||
                    script == PANGO_SCRIPT_COMMON;
    PangoFontFace* face = pango_font_get_face(item->analysis.font);
    PangoFontFamily* family = face ? pango_font_face_get_family(face) : nullptr;
    run.monospace = family && pango_font_family_is_monospace(family);
    shape_hyphen(run);

    widths.assign(static_cast<std::size_t>(item->num_chars), 0);
    pango_glyph_item_get_logical_widths(run.glyph_item.get(), string.c_str(), widths.data());
    for (int index = 0; index < item->num_chars; ++index) {
      std::size_t character = static_cast<std::size_t>(first_char + index);
      // A soft hyphen shows nothing unless a line breaks at it.
      shaped.advance[character] = shaped.char_at(first_char + index) == soft_hyphen ? 0 : pango_points(widths[static_cast<std::size_t>(index)]);
      shaped.run_of_char[character] = static_cast<int>(shaped.runs.size());
    }
    for (int glyph = 0; glyph < glyphs->num_glyphs; ++glyph)
      shaped.cluster_start[static_cast<std::size_t>(
          shaped.byte_to_char[static_cast<std::size_t>(item->offset + glyphs->log_clusters[glyph])])] = true;
    first_char = run.end_char;
    shaped.runs.push_back(std::move(run));
  }
  return shaped;
}

namespace {

void append_bytes(std::string& key, const void* bytes, std::size_t size) {
  key.append(static_cast<const char*>(bytes), size);
}
template <class Number>
void append_number(std::string& key, Number number) {
  append_bytes(key, &number, sizeof number);
}

}  // namespace

std::string ShapedParagraphs::key(const StyledText& text, const style::TextStyle& style, std::string_view language) {
  std::string key;
  key.reserve(text.text.size() + style.family.size() + style.features.size() + 64 + text.spans.size() * 20);
  append_number(key, text.text.size());
  key += text.text;
  append_number(key, text.spans.size());
  for (const StyledSpan& span : text.spans) {
    append_number(key, span.start);
    append_number(key, span.end);
    append_number(key, static_cast<int>(span.kind));
  }
  append_number(key, style.family.size());
  key += style.family;
  append_number(key, style.features.size());
  key += style.features;
  append_number(key, style.size);
  append_number(key, style.weight);
  append_number(key, style.italic);
  append_number(key, style.uppercase);
  append_number(key, style.letter_spacing);
  // The break attributes follow the language (an edition's articles may differ).
  append_number(key, language.size());
  key += language;
  return key;
}

std::shared_ptr<const ShapedParagraph> ShapedParagraphs::find(const std::string& key) const {
  auto found = by_key_.find(key);
  if (found == by_key_.end()) return nullptr;
  return {found->second, &found->second->shaped};
}

std::shared_ptr<const ShapedParagraph> ShapedParagraphs::add(std::string key, ShapedParagraph shaped) {
  auto kept = std::make_shared<Kept>();
  kept->text = *shaped.text;
  kept->shaped = std::move(shaped);
  kept->shaped.text = &kept->text;
  std::shared_ptr<const Kept> shared = std::move(kept);
  by_key_.emplace(std::move(key), shared);
  return {shared, &shared->shaped};
}

std::shared_ptr<const ShapedParagraph> shaped_paragraph(FontSystem& fonts, const StyledText& text,
                                                        const style::TextStyle& style) {
  ShapedParagraphs* kept = fonts.shaped_paragraphs();
  if (!kept) return std::make_shared<const ShapedParagraph>(shape_paragraph(fonts, text, style));
  PangoLanguage* language = pango_context_get_language(fonts.context());
  std::string key = ShapedParagraphs::key(text, style, language ? pango_language_to_string(language) : "");
  if (std::shared_ptr<const ShapedParagraph> found = kept->find(key)) return found;
  return kept->add(std::move(key), shape_paragraph(fonts, text, style));
}

}  // namespace galley::layout
