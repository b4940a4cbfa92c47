// The layout outline: the article head, then each block as slabs, then the
// page builder, then page furniture. Each kind of block with a geometry of
// its own is set in blocks/; the slab writer sets text into slabs; the
// source marks trace slabs back to the model for the EPUB's page list.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "galley/layout.hpp"
#include "galley/text.hpp"
#include "layout/article_slabs.hpp"
#include "layout/blocks/article_head.hpp"
#include "layout/blocks/code_block.hpp"
#include "layout/blocks/drop_cap.hpp"
#include "layout/blocks/figure.hpp"
#include "layout/blocks/notes.hpp"
#include "layout/blocks/table.hpp"
#include "layout/fonts.hpp"
#include "layout/inline/hyphenate.hpp"
#include "layout/pages/page_builder.hpp"
#include "layout/inline/paragraph.hpp"
#include "layout/pages/running_head.hpp"
#include "layout/slab_writer.hpp"
#include "layout/source_marks.hpp"

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
        own_hyphenator_(setting.hyphenators ? nullptr : std::make_unique<Hyphenator>(language())),
        hyphenator_(setting.hyphenators ? setting.hyphenators->for_language(language()) : *own_hyphenator_),
        marks_(document, setting.part),
        writer_(document, theme, fonts_, hyphenator_, marks_, setting.anchor_prefix),
        notes_(writer_) {
    if (setting.own_pages) writer_.set_own_pages();
  }

  PagedDocument run() {
    set_slabs();
    // Alone, an article's pages are known here (not in an edition's make-up).
    if (writer_.avoid_runt_last_page()) writer_.avoid_hyphens_at_column_ends();
    PagedDocument result{build_pages(writer_.take_slabs(), writer_.geometry()), writer_.take_outline(),
                         writer_.take_warnings()};
    find_page_beginnings(result.pages, marks_.article_end());
    add_article_furniture(result, theme_, fonts_, document_.meta);
    return result;
  }

  ArticleSlabs take_slabs() {
    const std::size_t first_own = setting_.lead_in.size();
    writer_.slabs() = std::move(setting_.lead_in);
    set_slabs();
    if (setting_.own_pages && writer_.avoid_runt_last_page()) writer_.avoid_hyphens_at_column_ends();
    return {writer_.take_slabs(), first_own, writer_.take_outline(), writer_.take_warnings()};
  }

 private:
  std::string language() const { return document_.meta.lang.empty() ? theme_.lang : document_.meta.lang; }

  void set_slabs() {
    add_article_head(writer_, setting_);
    previous_was_paragraph_ = false;
    for (const doc::Block& block : document_.blocks) add_block(block, 0);
    notes_.add_unreferred();
    if (setting_.looseness != 0) writer_.change_line_count(setting_.looseness);
    writer_.avoid_hyphens_at_column_ends();
  }

  std::vector<Slab>& slabs() { return writer_.slabs(); }

  void add_block(const doc::Block& block, double indent) {
    std::size_t first = slabs().size();
    // A paragraph's and a heading's lines are traced to places in their text.
    std::optional<TextSource> text;
    if (std::holds_alternative<doc::Para>(block) || std::holds_alternative<doc::Heading>(block)) text = TextSource{};
    writer_.from_block(block, [&] { std::visit([this, indent](const auto& node) { add_node(node, indent); }, block); },
                       text);
    writer_.wrap_structure(first, structure_tag(block));
    // A figure of the article's flow floats to a column's foot or head; one
    // that something before it keeps hold of (a heading, the headline)
    // stays where it is, and so does one inside a list or quotation.
    std::vector<Slab>& flow = slabs();
    if (setting_.float_figures && std::holds_alternative<doc::Figure>(block) && indent == 0 && first > 0 &&
        first < flow.size() &&
        !flow[first - 1].keep_with_next && !flow[first].spans_columns) {
      ++float_groups_;
      for (std::size_t k = first; k < flow.size(); ++k) {
        flow[k].float_group = float_groups_;
        for (Item& item : flow[k].items)
          if (auto* mark = std::get_if<SourceMarkItem>(&item)) mark->floated = true;
      }
      writer_.drop_pending_space();  // the page builder puts its own gap around a float
    }
    if (const auto* heading = std::get_if<doc::Heading>(&block))
      writer_.add_anchor(first, doc::plain_text(heading->body), heading->level, heading->id);
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

  void add_node(const doc::Para& node, double indent) {
    const style::TextStyle& style = node.role == doc::ParaRole::lede ? theme_.lede : theme_.body;
    TextOptions options{&style, theme_.justify ? TextAlignment::justified : TextAlignment::left};
    options.first_indent = previous_was_paragraph_ ? theme_.paragraph_indent * style.size : 0;
    options.left = indent;
    options.hyphenate = true;
    if (previous_was_paragraph_) writer_.add_space(theme_.paragraph_spacing);
    if (theme_.drop_cap.enabled && !drop_cap_done_ && indent == 0) {
      drop_cap_done_ = true;  // only the article's first paragraph gets one
      if (add_drop_cap_paragraph(writer_, node.body, options)) {
        previous_was_paragraph_ = true;
        return;
      }
    }
    writer_.add_text(node.body, options);
    previous_was_paragraph_ = true;
  }

  void add_node(const doc::Heading& node, double indent) {
    TextOptions options{&theme_.heading, TextAlignment::left};
    options.left = indent;
    options.keep_together = true;
    options.keep_with_next = true;
    writer_.add_text(node.body, options);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::Figure& node, double indent) {
    add_figure(writer_, node, indent, images_);
    previous_was_paragraph_ = false;
  }

  // How far one more level of a quotation or list moves its text in: the
  // level's own inset, less where deep nesting would leave its words less
  // than a third of the measure (at most 12 em): past that, levels stop
  // moving in, so no word is ever split for want of room.
  double nested_inset(double indent, double inset, double right = 0) const {
    const double minimum = std::min(writer_.measure() / 3, theme_.body.size * 12);
    return std::clamp(writer_.measure() - indent - right - minimum, 0.0, inset);
  }

  void add_node(const doc::Quote& node, double indent) {
    const double right = theme_.body.size * 1.5;
    const double inset = nested_inset(indent, right, right);
    writer_.add_space(theme_.quote.space_before);
    for (const doc::Block& block : node.body) add_quoted_block(block, indent + inset, right);
    if (!node.attribution.empty()) {
      TextOptions options{&theme_.quote, TextAlignment::right};
      options.left = indent + inset;
      options.right = right;
      writer_.add_text(prefixed("\u2014\u2009", node.attribution), options);
    }
    writer_.add_space(theme_.quote.space_after);
    previous_was_paragraph_ = false;
  }

  void add_quoted_block(const doc::Block& block, double left, double right) {
    if (const auto* para = std::get_if<doc::Para>(&block)) {
      TextOptions options{&theme_.quote, theme_.justify ? TextAlignment::justified : TextAlignment::left};
      options.left = left;
      options.right = right;
      options.hyphenate = true;
      writer_.from_block(block, [&] { writer_.add_text(para->body, options); }, TextSource{});
    } else {
      add_block(block, left);
    }
  }

  void add_node(const doc::PullQuote& node, double indent) {
    const double inset = theme_.body.size * 2;
    writer_.push_slab(writer_.rule_slab(theme_.quote.leading / 2, indent + inset, inset, 0.75, theme_.rule_color));
    slabs().back().space_before = std::max(slabs().back().space_before, theme_.quote.space_before * 2);
    slabs().back().keep_with_next = true;
    style::TextStyle style = theme_.quote;
    style.size *= 1.35;
    style.leading *= 1.35;
    TextOptions options{&style, TextAlignment::center};
    options.left = indent + inset;
    options.right = inset;
    options.keep_together = true;
    options.keep_with_next = true;
    writer_.add_text(node.body, options);
    if (!node.attribution.empty()) {
      TextOptions attribution{&theme_.byline, TextAlignment::center};
      attribution.keep_together = true;
      attribution.keep_with_next = true;
      writer_.add_text(node.attribution, attribution);
    }
    writer_.drop_pending_space();
    writer_.push_slab(writer_.rule_slab(theme_.quote.leading / 2, indent + inset, inset, 0.75, theme_.rule_color));
    writer_.add_space(theme_.quote.space_after * 2);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::Aside& node, double indent) {
    // A teaser set between two rules, in the aside face: visibly not body text.
    writer_.push_slab(writer_.rule_slab(theme_.aside.leading / 2, indent, 0, 0.5, theme_.aside.color));
    slabs().back().space_before = std::max(slabs().back().space_before, theme_.aside.space_before);
    slabs().back().keep_with_next = true;
    for (const doc::Block& block : node.body) {
      if (const auto* para = std::get_if<doc::Para>(&block)) {
        TextOptions options{&theme_.aside, TextAlignment::left};
        options.left = indent + theme_.aside.size * 0.5;
        options.keep_together = true;
        options.keep_with_next = true;  // display type: never hyphenated
        writer_.from_block(block, [&] { writer_.add_text(prefixed("\u25B8\u2002", para->body), options); },
                           TextSource{0, 1, 0, 0});
        writer_.drop_pending_space();
      } else {
        add_block(block, indent);
      }
    }
    writer_.push_slab(writer_.rule_slab(theme_.aside.leading / 2, indent, 0, 0.5, theme_.aside.color));
    writer_.add_space(theme_.aside.space_after);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::List& node, double indent) {
    const double marker_width = nested_inset(indent, theme_.body.size * 1.6);
    int number = node.start;
    writer_.add_space(theme_.body.leading / 3);
    for (const doc::Blocks& item : node.items) {
      std::string marker = node.ordered ? std::to_string(number++) + "." : "\u2022";
      bool first = true;
      std::size_t item_first = slabs().size();
      for (const doc::Block& block : item) {
        if (const auto* para = std::get_if<doc::Para>(&block)) {
          TextOptions options{&theme_.body, TextAlignment::left};
          options.left = indent + marker_width;
          options.hyphenate = true;
          std::size_t first_slab = slabs().size();
          writer_.from_block(block, [&] { writer_.add_text(para->body, options); }, TextSource{});
          if (first && first_slab < slabs().size()) add_marker(slabs()[first_slab], marker, indent + marker_width);
          first = false;
        } else {
          add_block(block, indent + marker_width);
        }
      }
      if (writer_.wrap_structure(item_first, "LBody")) writer_.wrap_structure(item_first, "LI");
    }
    writer_.add_space(theme_.body.leading / 3);
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
    add_code_block(writer_, node, indent);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::Table& node, double indent) {
    add_table(writer_, node, indent);
    previous_was_paragraph_ = false;
  }

  void add_node(const doc::Rule&, double indent) {
    const double width = writer_.measure() - indent;
    writer_.push_slab(
        writer_.rule_slab(theme_.body.leading * 1.5, indent + width / 3, width / 3, 0.5, theme_.credit.color));
    // A section break belongs to what it opens: never alone at a column's foot.
    slabs().back().keep_with_next = true;
    previous_was_paragraph_ = false;
  }

  const doc::Document& document_;
  const style::Theme& theme_;
  const ImageLoader& images_;
  ArticleSetting setting_;
  std::unique_ptr<FontSystem> own_fonts_;  // when the setting brings none
  FontSystem& fonts_;
  std::unique_ptr<Hyphenator> own_hyphenator_;  // when the setting brings none
  const Hyphenator& hyphenator_;
  SourceMarks marks_;
  SlabWriter writer_;
  Notes notes_;
  bool previous_was_paragraph_ = false;
  bool drop_cap_done_ = false;
  int float_groups_ = 0;  // floats numbered so far
};

}  // namespace

PagedDocument layout_document(const doc::Document& document, const style::Theme& theme, const ImageLoader& images) {
  ArticleSetting alone;
  alone.own_pages = true;
  return DocumentLayout(document, theme, images, alone).run();
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
          theme.baseline_grid ? theme.body.leading : 0,
          std::nullopt};
}

ArticleSlabs article_slabs(const doc::Document& document, const style::Theme& theme, const ImageLoader& images,
                           const ArticleSetting& setting) {
  return DocumentLayout(document, theme, images, setting).take_slabs();
}

}  // namespace galley::layout
