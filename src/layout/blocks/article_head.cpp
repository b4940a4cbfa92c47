#include "layout/blocks/article_head.hpp"

#include <algorithm>

#include "galley/text.hpp"

namespace galley::layout {
namespace {

// A newspaper's nameplate: the publication's name centred across the
// page, then the date line between a thick and a thin rule.
void add_masthead(SlabWriter& writer) {
  const style::Theme& theme = writer.theme();
  const doc::Meta& meta = writer.document().meta;
  const std::string name = theme.publication.empty() ? meta.publisher : theme.publication;
  if (!theme.masthead.enabled || name.empty()) return;
  std::size_t first = writer.slabs().size();
  const style::TextStyle& style = theme.masthead.style;
  TextOptions options{&style, TextAlignment::center};
  options.keep_together = true;
  options.keep_with_next = true;
  options.spans_columns = true;
  style::TextStyle flat = style;
  flat.space_after = 0;
  options.style = &flat;
  writer.add_text(doc::inlines_from_text(name), options);
  writer.wrap_structure(first, "P");
  Slab thick = writer.rule_slab(theme.folio.leading * 0.6, 0, 0, 2.0, theme.rule_color, true);
  thick.keep_with_next = true;
  writer.push_slab(std::move(thick));
  std::string date_line = doc::display_date(meta);
  if (!meta.section.empty()) date_line = meta.section + (date_line.empty() ? "" : "\u2003\u00B7\u2003" + date_line);
  if (!date_line.empty()) {
    style::TextStyle line_style = theme.folio;
    line_style.space_before = line_style.space_after = 0;
    line_style.uppercase = true;
    line_style.letter_spacing = std::max(line_style.letter_spacing, 0.08);
    TextOptions line{&line_style, TextAlignment::center};
    line.keep_together = true;
    line.keep_with_next = true;
    line.spans_columns = true;
    first = writer.slabs().size();
    writer.add_text(doc::inlines_from_text(date_line), line);
    writer.wrap_structure(first, "P");
  }
  Slab thin = writer.rule_slab(theme.folio.leading * 0.6, 0, 0, 0.5, theme.rule_color, true);
  thin.keep_with_next = true;
  writer.push_slab(std::move(thin));
  writer.add_space(style.space_after);
}

// One line of the head, kept with what follows.
void add_plain(SlabWriter& writer, const ArticleSetting& setting, const std::string& text, TextOptions options) {
  options.keep_together = true;
  options.keep_with_next = true;
  options.spans_columns = setting.head_across_columns;
  writer.add_text(doc::inlines_from_text(text), options);
}

}  // namespace

void add_article_head(SlabWriter& writer, const ArticleSetting& setting) {
  const style::Theme& theme = writer.theme();
  const doc::Meta& meta = writer.document().meta;
  add_masthead(writer);
  std::size_t first = writer.slabs().size();
  TextOptions headline{&theme.headline, TextAlignment::left};
  headline.balance = setting.balance_headline;
  add_plain(writer, setting, meta.title, headline);
  if (writer.wrap_structure(first, "H1")) writer.add_anchor(first, meta.title, 1);
  // In an edition, a page holding this head begins with the article.
  if (setting.mark_head && first < writer.slabs().size()) writer.marks().mark(writer.slabs()[first], {}, true);
  first = writer.slabs().size();
  add_plain(writer, setting, meta.subtitle, {&theme.standfirst, TextAlignment::left});
  writer.wrap_structure(first, "P");
  first = writer.slabs().size();
  // Byline, dateline and date share one line, separated by middle dots.
  std::string byline = doc::display_byline(meta);
  for (const std::string& part : {meta.dateline, doc::display_date(meta)})
    if (!part.empty()) byline += (byline.empty() ? "" : "\u2002\u00B7\u2002") + part;
  add_plain(writer, setting, byline, {&theme.byline, TextAlignment::left});
  writer.wrap_structure(first, "P");
  writer.push_slab(writer.rule_slab(theme.body.leading, 0, 0, 0.75, theme.rule_color, setting.head_across_columns));
}

}  // namespace galley::layout
