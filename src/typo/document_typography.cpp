// The one typography pass every reader's document goes through (registry's
// read_document): the language's quotes, apostrophes, dashes and ellipses
// on all the text of the model, so that a spaced hyphen or a straight quote
// comes out the same whatever the input format.
#include "typo/typography.hpp"

#include <glib.h>

#include <variant>

namespace galley::typo {
namespace {

class DocumentTypography {
 public:
  explicit DocumentTypography(const TypographyRules& rules) : rules_(rules) {}

  void blocks(doc::Blocks& blocks) {
    for (doc::Block& block : blocks) std::visit([this](auto& node) { this->block(node); }, block);
  }

  // Each run of words between marks (emphasis, a link, code) is set on its
  // own, with a stand-in letter for the text of a mark beside it, so that a
  // quote before "*Hello*" opens and the one after it closes.
  void inlines(doc::Inlines& inlines) {
    doc::Inlines out;
    out.reserve(inlines.size());
    std::size_t index = 0;
    while (index < inlines.size()) {
      if (!is_plain(inlines[index])) {
        std::visit([this](auto& node) { this->marked(node); }, inlines[index]);
        out.push_back(std::move(inlines[index++]));
        continue;
      }
      const std::size_t start = index;
      std::string text;
      for (; index < inlines.size() && is_plain(inlines[index]); ++index)
        text += std::holds_alternative<doc::Str>(inlines[index]) ? std::get<doc::Str>(inlines[index]).text : " ";
      const bool mark_before = start > 0 && is_word_mark(out.back());
      const bool mark_after = index < inlines.size() && is_word_mark(inlines[index]);
      std::string set = apply_typography(std::string(mark_before ? "x" : "") + text + (mark_after ? "x" : ""), rules_);
      if (mark_before) set.erase(0, 1);
      if (mark_after) set.pop_back();
      split_words(set, out);
    }
    inlines = std::move(out);
  }

  std::string text(const std::string& text) const { return apply_typography(text, rules_); }

 private:
  static bool is_plain(const doc::Inline& item) {
    return std::holds_alternative<doc::Str>(item) || std::holds_alternative<doc::Space>(item);
  }

  // A mark whose text touches the words beside it (not a line break, after
  // which a quote opens as at the start).
  static bool is_word_mark(const doc::Inline& item) {
    return !std::holds_alternative<doc::LineBreak>(item) && !std::holds_alternative<doc::SoftBreak>(item);
  }

  // The text back as words and spaces, a space at either end kept.
  static void split_words(std::string_view text, doc::Inlines& out) {
    std::size_t position = 0;
    while (position < text.size()) {
      if (text[position] == ' ') {
        while (position < text.size() && text[position] == ' ') ++position;
        out.emplace_back(doc::Space{});
        continue;
      }
      const std::size_t end = std::min(text.find(' ', position), text.size());
      out.emplace_back(doc::Str{std::string(text.substr(position, end - position))});
      position = end;
    }
  }

  template <typename Node>
  void marked(Node& node) {
    if constexpr (std::is_same_v<Node, doc::Emph> || std::is_same_v<Node, doc::Strong> ||
                  std::is_same_v<Node, doc::Strikeout> || std::is_same_v<Node, doc::Link>)
      inlines(node.body);
  }

  void block(doc::Para& node) { inlines(node.body); }
  void block(doc::Heading& node) { inlines(node.body); }
  void block(doc::Figure& node) {
    inlines(node.caption);
    inlines(node.credit);
    node.alt = text(node.alt);
  }
  void block(doc::Quote& node) {
    blocks(node.body);
    inlines(node.attribution);
  }
  void block(doc::PullQuote& node) {
    inlines(node.body);
    inlines(node.attribution);
  }
  void block(doc::Aside& node) { blocks(node.body); }
  void block(doc::List& node) {
    for (doc::Blocks& item : node.items) blocks(item);
  }
  void block(doc::Table& node) {
    inlines(node.caption);
    for (auto* rows : {&node.header_rows, &node.body_rows})
      for (auto& row : *rows)
        for (doc::TableCell& cell : row) blocks(cell.body);
  }
  void block(doc::CodeBlock&) {}  // code is left as written
  void block(doc::Rule&) {}

  const TypographyRules& rules_;
};

}  // namespace

void apply_typography(doc::Document& document) {
  const TypographyRules rules = typography_for(document.meta.lang);
  DocumentTypography typography(rules);
  doc::Meta& meta = document.meta;
  for (std::string* field : {&meta.title, &meta.subtitle, &meta.byline, &meta.dateline})
    *field = typography.text(*field);
  typography.blocks(document.blocks);
  for (doc::Footnote& note : document.footnotes) typography.blocks(note.body);
}

}  // namespace galley::typo
