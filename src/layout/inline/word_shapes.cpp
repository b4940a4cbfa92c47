#include "layout/inline/word_shapes.hpp"

#include <cstring>

namespace galley::layout {
namespace {

// Scripts whose letters shape alone: no joining, no reordering, and a space
// ends every ligature and kerning pair that matters.
bool shapes_word_by_word(PangoScript script) {
  return script == PANGO_SCRIPT_LATIN || script == PANGO_SCRIPT_GREEK || script == PANGO_SCRIPT_CYRILLIC ||
         script == PANGO_SCRIPT_COMMON;
}

template <class T>
void append_bytes(std::string& key, const T& value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  key.append(bytes, sizeof(T));
}

}  // namespace

WordShapes::Setting* WordShapes::setting_for(const PangoItem& item) {
  const PangoAnalysis& analysis = item.analysis;
  if (analysis.level % 2 != 0 || !shapes_word_by_word(static_cast<PangoScript>(analysis.script))) return nullptr;
  // The font is kept alive by the FontSystem for the whole layout, so its
  // address names it; languages are interned by Pango.
  std::string key;
  append_bytes(key, analysis.font);
  append_bytes(key, analysis.language);
  append_bytes(key, analysis.script);
  append_bytes(key, analysis.gravity);
  append_bytes(key, analysis.flags);
  for (GSList* node = analysis.extra_attrs; node; node = node->next) {
    auto* attribute = static_cast<const PangoAttribute*>(node->data);
    switch (attribute->klass->type) {
      case PANGO_ATTR_FONT_FEATURES:
        key += reinterpret_cast<const PangoAttrFontFeatures*>(attribute)->features;
        key += '\0';
        break;
      // Applied after shaping, by Pango's layout or by galley.
      case PANGO_ATTR_LETTER_SPACING:
      case PANGO_ATTR_RISE:
      case PANGO_ATTR_BASELINE_SHIFT:
      case PANGO_ATTR_FONT_SCALE:
      case PANGO_ATTR_STRIKETHROUGH:
      case PANGO_ATTR_UNDERLINE:
      case PANGO_ATTR_FOREGROUND:
        break;
      default:  // a text transform, shown ignorables, inserted hyphens: shaped in context
        return nullptr;
    }
  }
  std::unique_ptr<Setting>& setting = settings_[key];
  if (!setting) setting = std::make_unique<Setting>();
  return setting.get();
}

}  // namespace galley::layout
