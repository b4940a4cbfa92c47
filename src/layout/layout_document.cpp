// The layout outline: the article head, then each block as slabs, then the
// page builder, then page furniture.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <array>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "galley/layout.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"
#include "layout/fonts.hpp"
#include "layout/furniture.hpp"
#include "layout/hyphenate.hpp"
#include "layout/images.hpp"
#include "layout/article_slabs.hpp"
#include "layout/page_builder.hpp"
#include "layout/paragraph.hpp"
#include "layout/styled_text.hpp"

namespace galley::layout {
namespace {

class DocumentLayout {
 public:
  DocumentLayout(const doc::Document& document, const style::Theme& theme, const ImageLoader& images,
                 const ArticleSetting& setting = {})
      : document_(document),
        theme_(theme),
        images_(images),
        setting_(setting),
        own_fonts_(setting.fonts ? nullptr : std::make_unique<FontSystem>()),
        fonts_(setting.fonts ? *setting.fonts : *own_fonts_),
        own_hyphenator_(setting.hyphenators ? nullptr
                                            : std::make_unique<Hyphenator>(document.meta.lang.empty() ? theme.lang
                                                                                                      : document.meta.lang)),
        hyphenator_(setting.hyphenators ? setting.hyphenators->for_language(document.meta.lang.empty() ? theme.lang
                                                                                                      : document.meta.lang)
                                        : *own_hyphenator_),
        block_numbers_(doc::number_blocks(document)) {
    geometry_ = column_geometry(theme);
    measure_ = geometry_.column_width();
    apply_break_tuning(theme.breaking, break_parameters_);
    for (std::size_t index = 0; index < document.footnotes.size(); ++index)
      note_numbers_[document.footnotes[index].id] = static_cast<int>(index + 1);
    // Links may point forwards, so every heading's anchor is named first.
    for (const doc::Block& block : document.blocks)
      if (const auto* heading = std::get_if<doc::Heading>(&block); heading && !heading->id.empty())
        heading_anchors_.emplace(heading->id,
                                 setting.anchor_prefix + "heading-" + std::to_string(heading_anchors_.size() + 1));
  }

  PagedDocument run() {
    set_slabs();
    PagedDocument result{build_pages(std::move(slabs_), geometry_), std::move(outline_), std::move(warnings_)};
    find_page_beginnings(result.pages);
    add_page_furniture(result);
    return result;
  }

  ArticleSlabs take_slabs() {
    set_slabs();
    return {std::move(slabs_), std::move(outline_), std::move(warnings_)};
  }

 private:
  void set_slabs() {
    add_head();
    for (const doc::Block& block : document_.blocks) add_block(block, 0);
    add_footnotes();
    avoid_hyphens_at_column_ends();
  }

  // ------------------------------------------------------------ text into slabs

  static void apply_break_tuning(const style::BreakTuning& tuning, BreakParameters& parameters) {
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
    set(tuning.emergency_stretch, parameters.emergency_stretch);
    set(tuning.short_last_line_demerits, parameters.short_last_line_demerits);
    set(tuning.final_hyphen_demerits, parameters.final_hyphen_demerits);
    set(tuning.ragged_stretch, parameters.ragged_stretch);
    set(tuning.max_consecutive_hyphens, parameters.max_consecutive_hyphens);
  }

  struct TextOptions {
    const style::TextStyle* style;
    TextAlignment alignment = TextAlignment::left;
    double first_indent = 0;  // points
    double left = 0;          // points from the column's left edge
    double right = 0;         // points from the column's right edge
    bool hyphenate = false;
    bool keep_together = false;  // the whole paragraph on one page (headings, captions)
    bool keep_with_next = false;
    bool spans_columns = false;  // set across all columns, like the article's head
    int narrow_lines = 0;        // the first lines are narrowed for a drop cap
    double narrow_by = 0;        // points
  };

  // Which block's own inlines add_text is setting, so that each line can be
  // traced back to the model for the EPUB's print page markers.
  struct TextSource {
    std::size_t block = 0;
    std::size_t prefix_inlines = 0;   // inlines set before the block's own ("▸ ", a note's number)
    std::size_t dropped_inlines = 0;  // the block's leading inlines not set here (a drop cap's whole word)
    std::size_t dropped_bytes = 0;    // bytes not set here of the first inline set (a drop cap's initial)
  };

  void add_text(const doc::Inlines& inlines, const TextOptions& options) {
    std::vector<InlineOrigin> origins;
    StyledText text = styled_text(inlines, note_numbers_, options.hyphenate && theme_.hyphenate ? &hyphenator_ : nullptr,
                                  text_source_ ? &origins : nullptr);
    std::size_t first = slabs_.size();
    add_styled_text(text, options, origins);
    // A justified paragraph the page builder may ask to set again, so that
    // no hyphen ends a column; not one with notes, which follow their lines.
    bool has_notes = std::any_of(text.spans.begin(), text.spans.end(),
                                 [](const StyledSpan& span) { return span.kind == SpanKind::note_reference; });
    if (options.alignment == TextAlignment::justified && options.hyphenate && theme_.hyphenate &&
        options.narrow_lines == 0 && !options.spans_columns && !has_notes && slabs_.size() > first + 1)
      resettable_.push_back({std::move(text), std::move(origins), options, first, slabs_.size() - first, text_source_});
  }

  ParagraphFormat format_for(const TextOptions& options) const {
    double width = options.spans_columns ? geometry_.width : measure_;
    ParagraphFormat format{options.style, width - options.left - options.right, options.first_indent, options.alignment};
    format.parameters = &break_parameters_;
    format.narrow_lines = options.narrow_lines;
    format.narrow_by = options.narrow_by;
    return format;
  }

  // The items that show one set line in its slab: glyphs, link areas,
  // strike-out rules.
  std::vector<Item> line_items(const StyledText& text, SetLine& line, const TextOptions& options) const {
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

  void add_styled_text(const StyledText& text, const TextOptions& options, const std::vector<InlineOrigin>& origins = {}) {
    if (text.text.empty()) return;
    const style::TextStyle& style = *options.style;
    std::vector<SetLine> lines = set_paragraph(fonts_, text, format_for(options), &warnings_);
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
      slab.notes = notes_referred_on(text, lines[index]);
      // Where the line begins in the model, read before its runs move into the slab.
      std::optional<SourcePosition> source;
      if (text_source_ && !lines[index].runs.empty()) source = line_source(*text_source_, text, lines[index], origins);
      slab.ends_with_hyphen = lines[index].hyphenated;
      slab.items = line_items(text, lines[index], options);
      if (source) mark_slab(slab, *source);
      push_slab(std::move(slab));
    }
    add_space(style.space_after);
  }

  // A paragraph that could be set again, and where its lines are.
  // Its styled text is kept (moved, not copied), not the inlines it came
  // from: callers pass temporaries too (a prefixed aside, a credit line).
  struct ResettableParagraph {
    StyledText text;
    std::vector<InlineOrigin> origins;
    TextOptions options;
    std::size_t first_slab;
    std::size_t lines;
    std::optional<TextSource> source;  // where its lines come from in the model, for their marks
  };

  // A hyphen at the foot of a column makes the reader carry half a word over
  // the turn. Where a trial of the page builder finds one, the paragraph is
  // set again with the breaker told which line ends the column; the new
  // lines replace the old when they are as many (so no page changes) and
  // that line ends whole.
  static constexpr std::size_t longest_paragraph_set_again = 500;  // lines
  void avoid_hyphens_at_column_ends() {
    if (resettable_.empty()) return;
    for (std::size_t last : column_final_slabs(slabs_, geometry_)) {
      if (!slabs_[last].ends_with_hyphen) continue;
      auto after = std::upper_bound(resettable_.begin(), resettable_.end(), last,
                                    [](std::size_t slab, const ResettableParagraph& paragraph) {
                                      return slab < paragraph.first_slab;
                                    });
      if (after == resettable_.begin()) continue;
      const ResettableParagraph& paragraph = *(after - 1);
      if (last >= paragraph.first_slab + paragraph.lines) continue;
      // Each trial sets the whole paragraph again, once per column it ends
      // with a hyphen: time quadratic in a long paragraph's length (a 20 MB
      // one would take hours), so a paragraph that long keeps its lines.
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

  // Swaps a line slab's glyphs, links and rules for new ones, keeping its
  // structure marks, anchors and source marks where they are.
  static void replace_line_items(Slab& slab, std::vector<Item> items) {
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

  // The horizontal extent, on one set line, of the glyphs that show the
  // bytes [start, end) of the paragraph's text; nothing when none do.
  static std::optional<std::pair<double, double>> span_extent(const SetLine& line, std::size_t start, std::size_t end) {
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

  // The clickable areas of the links on one set line, relative to its
  // baseline.
  std::vector<LinkItem> link_areas(const StyledText& text, const SetLine& line, const style::TextStyle& style) const {
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

  // The footnotes first referred to on this line, set as slabs for the
  // foot of the column.
  std::vector<Slab> notes_referred_on(const StyledText& text, const SetLine& line) {
    std::vector<Slab> notes;
    for (const StyledSpan& span : text.spans) {
      if (span.kind != SpanKind::note_reference || !span_extent(line, span.start, span.end)) continue;
      std::string number = text.text.substr(span.start, span.end - span.start);
      for (std::size_t index = 0; index < document_.footnotes.size(); ++index) {
        if (std::to_string(index + 1) != number || !notes_set_.insert(index).second) continue;
        std::vector<Slab> note = set_note(index);
        notes.insert(notes.end(), std::make_move_iterator(note.begin()), std::make_move_iterator(note.end()));
      }
    }
    return notes;
  }

  // Footnote `index` set as slabs of its own, out of the main flow.
  std::vector<Slab> set_note(std::size_t index) {
    std::vector<Slab> note;
    outside_flow([&] { note = set_note_slabs(index); });
    return note;
  }

  std::vector<Slab> set_note_slabs(std::size_t index) {
    std::vector<Slab> main_flow = std::move(slabs_);
    double pending = pending_space_;
    slabs_.clear();
    pending_space_ = 0;
    bool first = true;
    for (const doc::Block& block : document_.footnotes[index].body) {
      doc::Inlines body = first ? prefixed(std::to_string(index + 1) + ".\u2002", inlines_of(block)) : inlines_of(block);
      TextOptions options{&theme_.caption, TextAlignment::left};
      options.hyphenate = true;
      add_text(body, options);
      first = false;
    }
    for (Slab& slab : slabs_) slab.space_before = 0;
    wrap_structure(0, "Note");
    std::vector<Slab> note = std::move(slabs_);
    slabs_ = std::move(main_flow);
    pending_space_ = pending;
    return note;
  }

  // Struck-out words get a rule through them at half the x-height,
  // relative to the line's baseline.
  static std::vector<RuleItem> strikeout_rules(const StyledText& text, const SetLine& line, const style::TextStyle& style) {
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

  // Space after a block is space before the next slab, so that it too is
  // dropped at the top of a page.
  void add_space(double points) { pending_space_ = std::max(pending_space_, points); }

  void push_slab(Slab slab) {
    if (marking_block_ && !block_marked_ && !has_mark(slab)) mark_slab(slab, {*marking_block_, 0, 0});
    if (marking_block_) block_marked_ = true;
    slab.space_before = std::max(slab.space_before, pending_space_);
    pending_space_ = 0;
    slabs_.push_back(std::move(slab));
  }

  Slab rule_slab(double height, double left, double right, double thickness, const style::Color& color,
                 bool spans_columns = false) {
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

  // ------------------------------------------------------------ where slabs come from


  // Where a set line begins in the model.
  static SourcePosition line_source(const TextSource& source, const StyledText& text, const SetLine& line,
                                    const std::vector<InlineOrigin>& origins) {
    std::size_t start = line.runs.front().text_offset;
    for (const GlyphRun& run : line.runs) start = std::min(start, run.text_offset);
    if (start == 0) return {source.block, 0, 0};
    InlinePlace place = inline_place(origins, start);
    // A line that begins after a hyphenation point begins inside a word the
    // EPUB shows whole: its page begins with the word, so that a screen
    // reader never announces a page in the middle of one.
    static constexpr std::string_view soft_hyphen = "\u00AD";
    if (start >= soft_hyphen.size() && text.text.compare(start - soft_hyphen.size(), soft_hyphen.size(), soft_hyphen) == 0)
      place.offset = 0;
    if (place.inline_index < source.prefix_inlines) return {source.block, 0, 0};
    place.inline_index -= source.prefix_inlines;
    if (place.inline_index == 0) place.offset += source.dropped_bytes;
    return {source.block, place.inline_index + source.dropped_inlines, place.offset};
  }

  void mark_slab(Slab& slab, const SourcePosition& position, bool head = false) {
    slab.items.insert(slab.items.begin(), SourceMarkItem{position, mark_sequence_++, setting_.part, head, 0, 0});
  }

  static bool has_mark(const Slab& slab) {
    return std::any_of(slab.items.begin(), slab.items.end(),
                       [](const Item& item) { return std::holds_alternative<SourceMarkItem>(item); });
  }

  // Sets what `set` sets as coming from `block`: its first slab is marked as
  // the block's start, and `text` (when given) marks each line of the
  // block's own inlines.
  template <class Set>
  void from_block(const doc::Block& block, Set&& set, std::optional<TextSource> text = std::nullopt) {
    const auto saved_block = marking_block_;
    const bool saved_marked = block_marked_;
    const auto saved_text = text_source_;
    const std::size_t before = slabs_.size();
    marking_block_ = block_numbers_.at(&block);
    block_marked_ = false;
    if (text) text->block = *marking_block_;
    text_source_ = text;
    set();
    marking_block_ = saved_block;
    block_marked_ = saved_marked || slabs_.size() > before;
    text_source_ = saved_text;
  }

  // Footnotes at the foot of a column stand outside the flow the EPUB
  // follows; their slabs carry no marks.
  template <class Set>
  void outside_flow(Set&& set) {
    const auto saved_block = marking_block_;
    const auto saved_text = text_source_;
    marking_block_.reset();
    text_source_.reset();
    set();
    marking_block_ = saved_block;
    text_source_ = saved_text;
  }

  // A page with no mark of its own begins where the previous one did; the
  // first begins with the article's head.
  static void find_page_beginnings(std::vector<Page>& pages) {
    std::set<std::pair<std::size_t, std::size_t>> seen;
    std::vector<std::optional<SourceMarkItem>> beginnings = take_page_beginnings(pages, seen);
    std::optional<SourcePosition> previous;
    for (std::size_t index = 1; index < pages.size(); ++index) {
      if (beginnings[index]) pages[index].begins_at = beginnings[index]->position;
      else pages[index].begins_at = previous;
      previous = pages[index].begins_at;
    }
  }

  // ------------------------------------------------------------ the article head

  // A newspaper's nameplate: the publication's name centred across the
  // page, then the date line between a thick and a thin rule.
  void add_masthead() {
    const doc::Meta& meta = document_.meta;
    const std::string name = theme_.publication.empty() ? meta.publisher : theme_.publication;
    if (!theme_.masthead.enabled || name.empty()) return;
    std::size_t first = slabs_.size();
    const style::TextStyle& style = theme_.masthead.style;
    TextOptions options{&style, TextAlignment::center};
    options.keep_together = true;
    options.keep_with_next = true;
    options.spans_columns = true;
    style::TextStyle flat = style;
    flat.space_after = 0;
    options.style = &flat;
    add_text(doc::inlines_from_text(name), options);
    wrap_structure(first, "P");
    Slab thick = rule_slab(theme_.folio.leading * 0.6, 0, 0, 2.0, theme_.rule_color, true);
    thick.keep_with_next = true;
    push_slab(std::move(thick));
    std::string date_line = doc::display_date(meta);
    if (!meta.section.empty()) date_line = meta.section + (date_line.empty() ? "" : "\u2003\u00B7\u2003" + date_line);
    if (!date_line.empty()) {
      style::TextStyle line_style = theme_.folio;
      line_style.space_before = line_style.space_after = 0;
      line_style.uppercase = true;
      line_style.letter_spacing = std::max(line_style.letter_spacing, 0.08);
      masthead_line_style_ = line_style;
      TextOptions line{&masthead_line_style_, TextAlignment::center};
      line.keep_together = true;
      line.keep_with_next = true;
      line.spans_columns = true;
      first = slabs_.size();
      add_text(doc::inlines_from_text(date_line), line);
      wrap_structure(first, "P");
    }
    Slab thin = rule_slab(theme_.folio.leading * 0.6, 0, 0, 0.5, theme_.rule_color, true);
    thin.keep_with_next = true;
    push_slab(std::move(thin));
    add_space(style.space_after);
  }

  void add_head() {
    const doc::Meta& meta = document_.meta;
    add_masthead();
    std::size_t first = slabs_.size();
    add_plain(meta.title, {&theme_.headline, TextAlignment::left});
    if (wrap_structure(first, "H1")) add_anchor(first, meta.title, 1);
    // In an edition, a page holding this head begins with the article.
    if (setting_.mark_head && first < slabs_.size()) mark_slab(slabs_[first], {}, true);
    first = slabs_.size();
    add_plain(meta.subtitle, {&theme_.standfirst, TextAlignment::left});
    wrap_structure(first, "P");
    first = slabs_.size();
    // Byline, dateline and date share one line, separated by middle dots.
    std::string byline = doc::display_byline(meta);
    for (const std::string& part : {meta.dateline, doc::display_date(meta)})
      if (!part.empty()) byline += (byline.empty() ? "" : "\u2002\u00B7\u2002") + part;
    add_plain(byline, {&theme_.byline, TextAlignment::left});
    wrap_structure(first, "P");
    push_slab(rule_slab(theme_.body.leading, 0, 0, 0.75, theme_.rule_color, setting_.head_across_columns));
    previous_was_paragraph_ = false;
  }

  void add_plain(const std::string& text, TextOptions options) {
    options.keep_together = true;
    options.keep_with_next = true;
    options.spans_columns = setting_.head_across_columns;
    add_text(doc::inlines_from_text(text), options);
  }

  // ------------------------------------------------------------ blocks

  void add_block(const doc::Block& block, double indent) {
    std::size_t first = slabs_.size();
    // A paragraph's and a heading's lines are traced to places in their text.
    std::optional<TextSource> text;
    if (std::holds_alternative<doc::Para>(block) || std::holds_alternative<doc::Heading>(block)) text = TextSource{};
    from_block(block, [&] { std::visit([this, indent](const auto& node) { add_node(node, indent); }, block); }, text);
    wrap_structure(first, structure_tag(block));
    // A figure of the article's flow floats to a column's foot or head; one
    // that something before it keeps hold of (a heading, the headline)
    // stays where it is, and so does one inside a list or quotation.
    if (std::holds_alternative<doc::Figure>(block) && indent == 0 && first > 0 && first < slabs_.size() &&
        !slabs_[first - 1].keep_with_next && !slabs_[first].spans_columns) {
      ++float_groups_;
      for (std::size_t k = first; k < slabs_.size(); ++k) slabs_[k].float_group = float_groups_;
      pending_space_ = 0;  // the page builder puts its own gap around a float
    }
    if (const auto* heading = std::get_if<doc::Heading>(&block))
      add_anchor(first, doc::plain_text(heading->body), heading->level, heading->id);
  }

  // The PDF structure type of a block; empty for decoration (rules).
  static std::string structure_tag(const doc::Block& block) {
    return std::visit(
        [](const auto& node) -> std::string {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, doc::Para>) return "P";
          if constexpr (std::is_same_v<Node, doc::Heading>) return "H" + std::to_string(std::clamp(node.level, 1, 6));
          if constexpr (std::is_same_v<Node, doc::Figure>) return "Figure";
          if constexpr (std::is_same_v<Node, doc::Quote>) return "BlockQuote";
          if constexpr (std::is_same_v<Node, doc::List>) return "L";
          if constexpr (std::is_same_v<Node, doc::CodeBlock>) return "Code";
          if constexpr (std::is_same_v<Node, doc::Table>) return "Table";
          // Pull quotes repeat the text and teasers stand beside it: both
          // are grouped, with no claim to a stronger role.
          if constexpr (std::is_same_v<Node, doc::PullQuote> || std::is_same_v<Node, doc::Aside>) return "Div";
          return "";
        },
        block);
  }

  // Marks the slabs from `first` on as one structure element; false when
  // nothing was set.
  bool wrap_structure(std::size_t first, const std::string& tag) {
    if (tag.empty() || first >= slabs_.size()) return false;
    std::vector<Item>& opening = slabs_[first].items;
    opening.insert(opening.begin(), StructureItem{true, tag});
    slabs_.back().items.emplace_back(StructureItem{false, tag});
    return true;
  }

  // A named destination at the top of slab `first`, and a bookmark to it.
  void add_anchor(std::size_t first, const std::string& title, int level, const std::string& id = {}) {
    auto known = heading_anchors_.find(id);
    std::string name = known != heading_anchors_.end()
                           ? known->second
                           : setting_.anchor_prefix + "section-" + std::to_string(outline_.size() + 1);
    slabs_[first].items.insert(slabs_[first].items.begin(), AnchorItem{name, 0, 0});
    outline_.push_back({title, level, name});
  }

  void add_node(const doc::Para& node, double indent) {
    const style::TextStyle& style = node.role == doc::ParaRole::lede ? theme_.lede : theme_.body;
    TextOptions options{&style, theme_.justify ? TextAlignment::justified : TextAlignment::left};
    options.first_indent = previous_was_paragraph_ ? theme_.paragraph_indent * style.size : 0;
    options.left = indent;
    options.hyphenate = true;
    if (previous_was_paragraph_) add_space(theme_.paragraph_spacing);
    if (theme_.drop_cap.enabled && !drop_cap_done_ && indent == 0) {
      drop_cap_done_ = true;
      if (add_drop_cap_paragraph(node.body, options)) {
        previous_was_paragraph_ = true;
        return;
      }
    }
    add_text(node.body, options);
    previous_was_paragraph_ = true;
  }

  // The first paragraph with its first letter (and any opening quotation
  // mark) set large across the first lines, which are narrowed beside it.
  // False when the paragraph does not start with plain text.
  bool add_drop_cap_paragraph(const doc::Inlines& body, TextOptions options) {
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

    const style::TextStyle& body_style = *options.style;
    const int lines = theme_.drop_cap.lines;
    // The initial's cap height reaches from the first line's cap height to
    // the baseline of line `lines`; capitals are about 0.68 em high in the
    // book faces galley ships with.
    constexpr double cap_height = 0.68;
    style::TextStyle cap = theme_.drop_cap.style;
    cap.size = ((lines - 1) * body_style.leading + cap_height * body_style.size) / cap_height;
    cap.leading = cap.size;
    cap.space_before = cap.space_after = 0;
    cap.uppercase = false;
    cap.letter_spacing = 0;
    ParagraphFormat format{&cap, measure_, 0, TextAlignment::left};
    std::vector<SetLine> cap_lines = set_paragraph(fonts_, StyledText{initial, {}}, format);
    if (cap_lines.size() != 1) return false;
    const double gap = body_style.size * 0.3;
    options.narrow_lines = lines;
    options.narrow_by = cap_lines.front().width + gap;
    options.first_indent = 0;
    const std::size_t first_slab = slabs_.size();
    if (text_source_ && whole_word) text_source_->dropped_inlines = 1;
    if (text_source_ && !whole_word) text_source_->dropped_bytes = end;
    add_text(rest, options);
    if (slabs_.size() <= first_slab) return true;
    // Drawn first, so that the initial reads before the rest of its word.
    std::vector<Item>& items = slabs_[first_slab].items;
    std::vector<Item> initial_items;
    for (GlyphRun& run : cap_lines.front().runs) {
      run.x += options.left;
      run.y += baseline_offset(body_style) + (lines - 1) * body_style.leading;
      initial_items.emplace_back(std::move(run));
    }
    items.insert(items.begin(), initial_items.begin(), initial_items.end());
    return true;
  }

  void add_node(const doc::Heading& node, double indent) {
    TextOptions options{&theme_.heading, TextAlignment::left};
    options.left = indent;
    options.keep_together = true;
    options.keep_with_next = true;
    add_text(node.body, options);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::Figure& node, double indent) {
    std::shared_ptr<const image::ImageData> image =
        node.src.empty() || !images_ ? nullptr : images_(node.src);
    if (image) {
      push_slab(image_slab(image, node.alt, indent));
    } else {
      // Without an image the figure is its caption, set off by a hairline.
      Slab rule = rule_slab(theme_.caption.leading / 2, indent, 0, 0.4, theme_.credit.color);
      rule.space_before = theme_.caption.space_before;
      rule.keep_with_next = true;
      push_slab(std::move(rule));
    }
    TextOptions caption{&theme_.caption, TextAlignment::left};
    caption.left = indent;
    caption.keep_together = true;
    caption.keep_with_next = !node.credit.empty();
    caption.hyphenate = true;
    add_text(node.caption, caption);
    if (!node.credit.empty()) {
      pending_space_ = 0;  // the credit sits right under its caption
      TextOptions credit{&theme_.credit, TextAlignment::left};
      credit.left = indent;
      credit.keep_together = true;
      add_text(doc::labelled_credit(node), credit);
    }
    add_space(std::max(theme_.caption.space_after, theme_.body.leading / 2));
    previous_was_paragraph_ = false;
  }

  // The image at its own proportions: as wide as the column, or narrower
  // when it is small (at 96 pixels to the inch, the web's measure), and
  // never taller than 60 % of the text area, so a portrait photograph
  // leaves room for its caption and some text. Narrow images are centred.
  Slab image_slab(const std::shared_ptr<const image::ImageData>& image, const std::string& alt, double indent) {
    const double available = measure_ - indent;
    const double aspect = static_cast<double>(image->height) / static_cast<double>(image->width);
    double width = std::min(available, image->width * 0.75);
    double height = width * aspect;
    const double max_height = geometry_.height * 0.6;
    if (height > max_height) {
      height = max_height;
      width = height / aspect;
    }
    const double gap = theme_.caption.size * 0.6;  // between the picture and its caption
    Slab slab;
    slab.height = height + gap;
    slab.space_before = std::max(theme_.caption.space_before, theme_.body.leading / 2);
    slab.keep_with_next = true;
    ImageItem item;
    item.x = indent + (available - width) / 2;
    item.y = 0;
    item.width = width;
    item.height = height;
    item.image = image;
    item.alt = alt;
    slab.items.emplace_back(std::move(item));
    return slab;
  }

  void add_node(const doc::Quote& node, double indent) {
    const double inset = theme_.body.size * 1.5;
    add_space(theme_.quote.space_before);
    for (const doc::Block& block : node.body) add_quoted_block(block, indent + inset, inset);
    if (!node.attribution.empty()) {
      TextOptions options{&theme_.quote, TextAlignment::right};
      options.left = indent + inset;
      options.right = inset;
      add_text(prefixed("\u2014\u2009", node.attribution), options);
    }
    add_space(theme_.quote.space_after);
    previous_was_paragraph_ = false;
  }

  void add_quoted_block(const doc::Block& block, double left, double right) {
    if (const auto* para = std::get_if<doc::Para>(&block)) {
      TextOptions options{&theme_.quote, theme_.justify ? TextAlignment::justified : TextAlignment::left};
      options.left = left;
      options.right = right;
      options.hyphenate = true;
      from_block(block, [&] { add_text(para->body, options); }, TextSource{});
    } else {
      add_block(block, left);
    }
  }

  void add_node(const doc::PullQuote& node, double indent) {
    const double inset = theme_.body.size * 2;
    push_slab(rule_slab(theme_.quote.leading / 2, indent + inset, inset, 0.75, theme_.rule_color));
    slabs_.back().space_before = std::max(slabs_.back().space_before, theme_.quote.space_before * 2);
    slabs_.back().keep_with_next = true;
    style::TextStyle style = theme_.quote;
    style.size *= 1.35;
    style.leading *= 1.35;
    TextOptions options{&style, TextAlignment::center};
    options.left = indent + inset;
    options.right = inset;
    options.keep_together = true;
    options.keep_with_next = true;
    add_text(node.body, options);
    if (!node.attribution.empty()) {
      TextOptions attribution{&theme_.byline, TextAlignment::center};
      attribution.keep_together = true;
      attribution.keep_with_next = true;
      add_text(node.attribution, attribution);
    }
    pending_space_ = 0;
    push_slab(rule_slab(theme_.quote.leading / 2, indent + inset, inset, 0.75, theme_.rule_color));
    add_space(theme_.quote.space_after * 2);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::Aside& node, double indent) {
    // A teaser set between two rules, in the aside face: visibly not body text.
    push_slab(rule_slab(theme_.aside.leading / 2, indent, 0, 0.5, theme_.aside.color));
    slabs_.back().space_before = std::max(slabs_.back().space_before, theme_.aside.space_before);
    slabs_.back().keep_with_next = true;
    for (const doc::Block& block : node.body) {
      if (const auto* para = std::get_if<doc::Para>(&block)) {
        TextOptions options{&theme_.aside, TextAlignment::left};
        options.left = indent + theme_.aside.size * 0.5;
        options.keep_together = true;
        options.keep_with_next = true;
        options.hyphenate = true;
        from_block(block, [&] { add_text(prefixed("\u25B8\u2002", para->body), options); }, TextSource{0, 1, 0, 0});
        pending_space_ = 0;
      } else {
        add_block(block, indent);
      }
    }
    push_slab(rule_slab(theme_.aside.leading / 2, indent, 0, 0.5, theme_.aside.color));
    add_space(theme_.aside.space_after);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::List& node, double indent) {
    const double marker_width = theme_.body.size * 1.6;
    int number = node.start;
    add_space(theme_.body.leading / 3);
    for (const doc::Blocks& item : node.items) {
      std::string marker = node.ordered ? std::to_string(number++) + "." : "\u2022";
      bool first = true;
      std::size_t item_first = slabs_.size();
      for (const doc::Block& block : item) {
        if (const auto* para = std::get_if<doc::Para>(&block)) {
          TextOptions options{&theme_.body, TextAlignment::left};
          options.left = indent + marker_width;
          options.hyphenate = true;
          std::size_t first_slab = slabs_.size();
          from_block(block, [&] { add_text(para->body, options); }, TextSource{});
          if (first && first_slab < slabs_.size()) add_marker(slabs_[first_slab], marker, indent + marker_width);
          first = false;
        } else {
          add_block(block, indent + marker_width);
        }
      }
      if (wrap_structure(item_first, "LBody")) wrap_structure(item_first, "LI");
    }
    add_space(theme_.body.leading / 3);
    previous_was_paragraph_ = false;
  }

  // Sets a list marker right-aligned before the first line of its item.
  void add_marker(Slab& slab, const std::string& marker, double item_left) {
    StyledText text{marker, {}};
    ParagraphFormat format{&theme_.body, item_left, 0, TextAlignment::left};
    std::vector<SetLine> lines = set_paragraph(fonts_, text, format);
    if (lines.empty()) return;
    double gap = theme_.body.size * 0.5;
    for (GlyphRun& run : lines.front().runs) {
      run.x += item_left - gap - lines.front().width;
      run.y += baseline_offset(theme_.body);
      slab.items.emplace_back(std::move(run));
    }
  }

  // Code keeps every character: monospace, never hyphenated or justified; a
  // line too long for the measure continues on the next with a mark, so
  // nothing is cut and the break cannot be mistaken for the source's own.
  void add_node(const doc::CodeBlock& node, double indent) {
    const style::TextStyle& style = theme_.code;
    const double padding = style.size * 0.75;
    const double available = measure_ - indent - 2 * padding;
    const std::size_t columns = code_columns(available);
    std::vector<std::string> lines;
    std::vector<std::size_t> line_sources;  // bytes into node.text where each line's source line begins
    std::size_t start = 0;
    while (start <= node.text.size()) {
      std::size_t end = node.text.find('\n', start);
      if (end == std::string::npos) end = node.text.size();
      wrap_code_line(expand_tabs(node.text.substr(start, end - start)), columns, lines);
      line_sources.resize(lines.size(), start);
      start = end + 1;
    }
    add_space(style.space_before);
    const style::Color shade = code_shade();
    const double baseline = baseline_offset(style);
    for (std::size_t index = 0; index < lines.size(); ++index) {
      Slab slab;
      const bool first = index == 0, last = index + 1 == lines.size();
      const double top = first ? padding / 2 : 0;
      slab.height = style.leading + top + (last ? padding / 2 : 0);
      // Short blocks stay whole; long ones keep two lines together at a break.
      slab.keep_with_next = !last && (lines.size() <= 6 || index == 0 || index + 2 == lines.size());
      slab.items.emplace_back(BoxItem{indent, 0, measure_ - indent, slab.height, shade});
      if (marking_block_) mark_slab(slab, {*marking_block_, 0, line_sources[index]});
      if (!lines[index].empty()) {
        StyledText text = code_text(lines[index]);
        ParagraphFormat format{&style, 1e6, 0, TextAlignment::left};
        std::vector<SetLine> set = set_paragraph(fonts_, text, format);
        for (SetLine& line : set)
          for (GlyphRun& run : line.runs) {
            run.x += indent + padding;
            run.y += top + baseline;
            slab.items.emplace_back(std::move(run));
          }
      }
      push_slab(std::move(slab));
    }
    add_space(style.space_after);
    previous_was_paragraph_ = false;
  }

  // A line of code, all of it one code span.
  static StyledText code_text(const std::string& line) {
    StyledText text;
    text.text = line;
    StyledSpan span{};
    span.start = 0;
    span.end = line.size();
    span.kind = SpanKind::code;
    text.spans.push_back(span);
    return text;
  }

  // How many characters of the code face fit the measure.
  std::size_t code_columns(double available) {
    const StyledText probe = code_text(std::string(10, '0'));
    ParagraphFormat format{&theme_.code, 1e6, 0, TextAlignment::left};
    std::vector<SetLine> lines = set_paragraph(fonts_, probe, format);
    const double advance = lines.empty() || lines.front().width <= 0 ? theme_.code.size * 0.6 : lines.front().width / 10;
    return std::max<std::size_t>(20, static_cast<std::size_t>(available / advance));
  }

  static std::string expand_tabs(const std::string& line) {
    std::string out;
    std::size_t column = 0;
    for (std::size_t index = 0; index < line.size(); ++index) {
      if (line[index] == '\t') {
        do out += ' ';
        while (++column % 4 != 0);
      } else {
        out += line[index];
        if ((static_cast<unsigned char>(line[index]) & 0xC0) != 0x80) ++column;
      }
    }
    return out;
  }

  // Splits a line at `columns` characters, after a space in the second
  // half of the piece when there is one; continuations start with "↪ ".
  static void wrap_code_line(const std::string& line, std::size_t columns, std::vector<std::string>& out) {
    static const std::string mark = "\u21AA ";
    std::size_t start = 0;
    bool continuation = false;
    do {
      const std::size_t room = continuation ? columns - 2 : columns;
      std::size_t end = start, count = 0, after_space = 0;
      while (end < line.size() && count < room) {
        const bool space = line[end] == ' ';
        ++end;
        while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
        ++count;
        if (space && count > room / 2) after_space = end;
      }
      if (end < line.size() && after_space != 0) end = after_space;
      out.push_back((continuation ? mark : std::string()) + line.substr(start, end - start));
      start = end;
      continuation = true;
    } while (start < line.size());
  }

  static style::Color code_shade() { return {0.95, 0.95, 0.95}; }  // light enough for black text

  // ------------------------------------------------------------ tables

  // A cell's text, measured: its width on one line and its longest word.
  struct TableCellText {
    StyledText text;
    double natural = 0;  // points
    double minimum = 0;  // points
  };
  using TableRowText = std::vector<TableCellText>;

  // A real table: column widths from the content (each column as wide as its
  // longest line if the table fits, else shares of the spare room by how
  // much each column wants, as browsers do), rules under the header and
  // between rows, and the header row repeated at the top of each page the
  // table continues on.
  void add_node(const doc::Table& node, double indent) {
    std::size_t columns = 0;
    for (const auto* rows : {&node.header_rows, &node.body_rows})
      for (const auto& row : *rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    const double gutter = theme_.caption.size;
    const double available = measure_ - indent;

    auto measure_rows = [&](const std::vector<std::vector<doc::TableCell>>& rows, bool header) {
      std::vector<TableRowText> measured;
      for (const auto& row : rows) {
        TableRowText cells(columns);
        for (std::size_t column = 0; column < row.size(); ++column) {
          TableCellText& cell = cells[column];
          cell.text = styled_text(cell_inlines(row[column]), note_numbers_, nullptr);
          if (cell.text.text.empty()) continue;
          const style::TextStyle style = table_style(header);
          cell.natural = widest_line(cell.text, style, 1e6);
          cell.minimum = widest_line(cell.text, style, 1);
        }
        measured.push_back(std::move(cells));
      }
      return measured;
    };
    const std::vector<TableRowText> header_rows = measure_rows(node.header_rows, true);
    const std::vector<TableRowText> body_rows = measure_rows(node.body_rows, false);
    const std::vector<double> widths = column_widths(header_rows, body_rows, columns, available, gutter);
    double table_width = gutter * static_cast<double>(columns - 1);
    for (double width : widths) table_width += width;

    add_space(theme_.body.leading / 2);
    if (!node.caption.empty()) {
      TextOptions caption{&theme_.caption, TextAlignment::left};
      caption.left = indent;
      caption.keep_together = true;
      caption.keep_with_next = true;
      add_text(node.caption, caption);
      pending_space_ = 0;
    }
    // The header rows open the table and are repeated by the page builder
    // at the top of every column the table continues in.
    auto header = std::make_shared<std::vector<Slab>>();
    for (const TableRowText& row : header_rows) {
      Slab slab = table_row_slab(row, widths, node.alignments, indent, gutter, table_width, true);
      slab.keep_with_next = true;
      header->push_back(slab);
      push_slab(std::move(slab));
    }
    for (std::size_t index = 0; index < body_rows.size(); ++index) {
      Slab slab = table_row_slab(body_rows[index], widths, node.alignments, indent, gutter, table_width, false);
      // A row begins where its first cell's first block does.
      for (const doc::TableCell& cell : node.body_rows[index])
        if (!cell.body.empty()) {
          if (marking_block_) mark_slab(slab, {block_numbers_.at(&cell.body.front()), 0, 0});
          break;
        }
      // No row alone at the top or the foot of a column.
      slab.keep_with_next = body_rows.size() > 2 && (index == 0 || index + 2 == body_rows.size());
      if (!header->empty()) slab.repeated_header = header;
      push_slab(std::move(slab));
    }
    if (!slabs_.empty()) slabs_.back().keep_with_next = false;
    add_space(theme_.body.leading / 2);
    previous_was_paragraph_ = false;
  }

  style::TextStyle table_style(bool header) const {
    style::TextStyle style = theme_.caption;
    style.space_before = style.space_after = 0;
    if (header) style.weight = 700;
    return style;
  }

  static doc::Inlines cell_inlines(const doc::TableCell& cell) {
    doc::Inlines inlines;
    for (const doc::Block& block : cell.body) {
      doc::Inlines part = inlines_of(block);
      if (!inlines.empty() && !part.empty()) inlines.emplace_back(doc::LineBreak{});
      inlines.insert(inlines.end(), part.begin(), part.end());
    }
    return inlines;
  }

  double widest_line(const StyledText& text, const style::TextStyle& style, double width) {
    ParagraphFormat format{&style, width, 0, TextAlignment::left};
    double widest = 0;
    for (const SetLine& line : set_paragraph(fonts_, text, format)) widest = std::max(widest, line.width);
    return widest;
  }

  static std::vector<double> column_widths(const std::vector<TableRowText>& header,
                                           const std::vector<TableRowText>& body, std::size_t columns,
                                           double available, double gutter) {
    std::vector<double> natural(columns, 0), minimum(columns, 0);
    for (const auto* rows : {&header, &body})
      for (const TableRowText& row : *rows)
        for (std::size_t column = 0; column < columns; ++column) {
          natural[column] = std::max(natural[column], row[column].natural);
          minimum[column] = std::max(minimum[column], row[column].minimum);
        }
    const double room = available - gutter * static_cast<double>(columns - 1);
    double natural_sum = 0, minimum_sum = 0;
    for (std::size_t column = 0; column < columns; ++column) {
      natural[column] = std::max(natural[column], minimum[column]) + 0.5;  // rounding in the shaper
      natural_sum += natural[column];
      minimum_sum += minimum[column];
    }
    if (natural_sum <= room) return natural;
    std::vector<double> widths(columns);
    if (minimum_sum >= room) {
      // Even the longest words do not fit: every column gives up a share.
      for (std::size_t column = 0; column < columns; ++column)
        widths[column] = room * (minimum_sum > 0 ? minimum[column] / minimum_sum : 1.0 / static_cast<double>(columns));
      return widths;
    }
    const double wanted = natural_sum - minimum_sum;
    for (std::size_t column = 0; column < columns; ++column)
      widths[column] = minimum[column] + (room - minimum_sum) * (natural[column] - minimum[column]) / wanted;
    return widths;
  }

  Slab table_row_slab(const TableRowText& row, const std::vector<double>& widths,
                      const std::vector<doc::Alignment>& alignments, double indent, double gutter, double table_width,
                      bool header) {
    const style::TextStyle style = table_style(header);
    const double padding = style.size * 0.35;  // above and below the text
    Slab slab;
    double row_height = 0;
    double x = indent;
    for (std::size_t column = 0; column < row.size(); ++column) {
      const doc::Alignment alignment = column < alignments.size() ? alignments[column] : doc::Alignment::default_;
      const TextAlignment text_alignment = alignment == doc::Alignment::right    ? TextAlignment::right
                                           : alignment == doc::Alignment::center ? TextAlignment::center
                                                                                  : TextAlignment::left;
      if (!row[column].text.text.empty()) {
        ParagraphFormat format{&style, widths[column], 0, text_alignment};
        std::vector<SetLine> lines = set_paragraph(fonts_, row[column].text, format);
        for (std::size_t index = 0; index < lines.size(); ++index)
          for (GlyphRun& run : lines[index].runs) {
            run.x += x;
            run.y += padding + baseline_offset(style) + static_cast<double>(index) * style.leading;
            slab.items.emplace_back(std::move(run));
          }
        row_height = std::max(row_height, static_cast<double>(lines.size()) * style.leading);
      }
      x += widths[column] + gutter;
    }
    slab.height = std::max(row_height, style.leading) + 2 * padding;
    RuleItem rule;
    rule.x0 = indent;
    rule.x1 = indent + table_width;
    rule.y0 = rule.y1 = slab.height;
    rule.thickness = header ? 0.6 : 0.25;
    rule.color = header ? theme_.body.color : theme_.credit.color;
    slab.items.emplace_back(rule);
    if (header) {
      RuleItem top = rule;
      top.y0 = top.y1 = 0;
      top.thickness = 0.8;
      slab.items.emplace_back(top);
    }
    return slab;
  }

  void add_node(const doc::Rule&, double indent) {
    const double width = measure_ - indent;
    push_slab(rule_slab(theme_.body.leading * 1.5, indent + width / 3, width / 3, 0.5, theme_.credit.color));
    // A section break belongs to what it opens: never alone at a column's foot.
    slabs_.back().keep_with_next = true;
    previous_was_paragraph_ = false;
  }

  // Notes no text refers to are set after the article.
  void add_footnotes() {
    if (notes_set_.size() == document_.footnotes.size()) return;
    push_slab(rule_slab(theme_.body.leading, 0, measure_ * 2 / 3, 0.5, theme_.credit.color));
    slabs_.back().keep_with_next = true;
    for (std::size_t index = 0; index < document_.footnotes.size(); ++index) {
      if (notes_set_.count(index)) continue;
      std::size_t note_first = slabs_.size();
      bool first = true;
      for (const doc::Block& block : document_.footnotes[index].body) {
        doc::Inlines body = first ? prefixed(std::to_string(index + 1) + ".\u2002", inlines_of(block))
                                  : inlines_of(block);
        TextOptions options{&theme_.caption, TextAlignment::left};
        options.hyphenate = true;
        std::optional<TextSource> text;
        if (std::holds_alternative<doc::Para>(block)) text = TextSource{0, first ? 1u : 0u, 0, 0};
        from_block(block, [&] { add_text(body, options); }, text);
        first = false;
      }
      wrap_structure(note_first, "Note");
    }
  }

  // ------------------------------------------------------------ helpers

  // The block's own inlines when it is a paragraph, else its plain text.
  static doc::Inlines inlines_of(const doc::Block& block) {
    if (const auto* para = std::get_if<doc::Para>(&block)) return para->body;
    return doc::inlines_from_text(doc::plain_text(block));
  }

  static doc::Inlines prefixed(const std::string& prefix, const doc::Inlines& body) {
    doc::Inlines result{doc::Str{prefix}};
    result.insert(result.end(), body.begin(), body.end());
    return result;
  }

  // Running head and folio on every page but the first, where the
  // article's own head stands.
  void add_page_furniture(PagedDocument& document) {
    PageFurniture furniture(theme_, fonts_);
    const std::string head = theme_.running_head == style::RunningHead::none ? std::string() : running_head_choice();
    for (std::size_t index = 0; index < document.pages.size(); ++index) {
      if (index > 0) furniture.add(document.pages[index], head, index + 1);
      set_on_its_side(document.pages[index], index + 1, theme_.page);
    }
  }

  // What the theme asks the running head to show: the headline, the
  // publication's name or the article's section, each falling back on the
  // next that the article has.
  std::string running_head_choice() const {
    const doc::Meta& meta = document_.meta;
    const std::string publication = theme_.publication.empty() ? meta.publisher : theme_.publication;
    switch (theme_.running_head) {
      case style::RunningHead::section:
        if (!meta.section.empty()) return meta.section;
        [[fallthrough]];
      case style::RunningHead::publication:
        if (!publication.empty()) return publication;
        break;
      case style::RunningHead::title:
      case style::RunningHead::none: break;
    }
    return meta.title;
  }

  const doc::Document& document_;
  const style::Theme& theme_;
  const ImageLoader& images_;
  ArticleSetting setting_;
  std::unique_ptr<FontSystem> own_fonts_;  // when the setting brings none
  FontSystem& fonts_;
  std::unique_ptr<Hyphenator> own_hyphenator_;  // when the setting brings none
  const Hyphenator& hyphenator_;
  std::unordered_map<const doc::Block*, std::size_t> block_numbers_;  // doc::for_each_block's order
  std::optional<std::size_t> marking_block_;  // the block whose slabs are being made, outside footnotes
  bool block_marked_ = false;                 // its first slab has been marked
  std::optional<TextSource> text_source_;     // set while its own inlines are set
  std::size_t mark_sequence_ = 0;
  ColumnGeometry geometry_;
  double measure_ = 0;  // points: the width of a column, which body text fills
  NoteNumbers note_numbers_;
  std::set<std::size_t> notes_set_;  // footnotes already set at the foot of a column
  std::vector<Slab> slabs_;
  std::vector<OutlineEntry> outline_;
  std::map<std::string, std::string> heading_anchors_;  // heading ids to their anchors' names
  Diagnostics warnings_;
  double pending_space_ = 0;
  bool previous_was_paragraph_ = false;
  BreakParameters break_parameters_;  // the builder's defaults with the theme's [break] over them
  int float_groups_ = 0;               // floats numbered so far
  std::vector<ResettableParagraph> resettable_;  // in the order of their slabs
  bool drop_cap_done_ = false;        // only the article's first paragraph gets one
  style::TextStyle masthead_line_style_;
};

}  // namespace

PagedDocument layout_document(const doc::Document& document, const style::Theme& theme, const ImageLoader& images) {
  return DocumentLayout(document, theme, images).run();
}

ColumnGeometry column_geometry(const style::Theme& theme) {
  const style::PageGeometry& page = theme.page;
  return {page.width,
          page.height,
          page.margin_inner,
          page.margin_top,
          page.width - page.margin_inner - page.margin_outer,
          page.height - page.margin_top - page.margin_bottom,
          page.columns,
          page.gutter,
          theme.body.leading,
          theme.baseline_grid ? theme.body.leading : 0};
}

ArticleSlabs article_slabs(const doc::Document& document, const style::Theme& theme, const ImageLoader& images,
                           const ArticleSetting& setting) {
  return DocumentLayout(document, theme, images, setting).take_slabs();
}

}  // namespace galley::layout
