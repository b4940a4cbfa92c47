#include "typo/dates.hpp"

#include <cctype>
#include <chrono>
#include <regex>
#include <string>

namespace galley::typo {
namespace {

// Month names and their usual abbreviations, in English.
int month_number(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int index = 0; index < 12; ++index)
    if (name.rfind(names[index], 0) == 0) return index + 1;
  return 0;
}

std::optional<doc::Date> checked(int year, int month, int day) {
  using namespace std::chrono;
  if (year < 1000 || year > 9999) return std::nullopt;
  if (month == 0) return doc::Date{year, 0, 0};
  if (day == 0) return doc::Date{year, month, 0};
  year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                      std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return doc::Date{year, month, day};
}

const std::string label = R"((?:(?:published|updated|posted|last updated|date)(?: on)?:?\s+)?)";
const std::string weekday = R"((?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?)";
const std::string month = R"((jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)";
// Separators are alternatives, not a character class: the en and em dashes
// and the middle dot are several bytes in UTF-8.
const std::string time_of_day =
    "(?:,?\\s*(?:at\\s+|(?:-|\u2013|\u2014|\\||\u00B7)\\s*)?\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?\\s*"
    "(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,5}|GMT[+-]\\d+|UTC[+-]\\d+)?)?";
const std::string end = R"(\s*$)";

}  // namespace

std::optional<doc::Date> parse_date_line(std::string_view text) {
  static const std::regex month_first("^\\s*" + label + weekday + month + R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))" +
                                          time_of_day + end,
                                      std::regex::icase);
  static const std::regex day_first("^\\s*" + label + weekday + R"((\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)" + month +
                                        R"(,?\s+(\d{4}))" + time_of_day + end,
                                    std::regex::icase);
  static const std::regex iso("^\\s*" + label + R"((\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)" + end,
                              std::regex::icase);
  static const std::regex month_year("^\\s*" + label + month + R"(,?\s+(\d{4}))" + end, std::regex::icase);
  if (text.size() > 120) return std::nullopt;
  std::string line(text);
  std::smatch match;
  if (std::regex_match(line, match, month_first))
    return checked(std::stoi(match[3]), month_number(match[1]), std::stoi(match[2]));
  if (std::regex_match(line, match, day_first))
    return checked(std::stoi(match[3]), month_number(match[2]), std::stoi(match[1]));
  if (std::regex_match(line, match, iso))
    return checked(std::stoi(match[1]), std::stoi(match[2]), match[3].matched ? std::stoi(match[3]) : 0);
  if (std::regex_match(line, match, month_year)) return checked(std::stoi(match[2]), month_number(match[1]), 0);
  return std::nullopt;
}

}  // namespace galley::typo
