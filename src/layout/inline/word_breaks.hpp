// Pango's break attributes (pango_get_log_attrs) for a paragraph, found a
// word at a time and remembered. Pango's Unicode break algorithms are a
// large share of a long document's build (bench/README.md); news
// prose repeats its words, and between two words separated by one space the
// rules of line breaking (UAX #14) look no further than the last character
// before the space and the first after it. So each word's attributes are
// Pango's for the word alone, and the attributes at each space and at the
// start of the word after it are Pango's for those three characters alone:
// both remembered, both exactly what Pango gives for the whole paragraph
// (tests/unit/test_word_breaks.cpp compares them, field by field, on text in
// many scripts). Sentence and word boundaries, which galley does not use,
// are not kept exact.
#pragma once

#include <pango/pango.h>

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace galley::layout {

class WordBreaks {
 public:
  // Fills `attrs` (one per character of `text`, plus one for its end) as
  // pango_get_log_attrs(text, -1, language) would in the fields that line
  // breaking, cursor positions and hyphens use.
  void paragraph_attributes(std::string_view text, PangoLanguage* language, std::vector<PangoLogAttr>& attrs);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  using Words = std::unordered_map<std::string, std::vector<PangoLogAttr>, Hash, std::equal_to<>>;
  using Joins = std::map<std::pair<gunichar, gunichar>, std::array<PangoLogAttr, 4>>;
  static constexpr std::size_t remembered_words = 100'000;  // words, and pairs around spaces, per language

  const std::vector<PangoLogAttr>& word(std::string_view text, PangoLanguage* language);
  const std::array<PangoLogAttr, 4>& join(gunichar before, gunichar after, PangoLanguage* language);

  std::map<PangoLanguage*, Words> words_;
  std::map<PangoLanguage*, Joins> joins_;
};

}  // namespace galley::layout
