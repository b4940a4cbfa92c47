// The generated cover: a magazine-style front for an e-book whose article
// names no cover image, set by the same paragraph builder as the pages and
// drawn by the same code, so it wears the theme's faces.
#include "layout/cover.hpp"

#include <glib.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "galley/text.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/paragraph.hpp"

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
using doc::shorten_at_word;

// Four fifths of `text`, cut at a word: one step of fitting text to its room.
std::string shrunk(const std::string& text) {
  const auto characters = static_cast<std::size_t>(g_utf8_strlen(text.c_str(), static_cast<gssize>(text.size())));
  return shorten_at_word(text, characters * 4 / 5);
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

// A cover page being set: the paper, and text, rules and boxes placed on
// it in points from its top-left corner. The article's and the edition's
// covers are both drawn on one.
class CoverCanvas {
 public:
  explicit CoverCanvas(const style::Theme& theme) : theme_(theme) {
    page_.width = cover_width;
    page_.height = cover_height;
    page_.label = "cover";
    page_.items.emplace_back(BoxItem{0, 0, cover_width, cover_height, paper});
  }

 protected:
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

  // The height add_text would take for `lines` lines.
  static double text_height(const style::TextStyle& style, std::size_t lines) {
    return lines == 0 ? 0 : style.size + static_cast<double>(lines - 1) * style.leading;
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

  // A style of the theme's `face` for cover furniture: no case change, no
  // spacing, upright, unless the caller says otherwise.
  static style::TextStyle plain(style::TextStyle face, const style::Color& colour, double size, double leading) {
    face.color = colour;
    face.size = size;
    face.leading = leading;
    face.uppercase = false;
    face.letter_spacing = 0;
    face.italic = false;
    return face;
  }

  // Labels of the cover (kickers, bylines, folio lines): `plain`, in
  // capitals spaced by `tracking` em, at least semi-bold.
  static style::TextStyle spaced_capitals(const style::TextStyle& face, const style::Color& colour, double size,
                                          double leading, double tracking, int weight = 600) {
    style::TextStyle style = plain(face, colour, size, leading);
    style.uppercase = true;
    style.letter_spacing = tracking;
    style.weight = std::max(style.weight, weight);
    return style;
  }

  const style::Theme& theme_;
  const style::Color accent_ = accent_colour(theme_);
  FontSystem fonts_;
  Page page_;
};

class CoverLayout : CoverCanvas {
 public:
  CoverLayout(const doc::Document& document, const style::Theme& theme)
      : CoverCanvas(theme), document_(document), meta_(document.meta) {}

  Page run() {
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
  // The publication's name (else the section, else the date) spaced out in
  // small capitals at the head of the panel, over a hairline.
  double add_kicker(double top) {
    std::string kicker = masthead_name(meta_, theme_);
    if (kicker.empty()) kicker = meta_.section;
    if (kicker.empty()) kicker = doc::display_date(meta_);
    const style::TextStyle style = spaced_capitals(theme_.masthead.enabled ? theme_.masthead.style : theme_.byline,
                                                   {0.93, 0.91, 0.87}, 15, 18, 0.22);
    if (kicker.empty()) return top;
    const double bottom = add_text(shorten_at_word(kicker, 60), style, margin, top, cover_width - 2 * margin, TextAlignment::left, 1);
    add_rule(margin, cover_width - margin, bottom + 14, 0.6, {0.6, 0.58, 0.55});
    return bottom + 14;
  }

  double add_headline(double top) {
    const std::string title = shorten_at_word(meta_.title.empty() ? "Untitled" : meta_.title, 200);
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
    standfirst = shorten_at_word(standfirst, 300);
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
    opening = shorten_at_word(opening, 420);
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
      opening = shrunk(opening);
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
    const style::TextStyle style = spaced_capitals(theme_.byline, ink, 14, 18, 0.12);
    add_text(shorten_at_word(line, 140), style, margin, rule_y + 22, cover_width - 2 * margin, TextAlignment::left, 2);
  }

  const doc::Document& document_;
  const doc::Meta& meta_;
};

// An edition's front: the nameplate over a folio line (issue, date), the
// first article as the lead story on a dark band, then teasers for the
// other sections' and articles' headlines as far as there is room, and the
// sections named along the foot, as a newspaper's front page has them.
class EditionCoverLayout : CoverCanvas {
 public:
  EditionCoverLayout(const Edition& edition, const style::Theme& theme)
      : CoverCanvas(theme), edition_(edition), meta_(edition.meta) {
    for (const EditionSection& section : edition.sections)
      for (const EditionArticle& article : section.articles) {
        std::string label = section.title.empty() ? article.document.meta.section : section.title;
        articles_.push_back({&article, std::move(label), &article == &section.articles.front()});
      }
  }

  Page run() {
    double y = add_nameplate(margin - 8);
    if (!articles_.empty()) {
      y = add_lead(y + 22);
      add_teasers(y + 24, cover_height - foot_height);
    }
    add_foot();
    return std::move(page_);
  }

 private:
  struct Teaser {
    const EditionArticle* article;
    std::string label;  // its section's title (or the article's own section); may be empty
    bool opens_section;
  };

  static constexpr double foot_height = 76;  // points: the foot's rule and section names
  static constexpr double label_width = 118;  // points: the teasers' section column

  // The series' name, else the theme's publication, else the title.
  std::string nameplate_text() const {
    if (!meta_.series.empty()) return meta_.series;
    if (!theme_.publication.empty()) return theme_.publication;
    if (!meta_.publisher.empty()) return meta_.publisher;
    return meta_.title.empty() ? "Edition" : meta_.title;
  }

  std::string lang() const {
    if (!meta_.lang.empty()) return meta_.lang;
    if (!articles_.empty() && !articles_.front().article->document.meta.lang.empty())
      return articles_.front().article->document.meta.lang;
    return theme_.lang;
  }

  // Heavy rule, the name as large as one line allows, then the issue and date
  // between a hairline and a rule: returns the bottom.
  double add_nameplate(double top) {
    const double width = cover_width - 2 * margin;
    add_rule(margin, cover_width - margin, top, 3, ink);
    const std::string name = shorten_at_word(nameplate_text(), 60);
    style::TextStyle style = plain(theme_.masthead.enabled ? theme_.masthead.style : theme_.headline, ink, 72, 76);
    style.weight = std::max(style.weight, 700);
    for (; style.size > 30; style.size -= 2)
      if (line_count(name, style, width) <= 1) break;
    style.leading = style.size * 1.05;
    double y = add_text(name, style, margin, top + 18, width, TextAlignment::center, 2);

    // The title when it says more than the name and the date do ("Weekend
    // Special"), in italics under the name.
    const std::string& title = meta_.title;
    if (!title.empty() && title.find(name) == std::string::npos && name.find(title) == std::string::npos) {
      style::TextStyle title_style = plain(theme_.body, ink, 19, 23);
      title_style.italic = true;
      title_style.weight = 400;
      y = add_text(shorten_at_word(title, 90), title_style, margin, y + 10, width, TextAlignment::center, 2);
    }

    add_rule(margin, cover_width - margin, y + 14, 0.8, ink);
    std::string folio;
    const std::string date = !meta_.date_text.empty() ? meta_.date_text
                             : meta_.date          ? doc::display_date(*meta_.date, lang())
                                                   : std::string();
    for (const std::string& part : {meta_.issue, date, meta_.publisher == name ? std::string() : meta_.publisher})
      if (!part.empty()) folio += (folio.empty() ? "" : "\u2003\u00B7\u2003") + part;
    if (folio.empty()) {
      add_rule(margin, cover_width - margin, y + 17.5, 2.2, ink);
      return y + 18.5;
    }
    const style::TextStyle folio_style = spaced_capitals(theme_.byline, ink, 11, 14, 0.14);
    const double folio_bottom =
        add_text(shorten_at_word(folio, 110), folio_style, margin, y + 24, width, TextAlignment::center, 1);
    add_rule(margin, cover_width - margin, folio_bottom + 9, 0.8, ink);
    add_rule(margin, cover_width - margin, folio_bottom + 12.5, 2.2, ink);
    return folio_bottom + 13.6;
  }

  // The first article on a dark band across the page: its section, its
  // headline as large as three lines allow, its summary and byline.
  double add_lead(double top) {
    const Teaser& lead = articles_.front();
    const doc::Meta& meta = lead.article->document.meta;
    const double width = cover_width - 2 * margin;
    const std::size_t band = page_.items.size();
    page_.items.emplace_back(BoxItem{0, top, cover_width, 0, ink});
    double y = top + 30;
    if (!lead.label.empty()) {
      const style::TextStyle kicker = spaced_capitals(theme_.byline, {0.93, 0.91, 0.87}, 13, 16, 0.2);
      y = add_text(shorten_at_word(lead.label, 50), kicker, margin, y, width, TextAlignment::left, 1) + 16;
    }
    const std::string headline = shorten_at_word(meta.title.empty() ? "Untitled" : meta.title, 160);
    style::TextStyle headline_style = plain(theme_.headline, white, 46, 50);
    headline_style.weight = std::max(headline_style.weight, 700);
    // Three lines at the largest size that allows them, four only for a
    // headline too long for three at 32 points: the band leaves the
    // teasers their room.
    for (; headline_style.size > 26; headline_style.size -= 2) {
      headline_style.leading = headline_style.size * 1.08;
      if (line_count(headline, headline_style, width) <= (headline_style.size >= 32 ? 3u : 4u)) break;
    }
    headline_style.leading = headline_style.size * 1.08;
    y = add_text(headline, headline_style, margin, y, width, TextAlignment::left, 5);

    style::TextStyle summary = plain(theme_.body, {0.86, 0.85, 0.83}, 17, 23);
    summary.italic = true;
    summary.weight = 400;
    std::string line = one_line_description(lead.article->document, 230);
    for (int attempt = 0; attempt < 8 && line_count(line, summary, width) > 3; ++attempt)
      line = shrunk(line);
    if (!line.empty()) y = add_text(line, summary, margin, y + 16, width, TextAlignment::left, 3);

    if (const std::string byline = doc::display_byline(meta); !byline.empty()) {
      const style::TextStyle byline_style = spaced_capitals(theme_.byline, {0.78, 0.77, 0.75}, 11, 14, 0.12);
      y = add_text(shorten_at_word(byline, 80), byline_style, margin, y + 16, width, TextAlignment::left, 1);
    }
    const double bottom = y + 30;
    std::get<BoxItem>(page_.items[band]).height = bottom - top;
    page_.items.emplace_back(BoxItem{0, bottom, cover_width, 6, accent_});
    return bottom + 6;
  }

  style::TextStyle teaser_headline_style() const {
    style::TextStyle style = plain(theme_.headline, ink, 19, 23);
    style.weight = std::max(style.weight, 700);
    return style;
  }
  style::TextStyle teaser_label_style() const {
    return spaced_capitals(theme_.byline, accent_, 10, 13, 0.14, 700);
  }
  style::TextStyle teaser_byline_style() const { return plain(theme_.byline, {0.33, 0.33, 0.35}, 11, 14); }
  style::TextStyle teaser_summary_style() const {
    style::TextStyle style = plain(theme_.body, {0.2, 0.2, 0.22}, 14, 18);
    style.weight = 400;
    return style;
  }

  // Rows of section and headline under the lead: each section's first
  // article before the others, as many as fit between `top` and `bottom`,
  // shown in reading order.
  void add_teasers(double top, double bottom) {
    const double text_x = margin + label_width + 14;
    const double text_width = cover_width - margin - text_x;
    const style::TextStyle headline_style = teaser_headline_style();
    const style::TextStyle label_style = teaser_label_style();
    const style::TextStyle byline_style = teaser_byline_style();
    constexpr double row_gap = 13;  // points above and below each row's hairline

    std::vector<std::size_t> wanted;  // indices into articles_, by priority
    for (std::size_t index = 1; index < articles_.size(); ++index)
      if (articles_[index].opens_section) wanted.push_back(index);
    for (std::size_t index = 1; index < articles_.size(); ++index)
      if (!articles_[index].opens_section) wanted.push_back(index);

    struct Row {
      std::size_t index;
      std::string headline;
      std::size_t lines;
      bool byline;
      std::string summary;  // set when the room left allows
      std::size_t summary_lines = 0;
    };
    std::vector<Row> rows;
    double used = 0;
    int misses = 0;
    for (std::size_t index : wanted) {
      const doc::Meta& meta = articles_[index].article->document.meta;
      std::string headline = shorten_at_word(meta.title.empty() ? "Untitled" : meta.title, 110);
      const std::size_t lines = std::min<std::size_t>(line_count(headline, headline_style, text_width), 2);
      const bool byline = !doc::display_byline(meta).empty();
      const double height = text_height(headline_style, lines) + (byline ? 6 + byline_style.size : 0) + 2 * row_gap;
      if (used + height > bottom - top) {
        // Full, though a shorter headline further down may still fit: a few
        // tries, not one per article of a long edition.
        if (++misses == 4) break;
        continue;
      }
      used += height;
      rows.push_back({index, std::move(headline), lines, byline, {}, 0});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.index < b.index; });
    // Room left over (a short edition) goes to a line or two about each
    // article, from the top, rather than to an empty foot.
    const style::TextStyle summary_style = teaser_summary_style();
    for (Row& row : rows) {
      std::string summary = one_line_description(articles_[row.index].article->document, 200);
      for (int attempt = 0; attempt < 8 && line_count(summary, summary_style, text_width) > 2; ++attempt)
        summary = shrunk(summary);
      if (summary.empty()) continue;
      const std::size_t lines = std::min<std::size_t>(line_count(summary, summary_style, text_width), 2);
      const double height = 5 + text_height(summary_style, lines);
      if (used + height > bottom - top) break;
      used += height;
      row.summary = std::move(summary);
      row.summary_lines = lines;
    }

    double y = top;
    for (std::size_t row = 0; row < rows.size(); ++row) {
      const Teaser& teaser = articles_[rows[row].index];
      if (row > 0) add_rule(margin, cover_width - margin, y, 0.5, {0.62, 0.6, 0.57});
      y += row_gap;
      add_text(shorten_at_word(teaser.label, 40), label_style, margin, y + 4, label_width, TextAlignment::left, 2);
      double text_bottom = add_text(rows[row].headline, headline_style, text_x, y, text_width, TextAlignment::left,
                                    rows[row].lines);
      if (!rows[row].summary.empty())
        text_bottom = add_text(rows[row].summary, summary_style, text_x, text_bottom + 5, text_width,
                               TextAlignment::left, rows[row].summary_lines);
      if (rows[row].byline)
        text_bottom = add_text(shorten_at_word(doc::display_byline(teaser.article->document.meta), 70), byline_style,
                               text_x, text_bottom + 6, text_width, TextAlignment::left, 1);
      y = text_bottom + row_gap;
    }
  }

  // A heavy rule and, under it, the sections' names (else the publisher).
  void add_foot() {
    const double rule_y = cover_height - foot_height + 20;
    add_rule(margin, cover_width - margin, rule_y, 2.2, ink);
    std::string line;
    for (const EditionSection& section : edition_.sections)
      if (!section.title.empty() && !section.articles.empty())
        line += (line.empty() ? "" : "\u2002\u00B7\u2002") + section.title;
    if (line.empty()) line = meta_.publisher;
    if (line.empty()) return;
    const style::TextStyle style = spaced_capitals(theme_.byline, ink, 11, 14, 0.14);
    add_text(shorten_at_word(line, 120), style, margin, rule_y + 16, cover_width - 2 * margin, TextAlignment::center,
             1);
  }

  const Edition& edition_;
  const EditionMeta& meta_;
  std::vector<Teaser> articles_;  // in reading order
};

}  // namespace

Page layout_cover(const doc::Document& document, const style::Theme& theme) { return CoverLayout(document, theme).run(); }

Page layout_edition_cover(const Edition& edition, const style::Theme& theme) {
  return EditionCoverLayout(edition, theme).run();
}

}  // namespace galley::layout
