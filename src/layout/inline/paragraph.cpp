#include "layout/inline/paragraph.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <memory>
#include <string_view>

#include "layout/inline/justify.hpp"
#include "layout/inline/long_paragraph.hpp"
#include "layout/inline/protrusion.hpp"
#include "layout/inline/shape.hpp"

namespace galley::layout {
namespace {

constexpr gunichar hyphen = 0x2010;
constexpr gunichar non_breaking_hyphen = 0x2011;
constexpr std::size_t words_naming_a_paragraph = 6;

// Marks a line must not begin with: hyphens and dashes, closing
// punctuation, stops and commas.
bool starts_no_line(gunichar c) {
  switch (g_unichar_type(c)) {
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
      return true;
    case G_UNICODE_OTHER_PUNCTUATION:
      return c != '/' && c != '\\' && c != '@' && c != '#' && c != '&' && c != '*';
    default:
      return c == non_breaking_hyphen;
  }
}

// Where an over-long word (a URL, a path) may break without a hyphen: after
// these, the next piece reads as a continuation.
bool breaks_a_long_word_after(gunichar c) { return c < 0x80 && c != 0 && std::strchr("/.-_?&=", static_cast<int>(c)); }

// The prepare stage: the shaped paragraph as Knuth's boxes, glue and
// penalties. Widths come from prefix sums of the characters' advances.
class ItemBuilder {
 public:
  ItemBuilder(const ShapedParagraph& shaped, const BreakParameters& parameters, double measure, double em,
              bool protrude)
      : shaped_(shaped), parameters_(parameters), measure_(measure), em_(em),
        protrude_(protrude && !shaped.right_to_left) {
    prefix_.resize(shaped.advance.size() + 1);
    letters_.resize(shaped.advance.size() + 1);
    letter_gaps_.resize(shaped.advance.size() + 1);
    const bool letter_spacing = parameters.letter_spacing_stretch > 0 || parameters.letter_spacing_shrink > 0;
    for (std::size_t index = 0; index < shaped.advance.size(); ++index) {
      prefix_[index + 1] = prefix_[index] + shaped.advance[index];
      letters_[index + 1] = letters_[index] + (shaped.is_letter(static_cast<int>(index)) ? 1 : 0);
      letter_gaps_[index + 1] =
          letter_gaps_[index] + (letter_spacing && shaped.has_letter_gap_after(static_cast<int>(index)) ? 1 : 0);
    }
  }

  std::vector<BreakItem> build() {
    const int count = shaped_.char_count();
    items_.reserve(static_cast<std::size_t>(count) / 2 + 4);
    int index = 0;
    while (index < count) {
      if (shaped_.is_forced_break(index)) {
        add_paragraph_end(index);
        ++index;
      } else if (shaped_.is_space(index)) {
        index = add_spaces(index);
      } else {
        index = add_word(index);
      }
    }
    add_paragraph_end(count);
    return std::move(items_);
  }

 private:
  double width(int start, int end) const {
    return prefix_[static_cast<std::size_t>(end)] - prefix_[static_cast<std::size_t>(start)];
  }

  // A box stretches and shrinks by its letters' widths and by the letter
  // spacing between them. A gap after the box's last letter counts in the
  // box even where a line breaks there (it is then the gap before the
  // hyphen, or none): an error of one gap's spacing at most, which the
  // line's justification, counting exactly, makes good.
  BreakItem box(int start, int end) const {
    const auto from = static_cast<std::size_t>(start), to = static_cast<std::size_t>(end);
    const double letters = letters_[to] - letters_[from];
    const double gaps = letter_gaps_[to] - letter_gaps_[from];
    BreakItem item{BreakItemKind::box,
                   width(start, end),
                   (letters * parameters_.letter_stretch + gaps * parameters_.letter_spacing_stretch) * em_,
                   (letters * parameters_.letter_shrink + gaps * parameters_.letter_spacing_shrink) * em_,
                   false,
                   0,
                   false,
                   start};
    if (protrude_ && end > start)
      item.start_hang = shaped_.advance[static_cast<std::size_t>(start)] * left_protrusion(font_class(start), shaped_.char_at(start));
    return item;
  }

  FontClass font_class(int index) const {
    return shaped_.runs[static_cast<std::size_t>(shaped_.run_of_char[static_cast<std::size_t>(index)])].monospace
               ? FontClass::monospace
               : FontClass::text;
  }

  // Points the character before `position` may hang into the right margin
  // when a line ends after it.
  double hang_before(int position) const {
    if (!protrude_ || position == 0) return 0;
    const int last = position - 1;
    return shaped_.advance[static_cast<std::size_t>(last)] * right_protrusion(font_class(last), shaped_.char_at(last));
  }

  // TeX's \parfillskip and the forced break: the last line is set ragged.
  void add_paragraph_end(int position) {
    items_.push_back({BreakItemKind::penalty, 0, 0, 0, false, infinite_penalty, false, position});
    items_.push_back({BreakItemKind::glue, 0, 0, 0, true, 0, false, position});
    items_.push_back({BreakItemKind::penalty, 0, 0, 0, false, forced_break, false, position});
  }

  int add_spaces(int start) {
    int end = start;
    while (end < shaped_.char_count() && shaped_.is_space(end)) ++end;
    // Unicode may forbid a break at a space (before a closing mark, say).
    if (!shaped_.log_attrs[static_cast<std::size_t>(end)].is_line_break && end < shaped_.char_count())
      items_.push_back({BreakItemKind::penalty, 0, 0, 0, false, infinite_penalty, false, start});
    for (int index = start; index < end; ++index) {
      double space = shaped_.advance[static_cast<std::size_t>(index)];
      items_.push_back({BreakItemKind::glue, space, space * parameters_.space_stretch,
                        space * parameters_.space_shrink, false, 0, false, index});
    }
    // Only the first space after a word is a break (glue after a box).
    if (start > 0 && !shaped_.is_forced_break(start - 1)) items_[items_.size() - static_cast<std::size_t>(end - start)].end_hang = hang_before(start);
    return end;
  }

  int add_word(int start) {
    int end = start;
    while (end < shaped_.char_count() && !shaped_.is_space(end) && !shaped_.is_forced_break(end)) ++end;
    const double word = width(start, end);
    const bool long_word = word > parameters_.long_word_width * measure_;
    const bool wider_than_line = word > measure_;
    const bool capitalised = starts_with_capital(start, end);
    int box_start = start;
    for (int position = start + 1; position < end; ++position) {
      if (!shaped_.cluster_start[static_cast<std::size_t>(position)]) continue;
      const PangoLogAttr& attributes = shaped_.log_attrs[static_cast<std::size_t>(position)];
      gunichar before = shaped_.char_at(position - 1);
      // A line never starts with a hyphen or a closing mark ("U.S." /
      // "-France", "U.S" / ".-France"): a compound breaks after its
      // hyphen, not before. An abbreviation breaks neither after one of
      // its stops ("U." / "S.-France": a stop after a single letter), as a
      // long word (a URL) may after its stops, nor, unless it is wider than
      // the line, after the hyphen that follows it ("U.S.-" / "France").
      // A word wider than the line, split between two letters as a last
      // resort, is not split there either.
      bool well_placed = !starts_no_line(shaped_.char_at(position));
      if (position >= start + 2) {
        const gunichar two_before = shaped_.char_at(position - 2);
        const bool single_letter = g_unichar_isalpha(two_before) &&
                                   (position - 2 == start || !g_unichar_isalpha(shaped_.char_at(position - 3)));
        if (before == '.' && single_letter) well_placed = false;
        if (before == '-' && two_before == '.' && !wider_than_line) well_placed = false;
      }
      if (!well_placed) continue;
      BreakItem penalty{BreakItemKind::penalty, 0, 0, 0, false, 0, false, position};
      if (attributes.is_line_break && before == soft_hyphen) {
        penalty.penalty = capitalised ? parameters_.capitalised_hyphen_penalty : parameters_.hyphen_penalty;
        penalty.flagged = true;
        penalty.width = shaped_.runs[static_cast<std::size_t>(shaped_.run_of_char[static_cast<std::size_t>(position - 1)])]
                            .hyphen_width;
        if (protrude_) penalty.end_hang = penalty.width * right_protrusion(font_class(position - 1), soft_hyphen);
      } else if (attributes.is_line_break && (before == '-' || before == hyphen)) {
        penalty.penalty = parameters_.explicit_hyphen_penalty;
        penalty.flagged = true;
      } else if (attributes.is_line_break) {
        penalty.penalty = parameters_.other_break_penalty;
      } else if (wider_than_line && is_no_break_space(before)) {
        // A no-break space joins words ('France\u00a0Partnership'); when the
        // joined word cannot fit the line, its spaces are still better
        // breaks than any point between two letters.
        penalty.penalty = parameters_.other_break_penalty;
      } else if (long_word && breaks_a_long_word_after(before)) {
        penalty.penalty = parameters_.url_break_penalty;
      } else if (wider_than_line && attributes.is_cursor_position) {
        penalty.penalty = parameters_.character_break_penalty;
      } else {
        continue;
      }
      if (before != soft_hyphen) penalty.end_hang = hang_before(position);
      items_.push_back(box(box_start, position));
      items_.push_back(penalty);
      box_start = position;
    }
    items_.push_back(box(box_start, end));
    return end;
  }

  // Whether the word's first letter (after any opening quote or bracket) is a capital.
  bool starts_with_capital(int start, int end) const {
    for (int index = start; index < end; ++index) {
      const gunichar c = shaped_.char_at(index);
      if (g_unichar_isalpha(c)) return g_unichar_isupper(c) || g_unichar_istitle(c);
    }
    return false;
  }

  const ShapedParagraph& shaped_;
  const BreakParameters& parameters_;
  double measure_;
  double em_;
  bool protrude_;  // margin kerning: punctuation may hang at the line's ends
  std::vector<double> prefix_;  // points: advances of the characters before each index
  std::vector<int> letters_;    // how many of them are letters that justification may widen
  std::vector<int> letter_gaps_;  // how many letter-spacing gaps follow them (none when letter spacing is off)
  std::vector<BreakItem> items_;
};

// The paragraph as a reader would recognise it in a warning.
std::string first_words(const std::string& text) {
  std::string words;
  std::size_t count = 0;
  for (const char* p = text.c_str(); *p && count < words_naming_a_paragraph; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c == soft_hyphen) continue;
    if (c == ' ' || c == '\n') ++count;
    if (count < words_naming_a_paragraph) words.append(p, static_cast<std::size_t>(g_utf8_next_char(p) - p));
  }
  return words.size() < text.size() ? words + "\u2026" : words;
}

std::string format_points(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

}  // namespace

std::vector<SetLine> set_paragraph(FontSystem& fonts, const StyledText& text, const ParagraphFormat& format,
                                   Diagnostics* warnings) {
  static const BreakParameters default_parameters;
  const BreakParameters& parameters = format.parameters ? *format.parameters : default_parameters;
  const style::TextStyle& style = *format.style;
  if (text.text.empty()) return {};
  if (text.text.size() > long_paragraph_bytes) return set_long_paragraph(fonts, text, format, warnings);

  const std::shared_ptr<const ShapedParagraph> kept = shaped_paragraph(fonts, text, style);
  const ShapedParagraph& shaped = *kept;
  const bool protrude = format.protrude && format.alignment == TextAlignment::justified;
  std::vector<BreakItem> items = ItemBuilder(shaped, parameters, format.width, style.size, protrude).build();
  const LineMeasure measure{format.width - format.first_indent, format.width, style.size, format.narrow_lines,
                            format.narrow_by};
  const BreakMode mode = format.alignment == TextAlignment::justified ? BreakMode::justified : BreakMode::ragged;
  BreakResult breaks = break_lines(items, measure, mode, parameters);

  std::vector<SetLine> lines;
  lines.reserve(breaks.lines.size());
  for (const LineBreak& line_break : breaks.lines) {
    const BreakItem& end = items[line_break.item];
    LineSpan span;
    span.start = line_break.start < items.size() ? items[line_break.start].position : shaped.char_count();
    span.end = std::max(span.start, end.position);
    span.hyphenated = end.kind == BreakItemKind::penalty && end.flagged && span.end > span.start &&
                      shaped.char_at(span.end - 1) == soft_hyphen;
    span.fill = !(end.kind == BreakItemKind::penalty && end.penalty <= forced_break);
    LinePlacement placement;
    bool first = lines.empty();
    const bool narrow = static_cast<int>(lines.size()) < format.narrow_lines;
    placement.width = (first ? measure.first : measure.rest) - (narrow ? format.narrow_by : 0);
    placement.left = (first && !shaped.right_to_left ? format.first_indent : 0) +
                     (narrow && !shaped.right_to_left ? format.narrow_by : 0);
    // Margin kerning: the line is set that much wider and starts that much
    // further left, so its punctuation hangs into the margins.
    const double start_hang = line_break.start < items.size() ? items[line_break.start].start_hang : 0;
    placement.width += start_hang + end.end_hang;
    placement.left -= start_hang;
    placement.alignment = format.alignment;
    placement.em = style.size;
    SetLine line = finalize_line(shaped, span, placement, style.color, parameters);
    line.hyphenated = span.hyphenated;
    double overflow = line.width - placement.width;
    if (warnings && (line_break.overfull || overflow > 0.01))
      warnings->push_back({"", 0,
                           "paragraph \u201C" + first_words(text.text) + "\u201D: line " +
                               std::to_string(lines.size() + 1) +
                               (overflow > 0.01 ? " is " + format_points(overflow) + " pt too wide"
                                                : " could only be set by squeezing its spaces")});
    lines.push_back(std::move(line));
  }
  return lines;
}

double widest_word(FontSystem& fonts, const StyledText& text, const style::TextStyle& style) {
  if (text.text.empty()) return 0;
  const ShapedParagraph shaped = shape_paragraph(fonts, text, style);
  double widest = 0, word = 0;
  for (int index = 0; index < shaped.char_count(); ++index) {
    if (shaped.is_space(index) || shaped.is_forced_break(index)) {
      word = 0;
      continue;
    }
    word += shaped.advance[static_cast<std::size_t>(index)];
    widest = std::max(widest, word);
  }
  return widest;
}

bool ends_after_word_hyphen(std::string_view line_text) {
  while (!line_text.empty() && line_text.back() == ' ') line_text.remove_suffix(1);
  for (const std::string_view hyphen : {std::string_view("-"), std::string_view("\u2010")}) {
    if (line_text.size() <= hyphen.size() || !line_text.ends_with(hyphen)) continue;
    const unsigned char before = static_cast<unsigned char>(line_text[line_text.size() - hyphen.size() - 1]);
    // A letter: ASCII, or the last byte of a UTF-8 sequence.
    if (std::isalpha(before) || before >= 0x80) return true;
  }
  return false;
}

}  // namespace galley::layout
