#include "layout/slab_writer.hpp"

#include <algorithm>
#include <iterator>

#include "galley/text.hpp"
#include "layout/article_slabs.hpp"

namespace galley::layout {
namespace {

void apply_break_tuning(const style::BreakTuning& tuning, BreakParameters& parameters) {
  auto set = [](const auto& value, auto& field) {
    if (value) field = *value;
  };
  set(tuning.tolerance, parameters.tolerance);
  set(tuning.line_penalty, parameters.line_penalty);
  set(tuning.hyphen_penalty, parameters.hyphen_penalty);
  set(tuning.space_stretch, parameters.space_stretch);
  set(tuning.space_shrink, parameters.space_shrink);
  set(tuning.letter_stretch, parameters.letter_stretch);
  set(tuning.letter_shrink, parameters.letter_shrink);
  set(tuning.letter_spacing_stretch, parameters.letter_spacing_stretch);
  set(tuning.letter_spacing_shrink, parameters.letter_spacing_shrink);
  set(tuning.emergency_stretch, parameters.emergency_stretch);
  set(tuning.short_last_line_demerits, parameters.short_last_line_demerits);
  set(tuning.final_hyphen_demerits, parameters.final_hyphen_demerits);
  set(tuning.ragged_stretch, parameters.ragged_stretch);
  set(tuning.max_consecutive_hyphens, parameters.max_consecutive_hyphens);
}

// Struck-out words get a rule through them at half the x-height,
// relative to the line's baseline.
std::vector<RuleItem> strikeout_rules(const StyledText& text, const SetLine& line, const style::TextStyle& style) {
  std::vector<RuleItem> rules;
  for (const StyledSpan& span : text.spans) {
    if (span.kind != SpanKind::strikeout) continue;
    std::optional<std::pair<double, double>> extent = span_extent(line, span.start, span.end);
    if (!extent) continue;
    RuleItem rule;
    rule.x0 = extent->first;
    rule.x1 = extent->second;
    rule.y0 = rule.y1 = -style.size * 0.25;
    rule.thickness = style.size * 0.06;
    rule.color = style.color;
    rules.push_back(rule);
  }
  return rules;
}

// Swaps a line slab's glyphs, links and rules for new ones, keeping its
// structure marks, anchors and source marks where they are.
void replace_line_items(Slab& slab, std::vector<Item> items) {
  std::vector<Item> kept;
  std::size_t insert_at = std::string::npos;
  for (Item& item : slab.items) {
    if (std::holds_alternative<StructureItem>(item) || std::holds_alternative<AnchorItem>(item) ||
        std::holds_alternative<SourceMarkItem>(item)) {
      kept.push_back(std::move(item));
    } else if (insert_at == std::string::npos) {
      insert_at = kept.size();
    }
  }
  if (insert_at == std::string::npos) insert_at = kept.size();
  kept.insert(kept.begin() + static_cast<long>(insert_at), std::make_move_iterator(items.begin()),
              std::make_move_iterator(items.end()));
  slab.items = std::move(kept);
}

// Each trial sets the whole paragraph again, once per column it ends with a
// hyphen: time quadratic in a long paragraph's length (a 20 MB one would
// take hours), so a paragraph that long keeps its lines.
constexpr std::size_t longest_paragraph_set_again = 500;  // lines

constexpr std::size_t fewest_lines_on_a_page = fewest_lines_in_a_column;

}  // namespace

std::optional<std::pair<double, double>> span_extent(const SetLine& line, std::size_t start, std::size_t end) {
  double left = 1e9, right = -1e9;
  for (const GlyphRun& run : line.runs) {
    // Most spans of a long paragraph are on other lines: skip runs by
    // their bytes before looking at their glyphs.
    if (run.text_offset >= end || run.text_offset + run.text.size() <= start) continue;
    std::size_t byte = run.text_offset;
    std::size_t glyph = 0;
    for (const TextCluster& cluster : run.clusters) {
      bool inside = byte >= start && byte < end;
      for (int index = 0; index < cluster.glyphs && glyph < run.glyphs.size(); ++index, ++glyph) {
        if (!inside) continue;
        double x = run.x + run.glyphs[glyph].x;
        double next = glyph + 1 < run.glyphs.size() ? run.x + run.glyphs[glyph + 1].x : run.x + run.width;
        left = std::min(left, std::min(x, next));
        right = std::max(right, std::max(x, next));
      }
      byte += static_cast<std::size_t>(cluster.bytes);
    }
  }
  if (right <= left) return std::nullopt;
  return std::make_pair(left, right);
}

doc::Inlines inlines_of(const doc::Block& block) {
  if (const auto* para = std::get_if<doc::Para>(&block)) return para->body;
  return doc::inlines_from_text(doc::plain_text(block));
}

doc::Inlines prefixed(const std::string& prefix, const doc::Inlines& body) {
  doc::Inlines result{doc::Str{prefix}};
  result.insert(result.end(), body.begin(), body.end());
  return result;
}

SlabWriter::SlabWriter(const doc::Document& document, const style::Theme& theme, FontSystem& fonts,
                       const Hyphenator& hyphenator, SourceMarks& marks, std::string anchor_prefix)
    : document_(document),
      theme_(theme),
      fonts_(fonts),
      hyphenator_(hyphenator),
      marks_(marks),
      anchor_prefix_(std::move(anchor_prefix)),
      geometry_(column_geometry(theme)),
      measure_(geometry_.column_width()) {
  apply_break_tuning(theme.breaking, break_parameters_);
  for (std::size_t index = 0; index < document.footnotes.size(); ++index)
    note_numbers_[document.footnotes[index].id] = static_cast<int>(index + 1);
  // Links may point forwards, so every heading's anchor is named first.
  for (const doc::Block& block : document.blocks)
    if (const auto* heading = std::get_if<doc::Heading>(&block); heading && !heading->id.empty())
      heading_anchors_.emplace(heading->id, anchor_prefix_ + "heading-" + std::to_string(heading_anchors_.size() + 1));
}

void SlabWriter::add_text(const doc::Inlines& inlines, const TextOptions& options) {
  const std::optional<TextSource>& source = marks_.text_source();
  std::vector<InlineOrigin> origins;
  StyledText text = styled_text(inlines, note_numbers_, options.hyphenate && theme_.hyphenate ? &hyphenator_ : nullptr,
                                source ? &origins : nullptr);
  std::size_t first = slabs_.size();
  add_styled_text(text, options, origins);
  // A justified paragraph the page builder may ask to set again, so that
  // no hyphen ends a column; not one with notes, which follow their lines.
  bool has_notes = std::any_of(text.spans.begin(), text.spans.end(),
                               [](const StyledSpan& span) { return span.kind == SpanKind::note_reference; });
  if (options.alignment == TextAlignment::justified && options.hyphenate && theme_.hyphenate &&
      options.narrow_lines == 0 && !options.spans_columns && !has_notes && slabs_.size() > first + 1)
    resettable_.push_back({std::move(text), std::move(origins), options, first, slabs_.size() - first, source});
}

ParagraphFormat SlabWriter::format_for(const TextOptions& options) const {
  double width = options.spans_columns ? geometry_.width : measure_;
  ParagraphFormat format{options.style, width - options.left - options.right, options.first_indent, options.alignment};
  format.parameters = &break_parameters_;
  format.narrow_lines = options.narrow_lines;
  format.narrow_by = options.narrow_by;
  format.protrude = theme_.margin_kerning;
  return format;
}

// The items that show one set line in its slab: glyphs, link areas,
// strike-out rules.
std::vector<Item> SlabWriter::line_items(const StyledText& text, SetLine& line, const TextOptions& options) const {
  const style::TextStyle& style = *options.style;
  const double baseline = baseline_offset(style);
  std::vector<Item> items;
  std::vector<LinkItem> links = link_areas(text, line, style);
  std::vector<RuleItem> strikeouts = strikeout_rules(text, line, style);
  for (GlyphRun& run : line.runs) {
    run.x += options.left;
    run.y += baseline;
    items.emplace_back(std::move(run));
  }
  for (LinkItem& link : links) {
    link.x += options.left;
    link.y += baseline;
    items.emplace_back(std::move(link));
  }
  for (RuleItem& rule : strikeouts) {
    rule.x0 += options.left, rule.x1 += options.left;
    rule.y0 += baseline, rule.y1 += baseline;
    items.emplace_back(rule);
  }
  return items;
}

namespace {

// Whether a line but the last ends after a word's own hyphen ("hands-" /
// "on"): in display type that reads as a word the breaker cut.
bool breaks_after_hyphen(const std::vector<SetLine>& lines) {
  for (std::size_t index = 0; index + 1 < lines.size(); ++index)
    if (!lines[index].runs.empty() && ends_after_word_hyphen(lines[index].runs.back().text)) return true;
  return false;
}

}  // namespace

// The lines set in the narrowest measure (to half a point, down to two
// thirds of the full one) that keeps their count: lines of even length.
// Never narrower than the widest word: a measure under it lets the breaker
// split that word anywhere ("The U.S.-Franc" / "e Partnership").
std::vector<SetLine> SlabWriter::balanced_lines(const StyledText& text, ParagraphFormat format,
                                                std::vector<SetLine> lines) {
  const std::size_t count = lines.size();
  // A narrower measure may not bring a break after a hyphen that the full one avoids.
  const bool hyphen_break_allowed = breaks_after_hyphen(lines);
  const double widest = widest_word(fonts_, text, *format.style);
  double fits = format.width, too_narrow = std::max(format.width * 2 / 3, widest - 0.01);
  while (fits - too_narrow > 0.5) {
    format.width = (fits + too_narrow) / 2;
    std::vector<SetLine> narrower = set_paragraph(fonts_, text, format);
    const bool overfull = std::any_of(narrower.begin(), narrower.end(),
                                      [&](const SetLine& line) { return line.width > format.width + 0.01; });
    if (narrower.size() == count && !overfull && (hyphen_break_allowed || !breaks_after_hyphen(narrower))) {
      fits = format.width;
      lines = std::move(narrower);
    } else {
      too_narrow = format.width;
    }
  }
  return lines;
}

void SlabWriter::add_styled_text(const StyledText& text, const TextOptions& options,
                                 const std::vector<InlineOrigin>& origins) {
  if (text.text.empty()) return;
  const style::TextStyle& style = *options.style;
  std::vector<SetLine> lines = set_paragraph(fonts_, text, format_for(options), &warnings_);
  if (options.balance && lines.size() >= 2) lines = balanced_lines(text, format_for(options), lines);
  for (std::size_t index = 0; index < lines.size(); ++index) {
    Slab slab;
    slab.height = style.leading;
    slab.space_before = index == 0 ? style.space_before : 0;
    bool last = index + 1 == lines.size();
    // Two lines at least on each side of a page break: no orphans, no widows.
    bool protects_orphan = index == 0;
    bool protects_widow = index + 2 == lines.size();
    // Lines beside a drop cap stay together with it.
    bool beside_initial = static_cast<int>(index) + 1 < options.narrow_lines;
    slab.keep_with_next = last ? options.keep_with_next
                               : (options.keep_together || protects_orphan || protects_widow || beside_initial);
    slab.spans_columns = options.spans_columns;
    slab.on_grid = &style == &theme_.body && !options.spans_columns;
    if (notes_on_line_) slab.notes = notes_on_line_(text, lines[index]);
    // Where the line begins in the model, read before its runs move into the slab.
    std::optional<SourcePosition> source;
    const std::optional<TextSource>& text_source = marks_.text_source();
    if (text_source && !lines[index].runs.empty()) source = line_source(*text_source, text, lines[index], origins);
    slab.ends_with_hyphen = lines[index].hyphenated;
    slab.items = line_items(text, lines[index], options);
    if (source) marks_.mark(slab, *source);
    push_slab(std::move(slab));
  }
  add_space(style.space_after);
}

// The clickable areas of the links on one set line, relative to its
// baseline.
std::vector<LinkItem> SlabWriter::link_areas(const StyledText& text, const SetLine& line,
                                             const style::TextStyle& style) const {
  std::vector<LinkItem> areas;
  for (const StyledSpan& span : text.spans) {
    if (span.kind != SpanKind::link || span.target.empty()) continue;
    LinkItem link;
    if (span.target.front() == '#') {
      auto anchor = heading_anchors_.find(span.target.substr(1));
      if (anchor == heading_anchors_.end()) continue;  // a link to nothing is no link
      link.anchor = anchor->second;
    } else {
      link.uri = span.target;
    }
    std::optional<std::pair<double, double>> extent = span_extent(line, span.start, span.end);
    if (!extent) continue;
    link.x = extent->first;
    link.width = extent->second - extent->first;
    link.y = -style.size * 0.85;
    link.height = style.size * 1.1;
    areas.push_back(std::move(link));
  }
  return areas;
}

void SlabWriter::push_slab(Slab slab) {
  marks_.on_new_slab(slab);
  slab.space_before = std::max(slab.space_before, pending_space_);
  pending_space_ = 0;
  slabs_.push_back(std::move(slab));
}

Slab SlabWriter::rule_slab(double height, double left, double right, double thickness, const style::Color& color,
                           bool spans_columns) const {
  Slab slab;
  slab.height = height;
  slab.spans_columns = spans_columns;
  RuleItem rule;
  rule.x0 = left;
  rule.x1 = (spans_columns ? geometry_.width : measure_) - right;
  rule.y0 = rule.y1 = height / 2;
  rule.thickness = thickness;
  rule.color = color;
  slab.items.emplace_back(rule);
  return slab;
}

bool SlabWriter::wrap_structure(std::size_t first, const std::string& tag) {
  if (tag.empty() || first >= slabs_.size()) return false;
  std::vector<Item>& opening = slabs_[first].items;
  opening.insert(opening.begin(), StructureItem{true, tag});
  slabs_.back().items.emplace_back(StructureItem{false, tag});
  return true;
}

void SlabWriter::add_anchor(std::size_t first, const std::string& title, int level, const std::string& id) {
  auto known = heading_anchors_.find(id);
  std::string name =
      known != heading_anchors_.end() ? known->second : anchor_prefix_ + "section-" + std::to_string(outline_.size() + 1);
  slabs_[first].items.insert(slabs_[first].items.begin(), AnchorItem{name, 0, 0});
  outline_.push_back({title, level, name});
}

// Where a trial of the page builder finds a hyphen at the foot of a column,
// the paragraph is set again with the breaker told which line ends the
// column; the new lines replace the old when they are as many (so no page
// changes) and that line ends whole.
void SlabWriter::avoid_hyphens_at_column_ends() {
  if (resettable_.empty()) return;
  for (std::size_t last : column_final_slabs(slabs_, geometry_)) {
    if (!slabs_[last].ends_with_hyphen) continue;
    auto after = std::upper_bound(
        resettable_.begin(), resettable_.end(), last,
        [](std::size_t slab, const ResettableParagraph& paragraph) { return slab < paragraph.first_slab; });
    if (after == resettable_.begin()) continue;
    const ResettableParagraph& paragraph = *(after - 1);
    if (last >= paragraph.first_slab + paragraph.lines) continue;
    if (paragraph.lines > longest_paragraph_set_again) continue;
    BreakParameters parameters = break_parameters_;
    parameters.line_ending_a_column = static_cast<int>(last - paragraph.first_slab);
    ParagraphFormat format = format_for(paragraph.options);
    format.parameters = &parameters;
    const StyledText& text = paragraph.text;
    const std::vector<InlineOrigin>& origins = paragraph.origins;
    std::vector<SetLine> lines = set_paragraph(fonts_, text, format);
    if (lines.size() != paragraph.lines || lines[static_cast<std::size_t>(parameters.line_ending_a_column)].hyphenated)
      continue;
    for (std::size_t index = 0; index < lines.size(); ++index) {
      Slab& slab = slabs_[paragraph.first_slab + index];
      // The line now begins elsewhere in the text: its mark follows it.
      if (paragraph.source && !lines[index].runs.empty())
        for (Item& item : slab.items)
          if (auto* mark = std::get_if<SourceMarkItem>(&item))
            mark->position = line_source(*paragraph.source, text, lines[index], origins);
      replace_line_items(slab, line_items(text, lines[index], paragraph.options));
      slab.ends_with_hyphen = lines[index].hyphenated;
    }
  }
}

// Sets a paragraph again a line shorter or longer (TeX's \looseness, -1 or
// +1) within the breaker's first-pass tolerance, so its spaces stay within
// what any line may have. A line fewer drops the last line's slab, what else
// it held (the paragraph's end mark) moving to the line before; a line more
// is a copy of the last line's slab, without its marks, put before it.
bool SlabWriter::set_with_looseness(std::size_t which, int looseness) {
  ResettableParagraph& paragraph = resettable_[which];
  if (paragraph.lines < 2 || paragraph.lines > longest_paragraph_set_again) return false;
  BreakParameters parameters = break_parameters_;
  parameters.looseness = looseness;
  ParagraphFormat format = format_for(paragraph.options);
  format.parameters = &parameters;
  std::vector<SetLine> lines = set_paragraph(fonts_, paragraph.text, format);
  if (static_cast<long>(lines.size()) != static_cast<long>(paragraph.lines) + looseness) return false;
  for (const SetLine& line : lines)
    if (line.width > format.width + 0.5 * paragraph.options.style->size) return false;  // overfull, past any hang
  const std::size_t last = paragraph.first_slab + paragraph.lines - 1;
  if (looseness < 0) {
    Slab& new_last = slabs_[last - 1];
    for (Item& item : slabs_[last].items)
      if (std::holds_alternative<StructureItem>(item) || std::holds_alternative<AnchorItem>(item))
        new_last.items.push_back(std::move(item));
    new_last.keep_with_next = slabs_[last].keep_with_next;
    slabs_.erase(slabs_.begin() + static_cast<long>(last));
  } else {
    Slab added = slabs_[last];
    std::erase_if(added.items, [](const Item& item) {
      return std::holds_alternative<StructureItem>(item) || std::holds_alternative<AnchorItem>(item);
    });
    added.space_before = 0;
    slabs_.insert(slabs_.begin() + static_cast<long>(last), std::move(added));
  }
  for (std::size_t index = 0; index < lines.size(); ++index) {
    Slab& slab = slabs_[paragraph.first_slab + index];
    if (paragraph.source && !lines[index].runs.empty())
      for (Item& item : slab.items)
        if (auto* mark = std::get_if<SourceMarkItem>(&item))
          mark->position = line_source(*paragraph.source, paragraph.text, lines[index], paragraph.origins);
    replace_line_items(slab, line_items(paragraph.text, lines[index], paragraph.options));
    slab.ends_with_hyphen = lines[index].hyphenated;
    // Two lines at least on each side of a page break, as add_styled_text keeps them.
    if (index + 1 < lines.size()) slab.keep_with_next = slab.keep_with_next || index == 0 || index + 2 == lines.size();
  }
  paragraph.lines = lines.size();
  for (std::size_t later = which + 1; later < resettable_.size(); ++later)
    resettable_[later].first_slab = static_cast<std::size_t>(static_cast<long>(resettable_[later].first_slab) + looseness);
  return true;
}

int SlabWriter::change_line_count(int lines) {
  const int step = lines > 0 ? 1 : -1;
  int changed = 0;
  for (std::size_t which = resettable_.size(); which-- > 0 && changed != lines;)
    if (set_with_looseness(which, step)) changed += step;
  return changed;
}

// A last page holding one to four lines (a runt) is avoided as TeX's
// \looseness does it: first paragraphs on the pages before it are set a
// line shorter, from the end, until the runt's lines fit before it; else
// paragraphs from the end are set a line longer, towards five lines on the
// last page; what is still missing the page before gives, ending up to
// four lines early where a break is allowed (a page a little short reads
// better than a page of a line or two). Where nothing works, nothing
// changes. In columns, a line less or more before the last page moves the
// columns after it by a line, so the same works; the last page's columns
// are balanced (build_pages), a tail of fewer than five lines in one.
bool SlabWriter::avoid_runt_last_page() {
  LastPage last = last_page(slabs_, geometry_);
  if (last.pages < 2 || last.lines == 0 || last.lines >= fewest_lines_on_a_page) return false;
  const std::size_t pages = last.pages;
  std::size_t runt = last.lines;
  const std::vector<Slab> kept_slabs = slabs_;
  const std::vector<ResettableParagraph> kept_paragraphs = resettable_;
  std::size_t tries = 0;
  for (std::size_t which = resettable_.size(); which-- > 0 && tries < 3 * fewest_lines_on_a_page;) {
    if (resettable_[which].first_slab + resettable_[which].lines > last_page(slabs_, geometry_).first_slab) continue;
    ++tries;
    if (set_with_looseness(which, -1) && last_page(slabs_, geometry_).pages < pages) return true;
  }
  slabs_ = kept_slabs;
  resettable_ = kept_paragraphs;
  tries = 0;
  for (std::size_t which = resettable_.size(); which-- > 0 && tries < 3 * fewest_lines_on_a_page;) {
    ++tries;
    std::vector<Slab> before = slabs_;
    std::vector<ResettableParagraph> paragraphs_before = resettable_;
    if (!set_with_looseness(which, +1)) continue;
    last = last_page(slabs_, geometry_);
    if (last.pages == pages && last.lines >= fewest_lines_on_a_page) return true;
    if (last.pages != pages || last.lines <= runt) {  // no better (a line more on an earlier page that the page took in)
      slabs_ = std::move(before);
      resettable_ = std::move(paragraphs_before);
      continue;
    }
    runt = last.lines;
  }
  if (end_previous_page_early(runt)) return true;
  slabs_ = kept_slabs;
  resettable_ = kept_paragraphs;
  return false;
}

// Starts the last page up to four lines earlier, at a slab that may begin
// a page (nothing before it keeps with it), so that it holds enough lines.
bool SlabWriter::end_previous_page_early(std::size_t runt) {
  constexpr std::size_t most_lines_moved = 4;
  const LastPage last = last_page(slabs_, geometry_);
  if (last.pages < 2 || runt + most_lines_moved < fewest_lines_on_a_page) return false;
  std::size_t moved = 0;
  for (std::size_t start = last.first_slab; start-- > 1 && moved < most_lines_moved;) {
    Slab& slab = slabs_[start];
    moved += lines_in(slab);
    if (runt + moved < fewest_lines_on_a_page || slabs_[start - 1].keep_with_next || slab.spans_columns ||
        slab.float_group != 0)
      continue;
    slab.column_break_before = true;
    const LastPage now = last_page(slabs_, geometry_);
    if (now.pages == last.pages && now.lines >= fewest_lines_on_a_page) return true;
    slab.column_break_before = false;
  }
  return false;
}

}  // namespace galley::layout
