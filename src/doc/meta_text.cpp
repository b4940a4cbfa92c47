#include "galley/text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>
#include <string_view>

namespace galley::doc {
namespace {

bool language_is(std::string_view lang, std::string_view language) {
  if (lang.size() < language.size()) return false;
  for (std::size_t index = 0; index < language.size(); ++index)
    if ((lang[index] | 0x20) != language[index]) return false;
  return lang.size() == language.size() || lang[language.size()] == '-' || lang[language.size()] == '_';
}

bool is_american(std::string_view lang) {
  return language_is(lang, "en") && lang.size() >= 5 && (lang.substr(3, 2) == "US" || lang.substr(3, 2) == "us");
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!is_space(c)) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Where the first sentence of `text` ends (the index after its final mark),
// or npos. A full stop after an initial ("J."), an abbreviation with inner
// stops ("U.S.") or a common title ("Mr.") ends no sentence.
std::size_t first_sentence_end(const std::string& text) {
  static constexpr std::string_view titles[] = {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Gen", "Sen", "Rep",
                                                "Gov", "Lt", "Col", "Capt", "Jr", "Sr", "vs", "etc", "e.g", "i.e"};
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char mark = text[index];
    if (mark != '.' && mark != '!' && mark != '?') continue;
    // Closing quotes and brackets belong to the sentence they end.
    std::size_t end = index + 1;
    while (end < text.size() && std::string_view("\"')").find(text[end]) != std::string_view::npos) ++end;
    while (end + 2 < text.size() && text.compare(end, 3, "\u2019") == 0) end += 3;
    while (end + 2 < text.size() && text.compare(end, 3, "\u201D") == 0) end += 3;
    if (end < text.size() && text[end] != ' ') continue;
    if (mark == '.') {
      const std::size_t word_start = text.rfind(' ', index) == std::string::npos ? 0 : text.rfind(' ', index) + 1;
      const std::string_view word(text.data() + word_start, index - word_start);
      if (word.size() == 1 || word.find('.') != std::string_view::npos) continue;
      if (std::find(std::begin(titles), std::end(titles), word) != std::end(titles)) continue;
    }
    return end;
  }
  return std::string::npos;
}

std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

std::string display_date(const Date& date, std::string_view lang) {
  static constexpr std::array<const char*, 12> english_months = {
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
  const std::string year = std::to_string(date.year);
  const bool has_month = date.month >= 1 && date.month <= 12;
  const bool has_day = has_month && date.day >= 1 && date.day <= 31;
  if (!has_month) return year;
  if (!language_is(lang, "en")) return year + "-" + two_digits(date.month) + (has_day ? "-" + two_digits(date.day) : "");
  const std::string month = english_months[static_cast<std::size_t>(date.month - 1)];
  if (!has_day) return month + " " + year;
  if (is_american(lang)) return month + " " + std::to_string(date.day) + ", " + year;
  return std::to_string(date.day) + " " + month + " " + year;
}

std::string iso_date(const Date& date) {
  if (date.year < 1 || date.year > 9999) return {};
  char buffer[16];
  if (date.month < 1 || date.month > 12)
    std::snprintf(buffer, sizeof buffer, "%04d", date.year);
  else if (date.day < 1 || date.day > 31)
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
  else
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string display_byline(const Meta& meta) {
  if (!meta.byline.empty()) return meta.byline;
  if (meta.authors.empty()) return {};
  const bool english = meta.lang.empty() || language_is(meta.lang, "en");
  std::string text = english ? "By " : "";
  for (std::size_t index = 0; index < meta.authors.size(); ++index) {
    if (index > 0) text += english && index + 1 == meta.authors.size() ? " and " : ", ";
    text += meta.authors[index];
  }
  return text;
}

std::string display_date(const Meta& meta) {
  if (!meta.date_text.empty()) return meta.date_text;
  if (!meta.date) return {};
  return display_date(*meta.date, meta.lang);
}

std::string shorten_at_word(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  }
  std::string head = text.substr(0, cut);
  while (!head.empty() && std::string_view(",;:.- ").find(head.back()) != std::string_view::npos) head.pop_back();
  return head + "\u2026";
}

std::string one_line_description(const Document& document, std::size_t limit) {
  for (const std::string* wanted : {&document.meta.description, &document.meta.subtitle})
    if (std::string line = collapse_whitespace(*wanted); !line.empty()) return shorten_at_word(line, limit);
  for (const Block& block : document.blocks) {
    const auto* para = std::get_if<Para>(&block);
    if (para == nullptr) continue;
    std::string text = collapse_whitespace(plain_text(para->body));
    if (text.empty()) continue;
    if (const std::size_t end = first_sentence_end(text); end != std::string::npos) text.resize(end);
    return shorten_at_word(text, limit);
  }
  return {};
}

}  // namespace galley::doc
