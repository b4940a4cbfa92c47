#include "typo/typography.hpp"

#include <glib.h>

#include <array>
#include <vector>

namespace galley::typo {
namespace {

constexpr std::string_view no_break_space = "\u00A0";
constexpr std::string_view narrow_no_break_space = "\u202F";
constexpr std::string_view en_dash = "\u2013";
constexpr std::string_view em_dash = "\u2014";
constexpr std::string_view ellipsis = "\u2026";
constexpr std::string_view apostrophe = "\u2019";

struct LanguageMarks {
  std::string_view language;
  TypographyRules rules;
};

const std::array<LanguageMarks, 14> language_marks = {{
    {"en", {"\u201C", "\u201D", "\u2018", "\u2019", DashStyle::spaced_en_dash, false}},
    {"de", {"\u201E", "\u201C", "\u201A", "\u2018", DashStyle::spaced_en_dash, false}},
    {"fr", {"\u00AB", "\u00BB", "\u201C", "\u201D", DashStyle::spaced_en_dash, true}},
    {"es", {"\u00AB", "\u00BB", "\u201C", "\u201D", DashStyle::spaced_en_dash, false}},
    {"it", {"\u00AB", "\u00BB", "\u201C", "\u201D", DashStyle::spaced_en_dash, false}},
    {"pt", {"\u201C", "\u201D", "\u2018", "\u2019", DashStyle::spaced_en_dash, false}},
    {"nl", {"\u201C", "\u201D", "\u2018", "\u2019", DashStyle::spaced_en_dash, false}},
    {"sv", {"\u201D", "\u201D", "\u2019", "\u2019", DashStyle::spaced_en_dash, false}},
    {"fi", {"\u201D", "\u201D", "\u2019", "\u2019", DashStyle::spaced_en_dash, false}},
    {"da", {"\u00BB", "\u00AB", "\u203A", "\u2039", DashStyle::spaced_en_dash, false}},
    {"nb", {"\u00AB", "\u00BB", "\u2018", "\u2019", DashStyle::spaced_en_dash, false}},
    {"no", {"\u00AB", "\u00BB", "\u2018", "\u2019", DashStyle::spaced_en_dash, false}},
    {"pl", {"\u201E", "\u201D", "\u00AB", "\u00BB", DashStyle::spaced_en_dash, false}},
    {"ru", {"\u00AB", "\u00BB", "\u201E", "\u201C", DashStyle::spaced_en_dash, false}},
}};

// The text as code points, so that neighbours can be looked at both ways.
std::vector<gunichar> code_points(std::string_view text) {
  std::vector<gunichar> out;
  out.reserve(text.size());
  for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p))
    out.push_back(g_utf8_get_char(p));
  return out;
}

void append(std::string& out, gunichar c) {
  char buffer[6];
  out.append(buffer, static_cast<std::size_t>(g_unichar_to_utf8(c, buffer)));
}

bool is_space(gunichar c) { return c == ' ' || c == 0x00A0 || c == 0x202F || c == '\n'; }
bool is_word(gunichar c) { return g_unichar_isalnum(c); }

// Characters after which a quote opens: the start, a space, an opening
// bracket or dash, another opening mark.
bool opens_after(gunichar c) {
  return c == 0 || is_space(c) || c == '(' || c == '[' || c == '{' || c == 0x2013 || c == 0x2014 || c == '/' ||
         c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x201A || c == 0x00AB || c == '"' || c == '\'';
}

// Words that begin with an elided letter in English: 'n', 'em, 'tis.
bool is_elision(const std::vector<gunichar>& text, std::size_t quote) {
  static const std::array<std::u32string_view, 8> elisions = {U"n'", U"n ", U"em", U"tis", U"twas", U"cause", U"til", U"round"};
  for (std::u32string_view word : elisions) {
    if (quote + 1 + word.size() > text.size()) continue;
    bool matches = true;
    for (std::size_t index = 0; index < word.size() && matches; ++index)
      matches = g_unichar_tolower(text[quote + 1 + index]) == word[index];
    std::size_t after = quote + 1 + word.size();
    bool word_ends = word.back() == U'\'' || word.back() == U' ' || after >= text.size() || !is_word(text[after]);
    if (matches && word_ends) return true;
  }
  return false;
}

}  // namespace

TypographyRules typography_for(std::string_view lang) {
  std::string language(lang.substr(0, lang.find_first_of("-_")));
  for (char& c : language) c = static_cast<char>(g_ascii_tolower(c));
  TypographyRules rules = language_marks[0].rules;
  for (const LanguageMarks& marks : language_marks)
    if (marks.language == language) rules = marks.rules;
  if (language == "en" && lang.size() >= 5 && g_ascii_strncasecmp(lang.data() + 3, "us", 2) == 0)
    rules.dash = DashStyle::closed_em_dash;
  return rules;
}

std::string apply_typography(std::string_view text, const TypographyRules& rules) {
  const std::vector<gunichar> in = code_points(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool double_open = false;
  bool single_open = false;
  auto at = [&in](std::size_t index) -> gunichar { return index < in.size() ? in[index] : 0; };
  auto before = [&in](std::size_t index) -> gunichar { return index > 0 ? in[index - 1] : 0; };
  // Removes a space just written, so a mark can take its own kind of space.
  auto drop_trailing_space = [&out] {
    if (!out.empty() && out.back() == ' ') out.pop_back();
  };

  for (std::size_t index = 0; index < in.size(); ++index) {
    const gunichar c = in[index];
    const gunichar previous = before(index);
    const gunichar next = at(index + 1);
    if (c == '"') {
      bool opening = opens_after(previous) && !(is_space(next) || next == 0);
      if (!opening && !double_open && opens_after(previous)) opening = true;  // a stray quote alone
      if (opening) {
        out += rules.double_open;
        if (rules.french_spacing) {
          out += narrow_no_break_space;
          while (at(index + 1) == ' ') ++index;
        }
        double_open = true;
      } else {
        if (rules.french_spacing) {
          drop_trailing_space();
          out += narrow_no_break_space;
        }
        out += rules.double_close;
        double_open = false;
      }
    } else if (c == '\'') {
      if (is_word(previous) && is_word(next)) {
        out += apostrophe;  // don't, l'homme, geht's
      } else if (opens_after(previous) && g_unichar_isdigit(next)) {
        out += apostrophe;  // the '90s
      } else if (opens_after(previous) && previous != '"' && is_elision(in, index)) {
        out += apostrophe;  // rock 'n' roll, 'tis
      } else if (opens_after(previous) && !(is_space(next) || next == 0)) {
        out += rules.single_open;
        single_open = true;
      } else if (single_open) {
        out += rules.single_close;
        single_open = false;
      } else {
        out += apostrophe;  // the Jameses' house
      }
    } else if (c == '-' && previous == ' ' && next == ' ') {
      // A spaced hyphen between words is a dash; the no-break space keeps
      // the dash from starting a line.
      drop_trailing_space();
      if (rules.dash == DashStyle::closed_em_dash) {
        out += em_dash;
        ++index;  // the space after
      } else {
        out += no_break_space;
        out += en_dash;
      }
    } else if (c == '-' && next == '-') {
      std::size_t run = 1;
      while (at(index + run) == '-') ++run;
      bool spaced = previous == ' ';
      if (run >= 3 || rules.dash == DashStyle::closed_em_dash) {
        if (spaced && rules.dash == DashStyle::closed_em_dash) drop_trailing_space();
        out += em_dash;
        if (spaced && rules.dash == DashStyle::closed_em_dash && at(index + run) == ' ') ++index;
      } else {
        drop_trailing_space();
        out += no_break_space;
        out += en_dash;
        if (at(index + run) != ' ') out += ' ';
      }
      index += run - 1;
    } else if (c == '.' && next == '.' && at(index + 2) == '.') {
      out += ellipsis;
      index += 2;
      while (at(index + 1) == '.') ++index;
    } else if (rules.french_spacing && (c == ';' || c == '!' || c == '?' || c == ':') && index > 0) {
      drop_trailing_space();
      if (!out.empty() && out.compare(out.size() - narrow_no_break_space.size(), narrow_no_break_space.size(),
                                      narrow_no_break_space) != 0)
        out += c == ':' ? no_break_space : narrow_no_break_space;
      append(out, c);
    } else if (rules.french_spacing && c == 0x00AB) {
      append(out, c);
      out += narrow_no_break_space;
      while (at(index + 1) == ' ') ++index;
    } else if (rules.french_spacing && c == 0x00BB) {
      drop_trailing_space();
      out += narrow_no_break_space;
      append(out, c);
    } else {
      append(out, c);
    }
  }
  return out;
}

}  // namespace galley::typo
