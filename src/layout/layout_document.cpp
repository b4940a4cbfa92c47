// The layout outline: the article head, then each block as slabs, then the
// page builder, then page furniture.
#include <algorithm>
#include <array>
#include <type_traits>

#include "galley/layout.hpp"
#include "galley/text.hpp"
#include "layout/fonts.hpp"
#include "layout/hyphenate.hpp"
#include "layout/page_builder.hpp"
#include "layout/paragraph.hpp"
#include "layout/styled_text.hpp"

namespace galley::layout {
namespace {

// Where the baseline sits in a line's slab: the leading's extra space split
// around the text, which looks centred for Latin type of any size.
double baseline_offset(const style::TextStyle& style) { return style.leading / 2 + style.size * 0.34; }

class DocumentLayout {
 public:
  DocumentLayout(const doc::Document& document, const style::Theme& theme)
      : document_(document),
        theme_(theme),
        hyphenator_(document.meta.lang.empty() ? theme.lang : document.meta.lang) {
    const style::PageGeometry& page = theme.page;
    geometry_ = {page.width,
                 page.height,
                 page.margin_inner,
                 page.margin_top,
                 page.width - page.margin_inner - page.margin_outer,
                 page.height - page.margin_top - page.margin_bottom};
    for (std::size_t index = 0; index < document.footnotes.size(); ++index)
      note_numbers_[document.footnotes[index].id] = static_cast<int>(index + 1);
  }

  PagedDocument run() {
    add_head();
    for (const doc::Block& block : document_.blocks) add_block(block, 0);
    add_footnotes();
    PagedDocument result{build_pages(std::move(slabs_), geometry_)};
    add_folios(result);
    return result;
  }

 private:
  // ------------------------------------------------------------ text into slabs

  struct TextOptions {
    const style::TextStyle* style;
    TextAlignment alignment = TextAlignment::left;
    double first_indent = 0;  // points
    double left = 0;          // points from the column's left edge
    double right = 0;         // points from the column's right edge
    bool hyphenate = false;
    bool keep_together = false;  // the whole paragraph on one page (headings, captions)
    bool keep_with_next = false;
  };

  void add_text(const doc::Inlines& inlines, const TextOptions& options) {
    StyledText text = styled_text(inlines, note_numbers_, options.hyphenate && theme_.hyphenate ? &hyphenator_ : nullptr);
    add_styled_text(text, options);
  }

  void add_styled_text(const StyledText& text, const TextOptions& options) {
    if (text.text.empty()) return;
    const style::TextStyle& style = *options.style;
    ParagraphFormat format{&style, geometry_.width - options.left - options.right, options.first_indent,
                           options.alignment};
    std::vector<SetLine> lines = set_paragraph(fonts_, text, format);
    const double baseline = baseline_offset(style);
    for (std::size_t index = 0; index < lines.size(); ++index) {
      Slab slab;
      slab.height = style.leading;
      slab.space_before = index == 0 ? style.space_before : 0;
      bool last = index + 1 == lines.size();
      // Two lines at least on each side of a page break: no orphans, no widows.
      bool protects_orphan = index == 0;
      bool protects_widow = index + 2 == lines.size();
      slab.keep_with_next =
          last ? options.keep_with_next : (options.keep_together || protects_orphan || protects_widow);
      for (GlyphRun& run : lines[index].runs) {
        run.x += options.left;
        run.y += baseline;
        slab.items.emplace_back(std::move(run));
      }
      push_slab(std::move(slab));
    }
    add_space(style.space_after);
  }

  // Space after a block is space before the next slab, so that it too is
  // dropped at the top of a page.
  void add_space(double points) { pending_space_ = std::max(pending_space_, points); }

  void push_slab(Slab slab) {
    slab.space_before = std::max(slab.space_before, pending_space_);
    pending_space_ = 0;
    slabs_.push_back(std::move(slab));
  }

  Slab rule_slab(double height, double left, double right, double thickness, const style::Color& color) {
    Slab slab;
    slab.height = height;
    RuleItem rule;
    rule.x0 = left;
    rule.x1 = geometry_.width - right;
    rule.y0 = rule.y1 = height / 2;
    rule.thickness = thickness;
    rule.color = color;
    slab.items.emplace_back(rule);
    return slab;
  }

  // ------------------------------------------------------------ the article head

  void add_head() {
    const doc::Meta& meta = document_.meta;
    add_plain(meta.title, {&theme_.headline, TextAlignment::left});
    add_plain(meta.subtitle, {&theme_.standfirst, TextAlignment::left});
    // Byline, dateline and date share one line, separated by middle dots.
    std::string byline = doc::display_byline(meta);
    for (const std::string& part : {meta.dateline, doc::display_date(meta)})
      if (!part.empty()) byline += (byline.empty() ? "" : "\u2002\u00B7\u2002") + part;
    add_plain(byline, {&theme_.byline, TextAlignment::left});
    push_slab(rule_slab(theme_.body.leading, 0, 0, 0.75, theme_.rule_color));
    slabs_.back().keep_with_next = true;
    previous_was_paragraph_ = false;
  }

  void add_plain(const std::string& text, TextOptions options) {
    options.keep_together = true;
    options.keep_with_next = true;
    add_text(doc::inlines_from_text(text), options);
  }

  // ------------------------------------------------------------ blocks

  void add_block(const doc::Block& block, double indent) {
    std::visit([this, indent](const auto& node) { add_node(node, indent); }, block);
  }

  void add_node(const doc::Para& node, double indent) {
    const style::TextStyle& style = node.role == doc::ParaRole::lede ? theme_.lede : theme_.body;
    TextOptions options{&style, theme_.justify ? TextAlignment::justified : TextAlignment::left};
    options.first_indent = previous_was_paragraph_ ? theme_.paragraph_indent * style.size : 0;
    options.left = indent;
    options.hyphenate = true;
    add_text(node.body, options);
    previous_was_paragraph_ = true;
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
    // Without an image the figure is its caption, set off by a hairline.
    Slab rule = rule_slab(theme_.caption.leading / 2, indent, 0, 0.4, theme_.credit.color);
    rule.space_before = theme_.caption.space_before;
    rule.keep_with_next = true;
    push_slab(std::move(rule));
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
      add_text(node.credit, credit);
      add_space(theme_.caption.space_after);
    }
    previous_was_paragraph_ = false;
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
      add_text(para->body, options);
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
        add_text(prefixed("\u25B8\u2002", para->body), options);
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
      for (const doc::Block& block : item) {
        if (const auto* para = std::get_if<doc::Para>(&block)) {
          TextOptions options{&theme_.body, TextAlignment::left};
          options.left = indent + marker_width;
          options.hyphenate = true;
          std::size_t first_slab = slabs_.size();
          add_text(para->body, options);
          if (first && first_slab < slabs_.size()) add_marker(slabs_[first_slab], marker, indent + marker_width);
          first = false;
        } else {
          add_block(block, indent + marker_width);
        }
      }
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

  void add_node(const doc::CodeBlock& node, double indent) {
    add_space(theme_.code.space_before);
    std::size_t start = 0;
    while (start <= node.text.size()) {
      std::size_t end = node.text.find('\n', start);
      if (end == std::string::npos) end = node.text.size();
      // An empty line of code still takes a line's height.
      StyledText line{end > start ? node.text.substr(start, end - start) : std::string(1, ' '), {}};
      TextOptions options{&theme_.code, TextAlignment::left};
      options.left = indent + theme_.code.size;
      add_styled_text(line, options);
      pending_space_ = 0;
      start = end + 1;
    }
    add_space(theme_.code.space_after);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::Table& node, double indent) {
    // A plain grid of equal columns; each row is kept together.
    std::size_t columns = 0;
    for (const auto* rows : {&node.header_rows, &node.body_rows})
      for (const auto& row : *rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    const double gutter = theme_.body.size;
    const double column_width = (geometry_.width - indent - gutter * static_cast<double>(columns - 1)) /
                                static_cast<double>(columns);
    add_space(theme_.body.leading / 2);
    if (!node.caption.empty()) add_text(node.caption, {&theme_.caption, TextAlignment::left});
    for (const auto* rows : {&node.header_rows, &node.body_rows}) {
      bool header = rows == &node.header_rows;
      for (const auto& row : *rows) {
        Slab slab;
        double row_height = 0;
        for (std::size_t column = 0; column < row.size(); ++column) {
          style::TextStyle style = header ? theme_.heading : theme_.caption;
          style.size = theme_.caption.size;
          style.leading = theme_.caption.leading;
          StyledText text = styled_text(doc::inlines_from_text(doc::plain_text(row[column].body)), note_numbers_, nullptr);
          ParagraphFormat format{&style, column_width, 0, TextAlignment::left};
          std::vector<SetLine> lines = set_paragraph(fonts_, text, format);
          double x = indent + static_cast<double>(column) * (column_width + gutter);
          for (std::size_t index = 0; index < lines.size(); ++index)
            for (GlyphRun& run : lines[index].runs) {
              run.x += x;
              run.y += baseline_offset(style) + static_cast<double>(index) * style.leading;
              slab.items.emplace_back(std::move(run));
            }
          row_height = std::max(row_height, static_cast<double>(lines.size()) * style.leading);
        }
        slab.height = row_height + 3;
        RuleItem rule;
        rule.x0 = indent;
        rule.x1 = geometry_.width;
        rule.y0 = rule.y1 = slab.height - 1;
        rule.thickness = header ? 0.6 : 0.25;
        rule.color = theme_.credit.color;
        slab.items.emplace_back(rule);
        slab.keep_with_next = header;
        push_slab(std::move(slab));
      }
    }
    add_space(theme_.body.leading / 2);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::Rule&, double indent) {
    const double width = geometry_.width - indent;
    push_slab(rule_slab(theme_.body.leading * 1.5, indent + width / 3, width / 3, 0.5, theme_.credit.color));
    previous_was_paragraph_ = false;
  }

  void add_footnotes() {
    if (document_.footnotes.empty()) return;
    push_slab(rule_slab(theme_.body.leading, 0, geometry_.width * 2 / 3, 0.5, theme_.credit.color));
    slabs_.back().keep_with_next = true;
    for (std::size_t index = 0; index < document_.footnotes.size(); ++index) {
      bool first = true;
      for (const doc::Block& block : document_.footnotes[index].body) {
        doc::Inlines body = first ? prefixed(std::to_string(index + 1) + ".\u2002", inlines_of(block))
                                  : inlines_of(block);
        TextOptions options{&theme_.caption, TextAlignment::left};
        options.hyphenate = true;
        add_text(body, options);
        first = false;
      }
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

  void add_folios(PagedDocument& document) {
    const style::TextStyle& style = theme_.folio;
    for (Page& page : document.pages) {
      StyledText text{page.label, {}};
      ParagraphFormat format{&style, geometry_.width, 0, TextAlignment::center};
      std::vector<SetLine> lines = set_paragraph(fonts_, text, format);
      if (lines.empty()) continue;
      // Half-way down the bottom margin.
      double baseline = page.height - theme_.page.margin_bottom / 2 + style.size / 3;
      for (GlyphRun& run : lines.front().runs) {
        run.x += geometry_.left;
        run.y += baseline;
        page.items.emplace_back(std::move(run));
      }
    }
  }

  const doc::Document& document_;
  const style::Theme& theme_;
  FontSystem fonts_;
  Hyphenator hyphenator_;
  ColumnGeometry geometry_;
  NoteNumbers note_numbers_;
  std::vector<Slab> slabs_;
  double pending_space_ = 0;
  bool previous_was_paragraph_ = false;
};

}  // namespace

PagedDocument layout_document(const doc::Document& document, const style::Theme& theme) {
  return DocumentLayout(document, theme).run();
}

}  // namespace galley::layout
