#include "galley/text.hpp"

#include <glib.h>

#include <array>
#include <cstdio>
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

std::string shorten_at_word(const std::string& text, std::size_t max_characters) {
  const auto length = [](std::string_view part) {
    return static_cast<std::size_t>(g_utf8_strlen(part.data(), static_cast<gssize>(part.size())));
  };
  if (length(text) <= max_characters) return text;
  if (max_characters == 0) return {};
  // Room for the ellipsis; g_utf8_offset_to_pointer never lands inside a character.
  const char* limit = g_utf8_offset_to_pointer(text.c_str(), static_cast<glong>(max_characters - 1));
  std::string head(text.c_str(), limit);
  // Back to the last space unless the cut falls at one, and only if that
  // keeps more than half the room.
  const std::size_t space = head.rfind(' ');
  if (*limit != ' ' && space != std::string::npos &&
      length(std::string_view(head).substr(0, space)) > (max_characters - 1) / 2)
    head.erase(space);
  while (!head.empty() && std::string_view(",;:.- ").find(head.back()) != std::string_view::npos) head.pop_back();
  return head + "\u2026";
}

}  // namespace galley::doc
