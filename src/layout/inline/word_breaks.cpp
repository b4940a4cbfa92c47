#include "layout/inline/word_breaks.hpp"

#include <algorithm>

namespace galley::layout {
namespace {

std::vector<PangoLogAttr> pango_attributes(std::string_view text, PangoLanguage* language) {
  const int chars = static_cast<int>(g_utf8_strlen(text.data(), static_cast<gssize>(text.size())));
  std::vector<PangoLogAttr> attrs(static_cast<std::size_t>(chars) + 1);
  pango_get_log_attrs(text.data(), static_cast<int>(text.size()), -1, language, attrs.data(), chars + 1);
  return attrs;
}

}  // namespace

const std::vector<PangoLogAttr>& WordBreaks::word(std::string_view text, PangoLanguage* language) {
  Words& words = words_[language];
  auto found = words.find(text);
  if (found != words.end()) return found->second;
  // Prose repeats a few thousand words; text of endless different ones
  // (a long list of codes, garbage) would only fill memory, so the words
  // are forgotten now and then. What is found stays the same either way.
  if (words.size() >= remembered_words) words.clear();
  return words.emplace(std::string(text), pango_attributes(text, language)).first->second;
}

const std::array<PangoLogAttr, 4>& WordBreaks::join(gunichar before, gunichar after, PangoLanguage* language) {
  Joins& joins = joins_[language];
  auto found = joins.find({before, after});
  if (found != joins.end()) return found->second;
  if (joins.size() >= remembered_words) joins.clear();  // as for words: text of endless different characters
  char text[2 * 6 + 1];
  int length = g_unichar_to_utf8(before, text);
  text[length++] = ' ';
  length += g_unichar_to_utf8(after, text + length);
  std::vector<PangoLogAttr> attrs = pango_attributes(std::string_view(text, static_cast<std::size_t>(length)), language);
  std::array<PangoLogAttr, 4> four{};
  std::copy(attrs.begin(), attrs.end(), four.begin());
  return joins.emplace(std::make_pair(before, after), four).first->second;
}

void WordBreaks::paragraph_attributes(std::string_view text, PangoLanguage* language, std::vector<PangoLogAttr>& attrs) {
  // Only words apart by single spaces: a paragraph that begins or ends with
  // a space, or has two in a row, is given to Pango whole.
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.find("  ") != std::string_view::npos) {
    attrs = pango_attributes(text, language);
    return;
  }
  attrs.clear();
  gunichar last_of_previous = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(' ', start);
    const bool last_word = end == std::string_view::npos;
    if (last_word) end = text.size();
    std::string_view piece = text.substr(start, end - start);
    const std::vector<PangoLogAttr>& own = word(piece, language);
    if (start == 0) {
      attrs.push_back(own[0]);
    } else {
      const std::array<PangoLogAttr, 4>& joined = join(last_of_previous, g_utf8_get_char(piece.data()), language);
      attrs.push_back(joined[1]);  // the space
      attrs.push_back(joined[2]);  // the word's first character, after the space
    }
    attrs.insert(attrs.end(), own.begin() + 1, own.end() - 1);
    if (last_word) {
      attrs.push_back(own.back());  // the paragraph's end
      return;
    }
    last_of_previous = g_utf8_get_char(g_utf8_prev_char(piece.data() + piece.size()));
    start = end + 1;
  }
}

}  // namespace galley::layout
