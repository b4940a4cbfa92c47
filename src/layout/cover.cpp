// The generated cover: a magazine-style front for an e-book whose article
// names no cover image, set by the same paragraph builder as the pages and
// drawn by the same code, so it wears the theme's faces.
#include "layout/cover.hpp"

#include <algorithm>
#include <string_view>

#include "galley/text.hpp"
#include "layout/fonts.hpp"
#include "layout/paragraph.hpp"

namespace galley::layout {
namespace {

// 2:3, the proportions of a trade paperback and of e-book store thumbnails.
constexpr double cover_width = 600, cover_height = 900;  // points
constexpr double margin = 48;                             // points

const style::Color paper{0.976, 0.965, 0.937};
const style::Color ink{0.102, 0.102, 0.118};
const style::Color white{1, 1, 1};

// A hostile 10,000-character headline would be set several times over:
// covers show the start of long texts, cut at a word.
std::string shortened(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  }
  std::string head = text.substr(0, cut);
  while (!head.empty() && std::string_view(",;:.-").find(head.back()) != std::string_view::npos) head.pop_back();
  return head + "\u2026";
}

// Where the publication's name comes from: the theme's, the article's
// publisher, else the site the article came from.
std::string masthead_name(const doc::Meta& meta, const style::Theme& theme) {
  if (!theme.publication.empty()) return theme.publication;
  if (!meta.publisher.empty()) return meta.publisher;
  const std::size_t scheme = meta.source.find("://");
  if (scheme == std::string::npos) return {};
  std::string host = meta.source.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

// A dark accent reads on paper and under white text; a light theme colour
// is darkened until it does.
style::Color accent_colour(const style::Theme& theme) {
  style::Color colour = theme.rule_color;
  const double luminance = 0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue;
  if (luminance > 0.25) {
    const double scale = 0.25 / luminance;
    colour = {colour.red * scale, colour.green * scale, colour.blue * scale};
  }
  return colour;
}

// The opening of the article's first paragraph, to a sentence's end when
// one comes soon enough: the cover's standfirst when the article has none.
std::string opening_words(const doc::Document& document) {
  for (const doc::Block& block : document.blocks) {
    const auto* para = std::get_if<doc::Para>(&block);
    if (!para) continue;
    std::string text = doc::plain_text(para->body);
    if (text.empty()) continue;
    if (text.size() > 260) {
      const std::size_t sentence = text.rfind(". ", 260);
      if (sentence != std::string::npos && sentence > 80) return text.substr(0, sentence + 1);
    }
    return text;
  }
  return {};
}

class CoverLayout {
 public:
  CoverLayout(const doc::Document& document, const style::Theme& theme)
      : document_(document), meta_(document.meta), theme_(theme) {
    page_.width = cover_width;
    page_.height = cover_height;
    page_.label = "cover";
  }

  Page run() {
    page_.items.emplace_back(BoxItem{0, 0, cover_width, cover_height, paper});
    // The dark panel is drawn first and sized once its contents are set.
    const std::size_t panel = page_.items.size();
    page_.items.emplace_back(BoxItem{0, 0, cover_width, 0, ink});
    double y = add_kicker(margin + 8);
    y = add_headline(y + 34);
    const double panel_bottom = std::max(cover_height * 0.46, y + 52);
    std::get<BoxItem>(page_.items[panel]).height = panel_bottom;
    page_.items.emplace_back(BoxItem{0, panel_bottom, cover_width, 8, accent_});
    add_standfirst(panel_bottom + 8 + 44);
    add_foot();
    return std::move(page_);
  }

 private:
  // Sets `text` in `style` from `top` down and returns the bottom of the last
  // line set; at most `max_lines` lines.
  double add_text(const std::string& text, const style::TextStyle& style, double x, double top, double width,
                  TextAlignment alignment, std::size_t max_lines) {
    if (text.empty() || max_lines == 0) return top;
    ParagraphFormat format{&style, width, 0, alignment};
    std::vector<SetLine> lines = set_paragraph(fonts_, StyledText{text, {}}, format);
    if (lines.empty()) return top;
    if (lines.size() > max_lines) lines.resize(max_lines);
    // The first baseline sits a cap height below the top.
    const double first_baseline = top + style.size * 0.72;
    for (std::size_t index = 0; index < lines.size(); ++index)
      for (GlyphRun& run : lines[index].runs) {
        run.x += x;
        run.y += first_baseline + static_cast<double>(index) * style.leading;
        page_.items.emplace_back(std::move(run));
      }
    return first_baseline + static_cast<double>(lines.size() - 1) * style.leading + style.size * 0.28;
  }

  std::size_t line_count(const std::string& text, const style::TextStyle& style, double width) {
    ParagraphFormat format{&style, width, 0, TextAlignment::left};
    return set_paragraph(fonts_, StyledText{text, {}}, format).size();
  }

  void add_rule(double x0, double x1, double y, double thickness, const style::Color& colour) {
    RuleItem rule;
    rule.x0 = x0;
    rule.x1 = x1;
    rule.y0 = rule.y1 = y;
    rule.thickness = thickness;
    rule.color = colour;
    page_.items.emplace_back(rule);
  }

  // The publication's name (else the section, else the date) spaced out in
  // small capitals at the head of the panel, over a hairline.
  double add_kicker(double top) {
    std::string kicker = masthead_name(meta_, theme_);
    if (kicker.empty()) kicker = meta_.section;
    if (kicker.empty()) kicker = doc::display_date(meta_);
    style::TextStyle style = theme_.masthead.enabled ? theme_.masthead.style : theme_.byline;
    style.color = {0.93, 0.91, 0.87};
    style.size = 15;
    style.leading = 18;
    style.uppercase = true;
    style.letter_spacing = 0.22;
    style.italic = false;
    style.weight = std::max(style.weight, 600);
    if (kicker.empty()) return top;
    const double bottom = add_text(shortened(kicker, 60), style, margin, top, cover_width - 2 * margin, TextAlignment::left, 1);
    add_rule(margin, cover_width - margin, bottom + 14, 0.6, {0.6, 0.58, 0.55});
    return bottom + 14;
  }

  double add_headline(double top) {
    const std::string title = shortened(meta_.title.empty() ? "Untitled" : meta_.title, 200);
    style::TextStyle style = theme_.headline;
    style.color = white;
    style.uppercase = false;
    style.letter_spacing = 0;
    style.weight = std::max(style.weight, 700);
    const double width = cover_width - 2 * margin;
    // As large as leaves the headline six lines or fewer.
    for (style.size = 60; style.size > 30; style.size -= 4) {
      style.leading = style.size * 1.1;
      if (line_count(title, style, width) <= 6) break;
    }
    style.leading = style.size * 1.1;
    return add_text(title, style, margin, top, width, TextAlignment::left, 8);
  }

  // The standfirst in italics, then, as far as there is room, the article's
  // opening words in roman: the lower half reads like a magazine's front,
  // never an empty page under the headline.
  void add_standfirst(double top) {
    const double bottom_limit = cover_height - 140;  // above the foot
    std::string standfirst = meta_.subtitle.empty() ? meta_.description : meta_.subtitle;
    std::string opening = opening_words(document_);
    if (standfirst.empty()) std::swap(standfirst, opening);
    standfirst = shortened(standfirst, 300);
    if (standfirst.empty()) return;
    style::TextStyle style = theme_.body;
    style.color = {0.2, 0.2, 0.22};
    style.size = 22;
    style.leading = 30;
    style.italic = true;
    style.uppercase = false;
    style.letter_spacing = 0;
    style.weight = 400;
    const double width = cover_width - 2 * margin;
    auto lines_between = [](double from, double to, double leading) {
      return static_cast<std::size_t>(std::max(0.0, (to - from) / leading));
    };
    double y = add_text(standfirst, style, margin, top, width, TextAlignment::left,
                        std::min<std::size_t>(lines_between(top, bottom_limit, style.leading), 6));
    opening = shortened(opening, 420);
    if (opening.empty() || opening == standfirst) return;
    style::TextStyle text_style = style;
    text_style.italic = false;
    text_style.size = 16;
    text_style.leading = 23;
    text_style.color = {0.3, 0.3, 0.32};
    y += 28;
    const std::size_t room = lines_between(y + 18, bottom_limit, text_style.leading);
    if (room < 3) return;
    // Cut at a word, with an ellipsis, to what the room holds.
    const std::size_t max_lines = std::min<std::size_t>(room, 8);
    for (int attempt = 0; attempt < 12 && line_count(opening, text_style, width) > max_lines; ++attempt)
      opening = shortened(opening, opening.size() * 4 / 5);
    add_rule(margin, margin + 40, y, 1.5, accent_);
    add_text(opening, text_style, margin, y + 18, width, TextAlignment::left, max_lines);
  }

  // A rule at the foot, the byline (else the date and dateline) under it.
  void add_foot() {
    const double rule_y = cover_height - 92;
    std::string line = doc::display_byline(meta_);
    for (const std::string& part : {meta_.dateline, doc::display_date(meta_)})
      if (!part.empty() && line.find(part) == std::string::npos) line += (line.empty() ? "" : "\u2003\u00B7\u2003") + part;
    if (line.empty()) return;
    add_rule(margin, cover_width - margin, rule_y, 1.2, ink);
    style::TextStyle style = theme_.byline;
    style.color = ink;
    style.size = 14;
    style.leading = 18;
    style.uppercase = true;
    style.letter_spacing = 0.12;
    style.italic = false;
    style.weight = std::max(style.weight, 600);
    add_text(shortened(line, 140), style, margin, rule_y + 22, cover_width - 2 * margin, TextAlignment::left, 2);
  }

  const doc::Document& document_;
  const doc::Meta& meta_;
  const style::Theme& theme_;
  const style::Color accent_ = accent_colour(theme_);
  FontSystem fonts_;
  Page page_;
};

}  // namespace

Page layout_cover(const doc::Document& document, const style::Theme& theme) { return CoverLayout(document, theme).run(); }

}  // namespace galley::layout
