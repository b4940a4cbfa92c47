#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "layout/inline/hyphenate.hpp"
#include "layout/inline/word_breaks.hpp"

using galley::layout::WordBreaks;

namespace {

// The fields galley and Pango's shaping read: WordBreaks must give exactly
// what Pango gives for the whole paragraph in each of them.
std::string differences(const std::vector<PangoLogAttr>& whole, const std::vector<PangoLogAttr>& pieced) {
  if (whole.size() != pieced.size())
    return "sizes " + std::to_string(whole.size()) + " and " + std::to_string(pieced.size());
  std::string out;
  for (std::size_t index = 0; index < whole.size(); ++index) {
    const PangoLogAttr& a = whole[index];
    const PangoLogAttr& b = pieced[index];
    if (a.is_line_break != b.is_line_break || a.is_mandatory_break != b.is_mandatory_break ||
        a.is_char_break != b.is_char_break || a.is_white != b.is_white || a.is_cursor_position != b.is_cursor_position ||
        a.break_inserts_hyphen != b.break_inserts_hyphen || a.break_removes_preceding != b.break_removes_preceding)
      out += " " + std::to_string(index);
  }
  return out;
}

std::vector<PangoLogAttr> whole_paragraph(const std::string& text, PangoLanguage* language) {
  const int chars = static_cast<int>(g_utf8_strlen(text.data(), static_cast<gssize>(text.size())));
  std::vector<PangoLogAttr> attrs(static_cast<std::size_t>(chars) + 1);
  pango_get_log_attrs(text.data(), static_cast<int>(text.size()), -1, language, attrs.data(), chars + 1);
  return attrs;
}

void check_same(WordBreaks& breaks, const std::string& text, const char* language_tag) {
  PangoLanguage* language = pango_language_from_string(language_tag);
  std::vector<PangoLogAttr> pieced;
  breaks.paragraph_attributes(text, language, pieced);
  INFO(text);
  CHECK(differences(whole_paragraph(text, language), pieced).empty());
}

std::vector<std::string> lines_of_file(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("break attributes found a word at a time are Pango's for the whole paragraph", "[word_breaks]") {
  WordBreaks breaks;
  const std::vector<std::string> samples = {
      "The quick brown fox jumps over the lazy dog.",
      "“Quoted,” she said — and left… (really?) [yes] {no} 10–12 km, $ (5) 50 % 3.14 1,000,000.",
      "A well-known ISIS-\u2060K e-mail, re-enter / either/or and http://example.com/a/b?c=d&e=f.",
      "Hy\u00ADphen\u00ADation at soft hy\u00ADphens, and a line\nbreak inside.",
      "« Bonjour » dit-il ; « ça va ? » — oui\u202F! L’été, l’« hiver ».",
      "Die Straße ist 3\u00A0km lang, sagte Müller-Lüdenscheidt.",
      "\u0627\u0644\u0639\u0631\u0628\u064A\u0629 \u0644\u063A\u0629 \u062C\u0645\u064A\u0644\u0629 (123) and English.",
      "\u05E2\u05D1\u05E8\u05D9\u05EA \u05D5\u05E2\u05D5\u05D3 English \u05E2\u05D1\u05E8\u05D9\u05EA.",
      "\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22\u0E44\u0E21\u0E48\u0E21\u0E35\u0E0A\u0E48\u0E2D\u0E07\u0E27\u0E48\u0E32\u0E07 123 abc",
      "\u4E2D\u6587\u6CA1\u6709\u7A7A\u683C\u3002\u65E5\u672C\u8A9E\u3082\u3002 mixed \u4E2D\u6587 text",
      "\u0939\u093F\u0928\u094D\u0926\u0940 \u092D\u093E\u0937\u093E \u0938\u0941\u0902\u0926\u0930 \u0939\u0948\u0964",
      "Emoji \U0001F600 and flags \U0001F1EB\U0001F1F7 and a mark after a space \u0301 here.",
      "x ) y ! z ? a , b . c ; d : e / f - g \u2014 h \u2013 i \u201D j \u201C k ' l \" m",
      "ends with a quote \u201D",
      "single",
  };
  for (const std::string& text : samples) check_same(breaks, text, "en");
  check_same(breaks, samples[4], "fr");
  check_same(breaks, samples[8], "th");
  // Every line of the test articles, as they are and hyphenated as the
  // layout hyphenates them; twice, so the second time comes from memory.
  galley::layout::Hyphenator english("en-GB");
  for (const char* file : {"/constructs.md", "/story.nitf.xml", "/latin1.nitf.xml", "/story.newsml.xml"})
    for (const std::string& line : lines_of_file(std::string(GALLEY_TEST_DATA_DIR) + file)) {
      if (!g_utf8_validate(line.data(), static_cast<gssize>(line.size()), nullptr)) continue;
      check_same(breaks, line, "en");
      check_same(breaks, line, "en");
      if (english.available()) check_same(breaks, english.insert_soft_hyphens(line), "en");
    }
}

TEST_CASE("paragraphs with leading, trailing or double spaces are given to Pango whole", "[word_breaks]") {
  WordBreaks breaks;
  for (const char* text : {" lead", "trail ", "two  spaces", "   ", ""}) check_same(breaks, text, "en");
}

TEST_CASE("a paragraph of more different words than are remembered gets the same attributes", "[word_breaks]") {
  // 101,000 different words: the remembered ones are forgotten part way.
  std::string text;
  for (int index = 0; index < 101'000; ++index) {
    if (index > 0) text += index % 17 == 0 ? "-" : " ";
    text += "w" + std::to_string(index) + (index % 13 == 0 ? "," : "");
  }
  WordBreaks breaks;
  check_same(breaks, text, "en");
}
