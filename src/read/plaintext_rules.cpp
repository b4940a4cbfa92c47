#include "read/plaintext_rules.hpp"

#include <glib.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <regex>

namespace galley::read::detail {
namespace {

// Characters that may follow the final punctuation of a sentence.
bool is_closing(gunichar c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x203A;
}
bool is_opening_quote(gunichar c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x00AB || c == 0x2039;
}

gunichar last_significant(std::string_view line) {
  const char* start = line.data();
  const char* position = line.data() + line.size();
  while (position > start) {
    position = g_utf8_prev_char(position);
    gunichar c = g_utf8_get_char(position);
    if (c != ' ' && !is_closing(c)) return c;
  }
  return 0;
}

std::string trim(std::string_view text) {
  std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  std::size_t last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last - first + 1));
}

// A credit is a name or two, an agency, "Twitter / Barack Obama": short, and
// not a sentence of its own.
bool plausible_credit(std::string_view credit) {
  std::vector<std::string_view> words = words_of(credit);
  if (words.empty() || words.size() > 8) return false;
  gunichar last = last_significant(credit);
  return last != '?' && last != '!' && last != ':' && last != ',';
}

const std::array<std::string_view, 14> role_words = {
    "editor", "correspondent", "reporter", "writer", "columnist", "staff", "contributor",
    "analyst", "producer", "journalist", "chief", "bureau", "critic", "presenter"};

bool has_role_word(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(g_ascii_tolower(c));
  return std::any_of(role_words.begin(), role_words.end(),
                     [&lower](std::string_view word) { return lower.find(word) != std::string::npos; });
}

// "Jane Doe", "K.C. Maurer", "Jean-Luc de la Tour": capitalised words, with
// the particles names carry.
bool looks_like_name(std::string_view text) {
  std::vector<std::string_view> words = words_of(text);
  if (words.empty() || words.size() > 5) return false;
  static const std::array<std::string_view, 8> particles = {"de", "da", "van", "von", "der", "la", "le", "bin"};
  for (std::string_view word : words) {
    gunichar first = g_utf8_get_char(word.data());
    bool particle = std::find(particles.begin(), particles.end(), word) != particles.end();
    if (!particle && !g_unichar_isupper(first)) return false;
  }
  return true;
}

// "Jane Doe, John Roe and Ann Poe" into three names.
std::vector<std::string> split_names(std::string_view text) {
  std::string normalized(text);
  for (std::string_view separator : {" and ", " & ", " AND "}) {
    std::size_t at;
    while ((at = normalized.find(separator)) != std::string::npos) normalized.replace(at, separator.size(), ", ");
  }
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= normalized.size()) {
    std::size_t end = normalized.find(',', start);
    if (end == std::string::npos) end = normalized.size();
    std::string name = trim(std::string_view(normalized).substr(start, end - start));
    if (!name.empty()) names.push_back(name);
    start = end + 1;
  }
  return names;
}

}  // namespace

namespace {

// Calls `visit` with each space-separated word of `line`, in order: the
// rules below test every paragraph, so they count words without a vector.
template <typename Visit>
void for_each_word(std::string_view line, Visit visit) {
  std::size_t position = 0;
  while (position < line.size()) {
    std::size_t start = line.find_first_not_of(' ', position);
    if (start == std::string_view::npos) break;
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    visit(line.substr(start, end - start));
    position = end;
  }
}

std::size_t count_words(std::string_view line) {
  std::size_t count = 0;
  for_each_word(line, [&count](std::string_view) { ++count; });
  return count;
}

}  // namespace

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  for_each_word(line, [&words](std::string_view word) { words.push_back(word); });
  return words;
}

LineShape shape_of(std::string_view line) {
  LineShape shape;
  std::string_view first_word;
  for_each_word(line, [&](std::string_view word) {
    if (first_word.empty()) first_word = word;
    // A spaced dash is punctuation, not a word.
    if (word != "-" && word != "--" && word != "\u2013" && word != "\u2014") ++shape.words;
  });
  if (first_word.empty()) return shape;
  gunichar last = last_significant(line);
  shape.ends_sentence = last == '.' || last == '!' || last == 0x2026;
  shape.ends_question = last == '?';
  shape.ends_clause = last == ':' || last == ';' || last == ',';
  gunichar first = g_utf8_get_char(first_word.data());
  shape.starts_quote = is_opening_quote(first);
  shape.starts_capital = g_unichar_isupper(first) || g_unichar_isdigit(first) || g_unichar_istitle(first);
  shape.has_comma = line.find(',') != std::string_view::npos;
  shape.has_dash = line.find(" - ") != std::string_view::npos || line.find(" -- ") != std::string_view::npos ||
                   line.find(" \u2013 ") != std::string_view::npos || line.find("\u2014") != std::string_view::npos;
  shape.has_quote = line.find('"') != std::string_view::npos || line.find("\u201C") != std::string_view::npos ||
                    line.find("\u2018") != std::string_view::npos ||
                    (shape.starts_quote && first == '\'');
  std::size_t colon = line.find(": ");
  shape.has_label_colon = colon != std::string_view::npos && count_words(line.substr(0, colon)) <= 4;
  return shape;
}

std::optional<CaptionParts> split_credit(std::string_view line) {
  // Every form of credit has a colon, brackets or a copyright sign; most
  // lines have none, and the regular expressions are slow.
  if (line.find_first_of(":(") == std::string_view::npos && line.find("\u00A9") == std::string_view::npos)
    return std::nullopt;
  if (count_words(line) > 80) return std::nullopt;
  std::string text(line);
  std::smatch match;
  // A label, capitalised as captions write it, and a short name after it.
  constexpr std::string_view labels[] = {"Credit", "Photo", "Image", "Picture", "Illustration",
                                         "Video",  "Audio", "Source", "Footage"};
  bool may_be_labelled = line.find(':') != std::string_view::npos &&
                         std::any_of(std::begin(labels), std::end(labels),
                                     [&](std::string_view label) { return line.find(label) != std::string_view::npos; });
  static const std::regex labelled(
      R"(^(.*?)[ ]*\b((?:Photo |Image |Picture )?(?:Credits?|Photos?|Photograph(?:y|s)?|Pictures?|Images?|Illustration|Video|Audio|Source|Footage)(?: credit| source)?)[ ]?:[ ]+([^:]+?)\.?$)");
  if (may_be_labelled && std::regex_match(text, match, labelled)) {
    std::string caption = trim(match[1].str());
    std::string credit = trim(match[3].str());
    // "Source:" ends many a sentence of prose; in a caption it follows a full stop or stands alone.
    bool weak_label = match[2].str() == "Source";
    bool caption_ok = caption.empty() || !weak_label || last_significant(caption) == '.';
    if (plausible_credit(credit) && caption_ok && g_utf8_get_char(credit.c_str()) != ' ')
      return CaptionParts{caption, credit, match[2].str()};
  }
  static const std::regex parenthesised(
      R"(^(.*\S)[ ]*\(((?:Photo|Image|Picture|Credit)[^()]*|[^()]*(?:Getty|Images|Reuters|AFP|AP|PA|EPA|Shutterstock|Alamy|Bloomberg|Press|Photo|Wire|/)[^()]*)\)\.?$)");
  std::string_view ending = line.substr(0, line.find_last_not_of(" .") + 1);
  bool may_be_parenthesised = !ending.empty() && ending.back() == ')';
  if (may_be_parenthesised && std::regex_match(text, match, parenthesised)) {
    std::string credit = trim(match[2].str());
    std::string label;
    for (std::string_view prefix : {"Photo:", "Image:", "Picture:", "Credit:"})
      if (credit.rfind(prefix, 0) == 0) {
        label = std::string(prefix.substr(0, prefix.size() - 1));
        credit = trim(credit.substr(prefix.size()));
      }
    if (plausible_credit(credit)) return CaptionParts{trim(match[1].str()), credit, label};
  }
  std::size_t copyright = text.rfind("\u00A9");
  if (copyright != std::string::npos) {
    std::string credit = trim(text.substr(copyright + 2));
    if (!credit.empty() && credit.back() == '.') credit.pop_back();
    if (plausible_credit(credit)) return CaptionParts{trim(text.substr(0, copyright)), credit, "\u00A9"};
  }
  return std::nullopt;
}

bool looks_like_subheading(const LineShape& shape) {
  if (shape.words == 0 || !shape.starts_capital || shape.starts_quote || shape.has_dash) return false;
  if (shape.ends_question) return shape.words <= 14 && (!shape.has_comma || shape.words <= 8);
  if (shape.ends_sentence || shape.ends_clause || shape.has_quote) return false;
  return shape.words <= 10;
}

bool looks_like_teaser(const LineShape& shape) {
  // Longer than a teaser, an unpunctuated line is a sentence that lost its full stop.
  return shape.words >= 3 && shape.words <= 20 && !shape.ends_sentence && !shape.ends_clause && !shape.ends_question;
}

std::optional<ListMarker> list_marker(std::string_view line) {
  // A marker is a bullet or a number: anything else needs no regular expression.
  std::size_t first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) return std::nullopt;
  unsigned char lead = static_cast<unsigned char>(line[first]);
  constexpr std::string_view wide_bullets[] = {"\u2022", "\u25CF", "\u25E6", "\u2013", "\u00B7"};
  const std::string_view rest = line.substr(first);
  bool wide_bullet = lead >= 0x80 && std::any_of(std::begin(wide_bullets), std::end(wide_bullets), [&](std::string_view bullet) {
                       return rest.substr(0, bullet.size()) == bullet;
                     });
  if (!(lead == '-' || lead == '*' || lead == '+' || std::isdigit(lead) || wide_bullet)) return std::nullopt;
  std::string text(line);
  std::smatch match;
  // Alternatives, not a class: the bullets beyond ASCII are several bytes in UTF-8.
  static const std::regex bullet("^\\s*(?:[-*+]|\u2022|\u25CF|\u25E6|\u2013|\u00B7)\\s+(\\S.*)$");
  static const std::regex number(R"(^\s*(\d{1,3})[.)]\s+(\S.*)$)");
  if (std::regex_match(text, match, bullet)) return ListMarker{false, 0, match[1].str()};
  if (std::regex_match(text, match, number)) return ListMarker{true, std::stoi(match[1].str()), match[2].str()};
  return std::nullopt;
}

std::optional<Byline> parse_byline(std::string_view line) {
  std::string text = trim(line);
  if (count_words(text) > 14) return std::nullopt;
  std::smatch match;
  static const std::regex by(R"(^(?:By|BY|by)[ ]+(.+?)\.?$)");
  if (std::regex_match(text, match, by)) {
    // "By Jane Doe, Political Editor": the role is shown, but is no author.
    std::vector<std::string> names;
    for (std::string& name : split_names(match[1].str()))
      if (!has_role_word(name)) names.push_back(name);
    if (!names.empty() && std::all_of(names.begin(), names.end(), [](const std::string& n) { return looks_like_name(n); }))
      return Byline{names, text};
    return std::nullopt;
  }
  std::size_t comma = text.find(", ");
  if (comma != std::string::npos && looks_like_name(text.substr(0, comma)) && has_role_word(text.substr(comma + 2)) &&
      count_words(text.substr(comma + 2)) <= 5 && last_significant(text) != '.')
    return Byline{{text.substr(0, comma)}, text};
  return std::nullopt;
}

std::optional<Attribution> split_attribution(std::string_view line) {
  // The quote ends at a sentence end followed by a name; abbreviations in
  // the name ("U.S. Senator") mean trying each sentence end from the last.
  static const std::array<std::string_view, 7> sentence_ends = {". ", ".\u201D ", ".\" ", "?\u201D ", "!\u201D ", "? ", "! "};
  std::vector<std::size_t> starts;
  for (std::string_view end : sentence_ends)
    for (std::size_t at = line.find(end); at != std::string_view::npos; at = line.find(end, at + 1))
      starts.push_back(at + end.size());
  std::sort(starts.rbegin(), starts.rend());
  for (std::size_t start : starts) {
    std::string attribution = trim(line.substr(start));
    LineShape shape = shape_of(attribution);
    if (shape.words == 0 || shape.words > 8 || !shape.starts_capital || shape.ends_sentence || shape.ends_question)
      continue;
    std::size_t comma = attribution.find(", ");
    if (!looks_like_name(comma == std::string::npos ? attribution : attribution.substr(0, comma))) continue;
    return Attribution{trim(line.substr(0, start)), attribution};
  }
  return std::nullopt;
}

std::optional<Dateline> split_dateline(std::string_view paragraph) {
  std::string text(paragraph);
  std::smatch match;
  // "LONDON (Reuters) - ", "NEW YORK, Jan 5 (AP) — "
  static const std::string dash = "(?:-|--|\u2013|\u2014)";
  static const std::regex agency(
      R"(^([A-Z][A-Z.'\- ]{1,30}[A-Z.](?:, [A-Z][A-Za-z. ]{1,20})?(?: \([A-Za-z .&]{1,30}\))?)[ ]*)" + dash +
      R"([ ]+(\S.*)$)");
  // "Evansville, Indiana, United States - ": places with commas, each capitalised.
  static const std::regex places(
      R"(^([A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*(?:, [A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*){1,3})[ ]+)" + dash +
      R"([ ]+(\S.*)$)");
  if (std::regex_match(text, match, agency) || std::regex_match(text, match, places))
    return Dateline{trim(match[1].str()), match[2].str()};
  return std::nullopt;
}

}  // namespace galley::read::detail
