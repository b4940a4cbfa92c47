// The paragraph builder: the total-fit breaker on made-up boxes and glue,
// then whole paragraphs shaped by Pango and set by set_paragraph.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "galley/style.hpp"
#include "galley/text.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/hyphenate.hpp"
#include "layout/inline/linebreak.hpp"
#include "layout/inline/paragraph.hpp"
#include "layout/inline/styled_text.hpp"

using namespace galley;
using namespace galley::layout;

namespace {

// Words of the given widths with 1-point spaces that stretch by 1 and shrink
// by 0.5, ended as a paragraph is.
std::vector<BreakItem> words(const std::vector<double>& widths) {
  std::vector<BreakItem> items;
  int position = 0;
  for (std::size_t index = 0; index < widths.size(); ++index) {
    if (index > 0) items.push_back({BreakItemKind::glue, 1, 1, 0.5, false, 0, false, position++});
    items.push_back({BreakItemKind::box, widths[index], 0, 0, false, 0, false, position++});
  }
  items.push_back({BreakItemKind::penalty, 0, 0, 0, false, infinite_penalty, false, position});
  items.push_back({BreakItemKind::glue, 0, 0, 0, true, 0, false, position});
  items.push_back({BreakItemKind::penalty, 0, 0, 0, false, forced_break, false, position});
  return items;
}

// Lays lines out greedily: as many words as fit at natural width.
std::vector<double> first_fit_ratios(const std::vector<double>& widths, double measure) {
  std::vector<double> ratios;
  double line = 0;
  int spaces = 0;
  for (double width : widths) {
    if (line > 0 && line + 1 + width > measure) {
      ratios.push_back((measure - line) / spaces);
      line = 0;
      spaces = 0;
    }
    if (line > 0) {
      line += 1;
      ++spaces;
    }
    line += width;
  }
  return ratios;
}

double worst(const std::vector<double>& ratios) {
  double result = 0;
  for (double ratio : ratios) result = std::max(result, std::abs(ratio));
  return result;
}

style::TextStyle body_style() {
  style::TextStyle style;
  style.family = "EB Garamond 12";
  style.size = 12;
  style.leading = 15.5;
  return style;
}

std::string text_of(const SetLine& line) {
  std::string text;
  for (const GlyphRun& run : line.runs) text += run.text;
  return text;
}

// The lines' text joined as a reader reads it: a space between lines,
// except after a line that ends in a hyphen.
std::string joined(const std::vector<SetLine>& lines) {
  std::string all;
  for (const SetLine& line : lines) {
    if (!all.empty() && all.back() != '-' && all.compare(all.size() - 2, 2, "\xC2\xAD") != 0) all += ' ';
    for (const GlyphRun& run : line.runs) all += run.text;
  }
  return all;
}

std::string without_soft_hyphens(std::string text) {
  for (std::size_t at; (at = text.find("\xC2\xAD")) != std::string::npos;) text.erase(at, 2);
  return text;
}

bool ends_hyphenated(const SetLine& line) {
  std::string text = text_of(line);
  return text.size() >= 2 && text.compare(text.size() - 2, 2, "\xC2\xAD") == 0;
}

const std::string committee_prose =
    "The committee met on Tuesday to consider the proposals, which had been circulated to members a week "
    "earlier and which drew a considerable number of comments from the public and from local businesses. "
    "Several councillors said that the consultation had been unusually thorough, although others questioned "
    "whether the administrative arrangements were proportionate to the modest sums involved.";

}  // namespace

TEST_CASE("total fit spreads the space that first fit leaves on one line", "[linebreak]") {
  // First fit fills the first line to the brim and leaves the second loose;
  // total fit takes a word down so both lines are evenly spaced.
  const std::vector<double> widths = {5, 5, 5, 12, 10, 12, 15, 10, 8};
  const double measure = 40;
  BreakParameters parameters;
  parameters.tolerance = 10000;
  BreakResult result = break_lines(words(widths), {measure, measure, 12}, BreakMode::justified, parameters);
  REQUIRE(result.lines.size() == 3);
  CHECK(result.lines[0].ratio == Approx(-0.5));  // five words, shrunk a little
  CHECK(result.lines[1].ratio == Approx(0.5));
  std::vector<double> total_fit;
  for (std::size_t index = 0; index + 1 < result.lines.size(); ++index) total_fit.push_back(result.lines[index].ratio);
  std::vector<double> first_fit = first_fit_ratios(widths, measure);
  REQUIRE(first_fit.size() == 2);
  CHECK(worst(first_fit) > 3);  // four words and a gaping line
  CHECK(worst(total_fit) < worst(first_fit));
  CHECK_FALSE(result.emergency);
}

namespace {

// Forty words of three 10-point syllables with 3-point spaces; a hyphen
// between syllables costs `hyphen_penalty`.
std::vector<BreakItem> syllable_words(double hyphen_penalty) {
  std::vector<BreakItem> items;
  int position = 0;
  for (int word = 0; word < 40; ++word) {
    if (word > 0) items.push_back({BreakItemKind::glue, 3, 3, 1, false, 0, false, position++});
    for (int syllable = 0; syllable < 3; ++syllable) {
      if (syllable > 0) items.push_back({BreakItemKind::penalty, 1, 0, 0, false, hyphen_penalty, true, position++});
      items.push_back({BreakItemKind::box, 10, 0, 0, false, 0, false, position++});
    }
  }
  for (const BreakItem& end : words({})) items.push_back({end.kind, 0, 0, 0, end.fill, end.penalty, false, position});
  return items;
}

}  // namespace

TEST_CASE("never three hyphenated lines in a row", "[linebreak]") {
  // Hyphens made attractive: the breaker would hyphenate every line if it
  // were allowed to.
  std::vector<BreakItem> items = syllable_words(-500);
  BreakParameters parameters;
  BreakResult result = break_lines(items, {47, 47, 12}, BreakMode::justified, parameters);
  REQUIRE(result.lines.size() > 10);
  int run = 0;
  int hyphenated = 0;
  for (const LineBreak& line : result.lines) {
    const BreakItem& end = items[line.item];
    bool flagged = end.kind == BreakItemKind::penalty && end.flagged;
    hyphenated += flagged ? 1 : 0;
    run = flagged ? run + 1 : 0;
    CHECK(run <= parameters.max_consecutive_hyphens);
  }
  CHECK(hyphenated > static_cast<int>(result.lines.size()) / 2);
}

TEST_CASE("the line that ends a column is kept from ending in a hyphen when it can be", "[linebreak]") {
  // Hyphens made cheap: most lines end in one. Told which line ends the
  // column, the breaker finds another way for that line.
  std::vector<BreakItem> items = syllable_words(0);
  auto ends_hyphenated = [&items](const BreakResult& result, std::size_t line) {
    const BreakItem& end = items[result.lines[line].item];
    return end.kind == BreakItemKind::penalty && end.flagged;
  };
  BreakParameters parameters;
  BreakResult free = break_lines(items, {47, 47, 12}, BreakMode::justified, parameters);
  std::size_t hyphenated_line = 0;
  while (hyphenated_line + 1 < free.lines.size() && !ends_hyphenated(free, hyphenated_line)) ++hyphenated_line;
  REQUIRE(ends_hyphenated(free, hyphenated_line));
  parameters.line_ending_a_column = static_cast<int>(hyphenated_line);
  BreakResult kept = break_lines(items, {47, 47, 12}, BreakMode::justified, parameters);
  REQUIRE(kept.lines.size() > hyphenated_line);
  CHECK_FALSE(ends_hyphenated(kept, hyphenated_line));
}

TEST_CASE("the last line is set ragged: the fill glue takes its shortfall", "[linebreak]") {
  std::vector<BreakItem> items = words({20, 20, 20, 20, 20});
  BreakResult result = break_lines(items, {64, 64, 12}, BreakMode::justified, BreakParameters{});
  REQUIRE(result.lines.size() == 2);
  CHECK(result.lines.back().item + 1 == items.size());
  CHECK(result.lines.back().ratio == 0);  // the fill glue takes the last line's shortfall
}

TEST_CASE("a last line of one short word costs demerits", "[linebreak]") {
  // Five 20-point words on a 64-point measure: 3 + 2 or 4 + 1; with the
  // short last line penalised the breaker avoids a lone last word.
  std::vector<BreakItem> items = words({20, 20, 20, 20, 5});
  BreakParameters parameters;
  parameters.short_last_line_demerits = 1e7;
  parameters.tolerance = 10000;
  BreakResult result = break_lines(items, {66, 66, 12}, BreakMode::justified, parameters);
  REQUIRE(result.lines.size() == 2);
  CHECK(result.lines.front().item < items.size() - 6);  // the first line does not take four words
}

TEST_CASE("an unbreakable box wider than the line is set overfull and flagged", "[linebreak]") {
  std::vector<BreakItem> items = words({10, 200, 10});
  BreakResult result = break_lines(items, {100, 100, 12}, BreakMode::justified, BreakParameters{});
  REQUIRE_FALSE(result.lines.empty());
  CHECK(result.emergency);
  CHECK(std::any_of(result.lines.begin(), result.lines.end(), [](const LineBreak& line) { return line.overfull; }));
}

TEST_CASE("ragged lines keep their spaces and avoid a very short line", "[linebreak]") {
  std::vector<BreakItem> items = words({30, 30, 30, 30, 30, 30});
  BreakResult result = break_lines(items, {100, 100, 12}, BreakMode::ragged, BreakParameters{});
  REQUIRE(result.lines.size() == 2);
}

TEST_CASE("paragraph lines fill the measure and stay within it", "[paragraph]") {
  FontSystem fonts;
  Hyphenator hyphenator("en-GB");
  style::TextStyle style = body_style();
  StyledText text = styled_text(doc::inlines_from_text(committee_prose), {}, &hyphenator);
  ParagraphFormat format{&style, 250, 14, TextAlignment::justified};
  Diagnostics warnings;
  std::vector<SetLine> lines = set_paragraph(fonts, text, format, &warnings);
  REQUIRE(lines.size() >= 4);
  CHECK(warnings.empty());
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const SetLine& line = lines[index];
    REQUIRE_FALSE(line.runs.empty());
    double right = line.runs.back().x + line.runs.back().width;
    CHECK(line.runs.front().x >= (index == 0 ? 14 - 0.01 : -0.01));
    CHECK(right <= 250 + 0.01);
    if (index + 1 < lines.size()) CHECK(right == Approx(250).margin(0.05));
  }
  CHECK(without_soft_hyphens(joined(lines)) == committee_prose);
}

TEST_CASE("a 150,000-character word is broken with no character lost", "[paragraph]") {
  FontSystem fonts;
  style::TextStyle style = body_style();
  std::string word;
  for (int index = 0; index < 150000; ++index) word += static_cast<char>('a' + index % 26);
  StyledText text{word, {}};
  ParagraphFormat format{&style, 300, 0, TextAlignment::justified};
  Diagnostics warnings;
  std::vector<SetLine> lines = set_paragraph(fonts, text, format, &warnings);
  REQUIRE(lines.size() > 100);
  std::string all;
  for (const SetLine& line : lines) {
    double right = line.runs.back().x + line.runs.back().width;
    CHECK(right <= 300 + 0.01);
    all += text_of(line);
  }
  CHECK(all == word);
}

TEST_CASE("a URL breaks after a slash or a dot, not anywhere", "[paragraph]") {
  FontSystem fonts;
  style::TextStyle style = body_style();
  std::string url = "https://www.example.org/news/2024/09/a-very-long-path/with/many/segments/index.html?ref=front&page=2";
  StyledText text{"See " + url + " for the whole report.", {}};
  ParagraphFormat format{&style, 200, 0, TextAlignment::justified};
  std::vector<SetLine> lines = set_paragraph(fonts, text, format);
  REQUIRE(lines.size() >= 2);
  // Each line ends at a space or just after one of the URL's punctuation marks.
  std::size_t offset = 0;
  for (std::size_t index = 0; index + 1 < lines.size(); ++index) {
    std::string line = text_of(lines[index]);
    INFO(line);
    REQUIRE(text.text.compare(offset, line.size(), line) == 0);
    offset += line.size();
    bool at_space = text.text[offset] == ' ';
    CHECK((at_space || std::string("/.-_?&=").find(line.back()) != std::string::npos));
    if (at_space) ++offset;
  }
  CHECK(text.text.substr(offset) == text_of(lines.back()));
}

TEST_CASE("never three hyphenated lines in a row in a real paragraph", "[paragraph]") {
  FontSystem fonts;
  Hyphenator hyphenator("en-GB");
  style::TextStyle style = body_style();
  std::string text_string;
  for (int index = 0; index < 6; ++index)
    text_string += "Internationalisation, institutionalisation and responsibilities notwithstanding, "
                   "characteristically uncompromising administrations deliberated interminably. ";
  text_string.pop_back();
  StyledText text = styled_text(doc::inlines_from_text(text_string), {}, &hyphenator);
  ParagraphFormat format{&style, 150, 0, TextAlignment::justified};
  std::vector<SetLine> lines = set_paragraph(fonts, text, format);
  int run = 0;
  for (const SetLine& line : lines) {
    run = ends_hyphenated(line) ? run + 1 : 0;
    CHECK(run <= 2);
  }
}

TEST_CASE("right-to-left text comes out in visual order with nothing lost", "[paragraph]") {
  FontSystem fonts;
  style::TextStyle style = body_style();
  const std::string hebrew = "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD";  // "shalom olam"
  const std::string arabic = "\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645";
  for (const std::string& sample : {hebrew, arabic}) {
    StyledText text{sample, {}};
    ParagraphFormat format{&style, 300, 0, TextAlignment::justified};
    std::vector<SetLine> lines = set_paragraph(fonts, text, format);
    REQUIRE(lines.size() == 1);
    const SetLine& line = lines.front();
    REQUIRE_FALSE(line.runs.empty());
    // Every byte of the text is shown, in runs whose clusters go backwards.
    std::size_t bytes = 0;
    for (const GlyphRun& run : line.runs) {
      CHECK(run.clusters_backward);
      for (const TextCluster& cluster : run.clusters) bytes += static_cast<std::size_t>(cluster.bytes);
    }
    CHECK(bytes == sample.size());
    // A right-to-left paragraph's last line sits at the right edge.
    CHECK(line.runs.back().x + line.runs.back().width == Approx(300).margin(0.05));
    // The first word in logical order is the rightmost on the page.
    const GlyphRun& rightmost = *std::max_element(line.runs.begin(), line.runs.end(),
                                                  [](const GlyphRun& a, const GlyphRun& b) { return a.x < b.x; });
    CHECK(rightmost.text.rfind(sample.substr(0, sample.find(' ')), 0) == 0);
  }
}

TEST_CASE("mixed styles in one paragraph share lines and keep every word", "[paragraph]") {
  FontSystem fonts;
  style::TextStyle style = body_style();
  std::string plain = "Ordinary words, then ";
  std::string emphasised = "emphasised words in italic";
  std::string rest = ", then bold, then code() and a note";
  StyledText text{plain + emphasised + rest + "1", {}};
  std::size_t emphasis_start = plain.size();
  std::size_t bold_start = (plain + emphasised + ", then ").size();
  std::size_t code_start = (plain + emphasised + ", then bold, then ").size();
  text.spans.push_back({emphasis_start, emphasis_start + emphasised.size(), SpanKind::emphasis, {}});
  text.spans.push_back({bold_start, bold_start + 4, SpanKind::strong, {}});
  text.spans.push_back({code_start, code_start + 6, SpanKind::code, {}});
  text.spans.push_back({text.text.size() - 1, text.text.size(), SpanKind::note_reference, {}});
  ParagraphFormat format{&style, 200, 0, TextAlignment::left};
  std::vector<SetLine> lines = set_paragraph(fonts, text, format);
  REQUIRE(lines.size() >= 2);
  std::map<std::string, int> faces;
  double note_rise = 0;
  for (const SetLine& line : lines)
    for (const GlyphRun& run : line.runs) {
      faces[run.font->describe()]++;
      if (run.text == "1") note_rise = -run.y;
    }
  CHECK(joined(lines) == text.text);
  CHECK(faces.size() >= 4);  // roman, italic, bold, mono (and the note's size)
  CHECK(note_rise > 1);      // the note reference is raised
}

TEST_CASE("a line ending in punctuation has its hang's worth more room", "[linebreak]") {
  // Three words of 30 with 1-point spaces: 92 points do not fit in 91 ...
  std::vector<BreakItem> items = words({30, 30, 30, 30});
  BreakParameters rigid;
  rigid.space_shrink = 0;
  LineMeasure measure{91, 91, 12};
  for (BreakItem& item : items) item.shrink = 0;
  BreakResult without = break_lines(items, measure, BreakMode::justified, rigid);
  REQUIRE_FALSE(without.lines.empty());
  CHECK(without.lines.front().item == 3);  // two words on the first line
  // ... but do when the third word ends in a comma that may hang 1.5 points.
  items[5].end_hang = 1.5;
  BreakResult with = break_lines(items, measure, BreakMode::justified, rigid);
  REQUIRE_FALSE(with.lines.empty());
  CHECK(with.lines.front().item == 5);  // three words, the comma in the margin
}

TEST_CASE("margin kerning hangs full stops, commas and hyphens past the right edge, letters stay on it",
          "[paragraph]") {
  FontSystem fonts;
  Hyphenator hyphenator("en-GB");
  style::TextStyle style = body_style();
  std::string prose;
  for (int index = 0; index < 4; ++index) prose += committee_prose + " ";
  prose.pop_back();
  StyledText text = styled_text(doc::inlines_from_text(prose), {}, &hyphenator);
  ParagraphFormat format{&style, 250, 0, TextAlignment::justified};
  format.protrude = true;
  std::vector<SetLine> lines = set_paragraph(fonts, text, format);
  int hanging = 0;
  for (std::size_t index = 0; index + 1 < lines.size(); ++index) {
    const SetLine& line = lines[index];
    const std::string last = text_of(line).substr(text_of(line).size() - 2);
    const double right = line.runs.back().x + line.runs.back().width;
    INFO(text_of(line));
    if (last.back() == ',' || last.back() == '.' || last == "\xC2\xAD") {
      CHECK(right > 250 + 0.5);  // about 0.7 of the mark's width out
      CHECK(right < 250 + 0.5 * style.size);
      ++hanging;
    } else if (g_ascii_isalpha(last.back())) {
      CHECK(right == Approx(250).margin(0.05));
    }
  }
  CHECK(hanging >= 3);
  // Without it, every full line ends on the edge.
  format.protrude = false;
  for (const SetLine& line : set_paragraph(fonts, text, format))
    if (&line != &lines.back()) CHECK(line.runs.back().x + line.runs.back().width <= 250 + 0.05);
}

TEST_CASE("the widest word is the narrowest measure that breaks no word", "[paragraph]") {
  FontSystem fonts;
  style::TextStyle style = body_style();
  const StyledText text{"Auth HTTPS apiKey\nUnknown", {}};
  const double widest = widest_word(fonts, text, style);
  double unknown = 0;
  for (const SetLine& line : set_paragraph(fonts, StyledText{"Unknown", {}}, {&style, 1e6, 0, TextAlignment::left}))
    unknown = std::max(unknown, line.width);
  CHECK(widest == Approx(unknown));
  // Set that wide (and a hair for rounding), every word stays whole.
  std::string all;
  for (const SetLine& line : set_paragraph(fonts, text, {&style, widest + 0.01, 0, TextAlignment::left}))
    all += (all.empty() ? "" : " ") + text_of(line);
  CHECK(all == "Auth HTTPS apiKey Unknown");
}

TEST_CASE("looseness -1 sets a paragraph a line shorter where its spaces may shrink enough", "[linebreak]") {
  FontSystem fonts;
  Hyphenator hyphenator("en-GB");
  style::TextStyle style = body_style();
  // Long enough that its lines' shrink adds up to a line's width.
  std::string prose;
  for (int index = 0; index < 6; ++index) prose += committee_prose + " ";
  prose.pop_back();
  StyledText text = styled_text(doc::inlines_from_text(prose), {}, &hyphenator);
  ParagraphFormat format{&style, 250, 14, TextAlignment::justified};
  const std::size_t best = set_paragraph(fonts, text, format).size();
  BreakParameters tighter;
  tighter.looseness = -1;
  format.parameters = &tighter;
  std::vector<SetLine> lines = set_paragraph(fonts, text, format);
  CHECK(lines.size() + 1 == best);
  CHECK(without_soft_hyphens(joined(lines)) == prose);
  for (std::size_t index = 0; index + 1 < lines.size(); ++index)
    CHECK(lines[index].runs.back().x + lines[index].runs.back().width == Approx(250).margin(0.05));
  // A paragraph of two short words cannot lose its only line.
  StyledText short_text{"Two words", {}};
  CHECK(set_paragraph(fonts, short_text, format).size() == 1);
}

namespace {

// Whether a line of the paragraph ends in a hyphen the breaker added inside
// a word that starts with `prefix`.
bool hyphenates_word(const std::vector<SetLine>& lines, const std::string& prefix) {
  for (const SetLine& line : lines) {
    if (!ends_hyphenated(line)) continue;
    const std::string text = text_of(line);
    const std::size_t word = text.rfind(' ');
    if (text.compare(word == std::string::npos ? 0 : word + 1, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a name is hyphenated only when no line within the tolerance would do", "[paragraph]") {
  FontSystem fonts;
  Hyphenator hyphenator("en-GB");
  style::TextStyle style = body_style();
  // The committee's prose with a long name in it, twice.
  const std::string name_prose =
      "The committee met on Tuesday to consider the proposals, which had been circulated to members a week "
      "earlier and which drew a considerable number of comments from the public and from local businesses in "
      "Northamptonshire. Several councillors said that the consultation had been unusually thorough, although "
      "others questioned whether the administrative arrangements were proportionate to the modest sums involved. "
      "The committee met again on Thursday to consider the proposals, which had been circulated to members of "
      "the Northamptonshire delegation a week earlier and which drew a considerable number of comments.";
  StyledText text = styled_text(doc::inlines_from_text(name_prose), {}, &hyphenator);
  // No emergency pass: a paragraph that cannot be set within the tolerance
  // ends up with an overfull line and a warning.
  BreakParameters normal;
  normal.emergency_tolerance = normal.tolerance;
  normal.emergency_stretch = 0;
  // Names never hyphenated: where this sets the paragraph without a
  // warning, lines within the tolerance exist that hyphenate no name.
  BreakParameters names_banned = normal;
  names_banned.capitalised_hyphen_penalty = infinite_penalty;
  // A name's hyphen costing what any other does: where the breaker would
  // then rather hyphenate one.
  BreakParameters names_as_words = normal;
  names_as_words.capitalised_hyphen_penalty = names_as_words.hyphen_penalty;
  auto set = [&](double width, const BreakParameters& parameters, Diagnostics* warnings) {
    return set_paragraph(fonts, text, {&style, width, 0, TextAlignment::justified, &parameters}, warnings);
  };
  int measures = 0;
  for (double width = 150; width <= 330; width += 3) {
    if (!hyphenates_word(set(width, names_as_words, nullptr), "North")) continue;
    Diagnostics banned_warnings;
    set(width, names_banned, &banned_warnings);
    if (!banned_warnings.empty()) continue;  // a name's hyphen may be the last resort here: not asserted
    INFO("measure " << width);
    Diagnostics warnings;
    std::vector<SetLine> lines = set(width, normal, &warnings);
    CHECK(warnings.empty());
    CHECK_FALSE(hyphenates_word(lines, "North"));
    CHECK(without_soft_hyphens(joined(lines)) == name_prose);
    ++measures;
  }
  CHECK(measures >= 3);
}

// The breaker's cap on hyphens in a row also holds for a word that needs
// more than two lines: where a third hyphen would fall, the word breaks
// between two letters instead ("microscopics" / "ilicovolcano-" at 60 points),
// the break a word wider than the line always has.
TEST_CASE("a word longer than two lines is not hyphenated three lines in a row", "[paragraph]") {
  FontSystem fonts;
  Hyphenator hyphenator("en-GB");
  style::TextStyle style = body_style();
  const std::string prose =
      "Doctors said that pneumonoultramicroscopicsilicovolcanoconiosis, a disease of the lungs caused by "
      "inhaling very fine silicate or quartz dust, was rare among the miners who had worked in the valley.";
  StyledText text = styled_text(doc::inlines_from_text(prose), {}, &hyphenator);
  for (double width = 60; width <= 120; width += 5) {
    std::vector<SetLine> lines = set_paragraph(fonts, text, {&style, width, 0, TextAlignment::justified});
    INFO("measure " << width << ": " << joined(lines));
    int run = 0;
    for (const SetLine& line : lines) {
      run = ends_hyphenated(line) ? run + 1 : 0;
      CHECK(run <= 2);
    }
  }
}
