#include "layout/paragraph.hpp"

#include <cmath>

namespace galley::layout {
namespace {

using detail::AttrListPtr;
using detail::GObjectPtr;

double points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int pango_units(double points) { return static_cast<int>(std::lround(points * PANGO_SCALE)); }

void insert(PangoAttrList* list, PangoAttribute* attribute, std::size_t start, std::size_t end) {
  attribute->start_index = static_cast<guint>(start);
  attribute->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attribute);
}

AttrListPtr attributes_for(const StyledText& text, const style::TextStyle& style) {
  AttrListPtr list(pango_attr_list_new());
  std::size_t all = text.text.size();
  if (style.letter_spacing != 0)
    insert(list.get(), pango_attr_letter_spacing_new(pango_units(style.letter_spacing * style.size)), 0, all);
  if (!style.features.empty()) insert(list.get(), pango_attr_font_features_new(style.features.c_str()), 0, all);
  if (style.uppercase) insert(list.get(), pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE), 0, all);
  // galley inserted the soft hyphens; Pango draws a hyphen when it breaks at one.
  for (const StyledSpan& span : text.spans) {
    switch (span.kind) {
      case SpanKind::emphasis:
        insert(list.get(), pango_attr_style_new(style.italic ? PANGO_STYLE_NORMAL : PANGO_STYLE_ITALIC), span.start,
               span.end);
        break;
      case SpanKind::strong:
        insert(list.get(), pango_attr_weight_new(style.weight >= 600 ? PANGO_WEIGHT_HEAVY : PANGO_WEIGHT_BOLD),
               span.start, span.end);
        break;
      case SpanKind::code:
        insert(list.get(), pango_attr_family_new("Noto Sans Mono"), span.start, span.end);
        insert(list.get(), pango_attr_scale_new(0.85), span.start, span.end);
        insert(list.get(), pango_attr_insert_hyphens_new(FALSE), span.start, span.end);
        break;
      case SpanKind::note_reference:
        insert(list.get(), pango_attr_baseline_shift_new(PANGO_BASELINE_SHIFT_SUPERSCRIPT), span.start, span.end);
        insert(list.get(), pango_attr_font_scale_new(PANGO_FONT_SCALE_SUPERSCRIPT), span.start, span.end);
        break;
      case SpanKind::strikeout:
        insert(list.get(), pango_attr_strikethrough_new(TRUE), span.start, span.end);
        break;
      case SpanKind::link:
        break;  // links are drawn like the text around them in print
    }
  }
  return list;
}

// cairo's clusters for one glyph item, the way pangocairo's renderer makes
// them, so that copying text out of the PDF gives the original characters.
void fill_clusters(const PangoGlyphItem& run, GlyphRun& out) {
  const PangoGlyphString* glyphs = run.glyphs;
  bool backward = run.item->analysis.level % 2 == 1;
  out.clusters_backward = backward;
  int item_length = run.item->length;
  int count = glyphs->num_glyphs;
  int index = backward ? count - 1 : 0;
  int step = backward ? -1 : 1;
  while (index >= 0 && index < count) {
    int cluster_start = glyphs->log_clusters[index];
    int glyph_count = 0;
    while (index >= 0 && index < count && glyphs->log_clusters[index] == cluster_start) {
      if (glyphs->glyphs[index].glyph != PANGO_GLYPH_EMPTY) ++glyph_count;
      index += step;
    }
    int cluster_end = (index >= 0 && index < count) ? glyphs->log_clusters[index] : item_length;
    out.clusters.push_back({cluster_end - cluster_start, glyph_count});
  }
}

GlyphRun convert_run(FontSystem& fonts, const std::string& paragraph_text, const PangoGlyphItem& run, double x,
                     const style::Color& color) {
  GlyphRun out;
  out.x = x;
  out.y = -points(run.y_offset);
  out.color = color;
  out.font = fonts.font_for(run.item->analysis.font);
  out.text = paragraph_text.substr(static_cast<std::size_t>(run.item->offset), static_cast<std::size_t>(run.item->length));
  double advance = 0;
  for (int index = 0; index < run.glyphs->num_glyphs; ++index) {
    const PangoGlyphInfo& info = run.glyphs->glyphs[index];
    if (info.glyph != PANGO_GLYPH_EMPTY && !(info.glyph & PANGO_GLYPH_UNKNOWN_FLAG))
      out.glyphs.push_back(
          {info.glyph, advance + points(info.geometry.x_offset), points(info.geometry.y_offset)});
    else if (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG && info.glyph != PANGO_GLYPH_EMPTY)
      out.glyphs.push_back({0, advance + points(info.geometry.x_offset), 0});  // .notdef: visible, never silent
    advance += points(info.geometry.width);
  }
  out.width = advance;
  // Unknown glyphs were kept as .notdef and empty ones dropped; the
  // clusters count the same glyphs.
  fill_clusters(run, out);
  return out;
}

// A line broken at a space keeps the space as its last glyph, hanging past
// the measure; it shows nothing, so it is dropped and the run ends where its
// ink does.
void drop_trailing_spaces(GlyphRun& run) {
  if (run.clusters_backward) return;
  while (!run.clusters.empty()) {
    const TextCluster& last = run.clusters.back();
    std::size_t start = run.text.size() - static_cast<std::size_t>(last.bytes);
    if (last.bytes <= 0 || run.text.find_first_not_of(' ', start) != std::string::npos) return;
    if (last.glyphs > 0) {
      std::size_t first_removed = run.glyphs.size() - static_cast<std::size_t>(last.glyphs);
      run.width = run.glyphs[first_removed].x;
      run.glyphs.resize(first_removed);
    }
    run.text.resize(start);
    run.clusters.pop_back();
  }
}

// Pango 1.50 sometimes justifies a line broken at a soft hyphen without
// counting the hyphen it then draws, so the line runs a hyphen's width into
// the margin. Such a line is tightened by narrowing its spaces evenly.
void fit_overfull_line(SetLine& line, double line_x, double measure) {
  double right = line.runs.empty() ? 0 : line.runs.back().x + line.runs.back().width;
  double overflow = right - measure;
  if (overflow <= 0.01) return;
  int spaces = 0;
  for (const GlyphRun& run : line.runs) {
    std::size_t byte = 0;
    for (const TextCluster& cluster : run.clusters) {
      if (cluster.bytes == 1 && run.text[byte] == ' ' && !run.clusters_backward) ++spaces;
      byte += static_cast<std::size_t>(cluster.bytes);
    }
  }
  if (spaces == 0) return;
  double step = overflow / spaces;
  double shift = 0;  // how far everything after the spaces seen so far moves left
  for (GlyphRun& run : line.runs) {
    run.x -= shift;
    double run_shift = 0;
    std::size_t byte = 0;
    std::size_t glyph = 0;
    for (const TextCluster& cluster : run.clusters) {
      for (int index = 0; index < cluster.glyphs; ++index) run.glyphs[glyph++].x -= run_shift;
      if (cluster.bytes == 1 && run.text[byte] == ' ' && !run.clusters_backward) run_shift += step;
      byte += static_cast<std::size_t>(cluster.bytes);
    }
    run.width -= run_shift;
    shift += run_shift;
  }
  line.width = right - shift - line_x;
}

PangoAlignment pango_alignment(TextAlignment alignment) {
  switch (alignment) {
    case TextAlignment::center:
      return PANGO_ALIGN_CENTER;
    case TextAlignment::right:
      return PANGO_ALIGN_RIGHT;
    default:
      return PANGO_ALIGN_LEFT;
  }
}

}  // namespace

std::vector<SetLine> set_paragraph(FontSystem& fonts, const StyledText& text, const ParagraphFormat& format) {
  const style::TextStyle& style = *format.style;
  GObjectPtr<PangoLayout> layout(pango_layout_new(fonts.context()));
  detail::FontDescriptionPtr description = fonts.describe(style);
  pango_layout_set_font_description(layout.get(), description.get());
  pango_layout_set_text(layout.get(), text.text.c_str(), static_cast<int>(text.text.size()));
  AttrListPtr attributes = attributes_for(text, style);
  pango_layout_set_attributes(layout.get(), attributes.get());
  pango_layout_set_width(layout.get(), pango_units(format.width));
  // A word longer than the line breaks between characters rather than
  // running into the margin.
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent(layout.get(), pango_units(format.first_indent));
  pango_layout_set_alignment(layout.get(), pango_alignment(format.alignment));
  pango_layout_set_justify(layout.get(), format.alignment == TextAlignment::justified);

  std::vector<SetLine> lines;
  const std::string& paragraph_text = text.text;
  for (GSList* line_node = pango_layout_get_lines_readonly(layout.get()); line_node; line_node = line_node->next) {
    auto* line = static_cast<PangoLayoutLine*>(line_node->data);
    PangoRectangle logical;
    pango_layout_line_get_extents(line, nullptr, &logical);
    // Alignment and indent shift the line; pango_layout_line_get_x_ranges
    // gives where it starts within the layout's width.
    int* ranges = nullptr;
    int range_count = 0;
    pango_layout_line_get_x_ranges(line, line->start_index, line->start_index + line->length, &ranges, &range_count);
    double line_x = range_count > 0 ? points(ranges[0]) : 0;
    g_free(ranges);
    SetLine set_line;
    set_line.width = points(logical.width);
    double x = line_x;
    for (GSList* run_node = line->runs; run_node; run_node = run_node->next) {
      auto* run = static_cast<PangoGlyphItem*>(run_node->data);
      GlyphRun converted = convert_run(fonts, paragraph_text, *run, x, style.color);
      x += converted.width;
      if (!run_node->next) drop_trailing_spaces(converted);
      if (!converted.glyphs.empty()) set_line.runs.push_back(std::move(converted));
    }
    if (format.alignment == TextAlignment::justified) fit_overfull_line(set_line, line_x, format.width);
    lines.push_back(std::move(set_line));
  }
  return lines;
}

}  // namespace galley::layout
