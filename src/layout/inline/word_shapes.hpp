// Shaping is the costliest step of setting text, and news prose repeats its
// words: a long article uses a few thousand different ones. Like the word
// caches of browsers (Blink's ShapeCache) and Typst, galley shapes each word
// once per font and setting and copies its glyphs after that. Only words of
// scripts whose shaping never reaches across a space (Latin, Greek, Cyrillic)
// are kept; everything else is shaped whole, item by item.
#pragma once

#include <pango/pango.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace galley::layout {

// One word as HarfBuzz shaped it: glyphs with their geometry and, for each,
// the byte offset of its cluster from the word's start.
struct ShapedWord {
  std::vector<PangoGlyphInfo> glyphs;
  std::vector<int> log_clusters;
};

class WordShapes {
 public:
  // The words shaped in one setting: a font, an analysis (script, language,
  // bidi level) and the attributes that change shaping (OpenType features).
  class Setting {
   public:
    const ShapedWord* find(std::string_view word) const {
      auto found = words_.find(word);
      return found == words_.end() ? nullptr : &found->second;
    }
    const ShapedWord& add(std::string_view word, ShapedWord shaped) {
      // Text of endless different words (codes, garbage) would only fill
      // memory: the words are forgotten now and then, and shaped again.
      if (words_.size() >= remembered_words) words_.clear();
      return words_.emplace(std::string(word), std::move(shaped)).first->second;
    }

   private:
    static constexpr std::size_t remembered_words = 100'000;
    // Transparent hashing, so a lookup makes no string.
    struct Hash {
      using is_transparent = void;
      std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, ShapedWord, Hash, std::equal_to<>> words_;
  };

  // The setting of a Pango item, or nothing when its words must be shaped in
  // context (a joining or right-to-left script, an attribute not understood).
  Setting* setting_for(const PangoItem& item);

 private:
  std::unordered_map<std::string, std::unique_ptr<Setting>> settings_;
};

}  // namespace galley::layout
