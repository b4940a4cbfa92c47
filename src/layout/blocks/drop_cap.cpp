#include "layout/blocks/drop_cap.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include <glib.h>

#include "layout/article_slabs.hpp"

namespace galley::layout {

bool add_drop_cap_paragraph(SlabWriter& writer, const doc::Inlines& body, TextOptions options) {
  if (body.empty()) return false;
  const auto* first = std::get_if<doc::Str>(&body.front());
  if (!first || first->text.empty()) return false;
  // The initial: opening punctuation, then one letter (UTF-8).
  std::size_t end = 0;
  const std::string& text = first->text;
  auto next = [&text](std::size_t at) {
    std::size_t step = 1;
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead >= 0xF0) step = 4;
    else if (lead >= 0xE0) step = 3;
    else if (lead >= 0xC0) step = 2;
    return std::min(text.size(), at + step);
  };
  static const std::array<std::string_view, 5> openers{"\u201C", "\u2018", "\"", "'", "\u00AB"};
  for (bool more = true; more && end < text.size();) {
    more = false;
    for (std::string_view opener : openers)
      if (text.compare(end, opener.size(), opener) == 0) {
        end += opener.size();
        more = true;
      }
  }
  if (end >= text.size()) return false;
  // Only a letter or a digit makes an initial: not an emoji, a symbol, a mark.
  if (!g_unichar_isalnum(g_utf8_get_char_validated(text.c_str() + end, static_cast<gssize>(text.size() - end))))
    return false;
  end = next(end);
  // A one-letter word ("A", "I") keeps its space after the initial.
  const std::string initial = text.substr(0, end);
  doc::Inlines rest = body;
  std::get<doc::Str>(rest.front()).text.erase(0, end);
  const bool whole_word = std::get<doc::Str>(rest.front()).text.empty();
  if (whole_word) rest.erase(rest.begin());
  if (rest.empty()) return false;

  const style::Theme& theme = writer.theme();
  const style::TextStyle& body_style = *options.style;
  const int lines = theme.drop_cap.lines;
  // The initial's cap height reaches from the first line's cap height to
  // the baseline of line `lines`; capitals are about 0.68 em high in the
  // book faces galley ships with.
  constexpr double cap_height = 0.68;
  style::TextStyle cap = theme.drop_cap.style;
  cap.size = ((lines - 1) * body_style.leading + cap_height * body_style.size) / cap_height;
  cap.leading = cap.size;
  cap.space_before = cap.space_after = 0;
  cap.uppercase = false;
  cap.letter_spacing = 0;
  ParagraphFormat format{&cap, writer.measure(), 0, TextAlignment::left};
  std::vector<SetLine> cap_lines = set_paragraph(writer.fonts(), StyledText{initial, {}}, format);
  if (cap_lines.size() != 1) return false;
  const double gap = body_style.size * 0.3;
  options.narrow_lines = lines;
  options.narrow_by = cap_lines.front().width + gap;
  options.first_indent = 0;
  std::vector<Slab>& slabs = writer.slabs();
  const std::size_t first_slab = slabs.size();
  // The lines trace back to the model past what the initial took.
  std::optional<TextSource>& source = writer.marks().text_source();
  if (source && whole_word) source->dropped_inlines = 1;
  if (source && !whole_word) source->dropped_bytes = end;
  writer.add_text(rest, options);
  if (slabs.size() <= first_slab) return true;
  // Drawn first, so that the initial reads before the rest of its word.
  std::vector<Item>& items = slabs[first_slab].items;
  std::vector<Item> initial_items;
  for (GlyphRun& run : cap_lines.front().runs) {
    run.x += options.left;
    run.y += baseline_offset(body_style) + (lines - 1) * body_style.leading;
    initial_items.emplace_back(std::move(run));
  }
  items.insert(items.begin(), initial_items.begin(), initial_items.end());
  return true;
}

}  // namespace galley::layout
