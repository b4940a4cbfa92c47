// The Markdown reader: CommonMark plus the GFM extensions (tables,
// strikethrough, autolinks, task lists) and footnotes, parsed by cmark-gfm;
// YAML front matter by yaml-cpp. This file only maps cmark's tree onto the
// document model.
//
// Raw HTML is never passed through: an HTML block that is well-formed XML
// keeps its text content (as paragraphs), anything else is dropped with a
// warning; inline tags are dropped and the text between them stays.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "galley/text.hpp"
#include "read/front_matter.hpp"
#include "read/plaintext_rules.hpp"
#include "read/readers.hpp"

#include "read/descent.hpp"
#include "read/text_decoding.hpp"
#include "support/url_scheme.hpp"

namespace galley::read {
namespace {

// ---------------------------------------------------------------- cmark owners

struct ParserFree {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using ParserPointer = std::unique_ptr<cmark_parser, ParserFree>;
using NodePointer = std::unique_ptr<cmark_node, NodeFree>;

// The one place cmark's failures are checked: it reports them as null.
template <class Pointer>
Pointer checked(Pointer pointer, const std::string& file_name, const char* what) {
  if (!pointer) throw Error(ErrorKind::internal, file_name, std::string("cmark-gfm failed ") + what);
  return pointer;
}

NodePointer parse_markdown(const std::string& text, const std::string& file_name) {
  cmark_gfm_core_extensions_ensure_registered();
  // No CMARK_OPT_SMART: cmark's smart punctuation is English only; quotes
  // and dashes come from the language's rules, once for every reader
  // (typo::apply_typography in read_document).
  ParserPointer parser = checked(ParserPointer(cmark_parser_new(CMARK_OPT_FOOTNOTES)), file_name,
                                 "to create a parser");
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
    if (extension == nullptr || cmark_parser_attach_syntax_extension(parser.get(), extension) == 0)
      throw Error(ErrorKind::internal, file_name, std::string("cmark-gfm lacks the extension ") + name);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return checked(NodePointer(cmark_parser_finish(parser.get())), file_name, "to parse");
}

// ---------------------------------------------------------------- front matter

struct FrontMatter {
  std::string yaml;
  int first_line = 0;        // of the YAML text
  std::size_t body_start = 0;  // byte offset of the Markdown after the closing fence
  int body_first_line = 1;
};

// A leading "---" line, YAML, then a "---" or "..." line, as pandoc and
// static site generators write it. Only the fences are found here; the YAML
// itself is yaml-cpp's to read.
std::optional<FrontMatter> split_front_matter(const std::string& text) {
  auto line_at = [&](std::size_t start) {
    std::size_t end = text.find('\n', start);
    return std::string_view(text).substr(start, (end == std::string::npos ? text.size() : end) - start);
  };
  auto is_fence = [](std::string_view line, bool closing) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
  };
  if (!is_fence(line_at(0), false)) return std::nullopt;
  std::size_t position = text.find('\n');
  if (position == std::string::npos) return std::nullopt;
  ++position;
  // Front matter opens with a "key:" line (or a comment); "---" followed by
  // a blank line or by prose is a thematic break, as in pandoc.
  std::string_view first = line_at(position);
  if (first.find_first_not_of(" \t") == std::string_view::npos) return std::nullopt;
  if (first.front() != '#') {
    const std::size_t colon = first.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        (colon + 1 < first.size() && first[colon + 1] != ' ' && first[colon + 1] != '\t'))
      return std::nullopt;
    const std::string_view key = first.substr(0, colon);
    if (!std::all_of(key.begin(), key.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ' ' || c == '"' || c == '\'';
        }))
      return std::nullopt;
  }
  int line_number = 2;
  while (position <= text.size()) {
    std::string_view line = line_at(position);
    if (is_fence(line, true)) {
      FrontMatter front;
      front.first_line = 2;
      std::size_t yaml_start = text.find('\n') + 1;
      front.yaml = text.substr(yaml_start, position - yaml_start);
      front.body_start = std::min(text.size(), position + line.size() + 1);
      front.body_first_line = line_number + 1;
      return front;
    }
    if (position + line.size() >= text.size()) break;
    position += line.size() + 1;
    ++line_number;
  }
  return std::nullopt;  // no closing fence: the dashes were a rule after all
}

// ---------------------------------------------------------------- the tree walk

std::string literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? literal : "";
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string_view type_name(cmark_node* node) { return cmark_node_get_type_string(node); }


class Converter {
 public:
  Converter(const std::string& file_name, int line_offset, int max_depth, Diagnostics& diagnostics)
      : file_name_(file_name), line_offset_(line_offset), max_depth_(max_depth), diagnostics_(diagnostics) {}

  void convert(cmark_node* root, doc::Document& document) {
    for (cmark_node* child = cmark_node_first_child(root); child; child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION) {
        // cmark-gfm moves the definitions to the end, in the order of their
        // first reference, and numbers the references to match.
        doc::Footnote note;
        note.id = std::to_string(document.footnotes.size() + 1);
        note.body = blocks_of(child);
        document.footnotes.push_back(std::move(note));
      } else {
        add_block(child, document.blocks);
      }
    }
  }

 private:
  int line_of(cmark_node* node) const { return cmark_node_get_start_line(node) + line_offset_; }

  void warn(cmark_node* node, std::string message) {
    diagnostics_.push_back({file_name_, line_of(node), std::move(message)});
  }

  using Descent = detail::Descent;

  bool too_deep(cmark_node* node) {
    if (depth_ < max_depth_) return false;
    if (!warned_depth_)
      warn(node, "nested more than " + std::to_string(max_depth_) + " levels deep; the deeper levels are kept as text (see --max-depth)");
    warned_depth_ = true;
    return true;
  }

  doc::Blocks blocks_of(cmark_node* parent) {
    doc::Blocks blocks;
    Descent descent(depth_);
    if (too_deep(parent)) {
      add_flattened_blocks(parent, blocks);
      return blocks;
    }
    for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child))
      add_block(child, blocks);
    return blocks;
  }

  // Below the depth limit, every leaf block of the subtree in document order,
  // found with cmark's iterator rather than by recursion.
  void add_flattened_blocks(cmark_node* parent, doc::Blocks& out) {
    cmark_iter* iterator = cmark_iter_new(parent);
    if (!iterator) throw Error(ErrorKind::internal, file_name_, "cmark-gfm failed to walk the tree");
    std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> owner(iterator, cmark_iter_free);
    for (cmark_event_type event; (event = cmark_iter_next(iterator)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iterator);
      if (event != CMARK_EVENT_ENTER || node == parent) continue;
      const cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CODE_BLOCK ||
          type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_THEMATIC_BREAK) {
        add_block(node, out);
        cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT);  // its inlines are add_block's
      }
    }
  }

  // Below the depth limit, the words of an inline subtree as plain text.
  void add_flattened_inlines(cmark_node* parent, doc::Inlines& out) {
    cmark_iter* iterator = cmark_iter_new(parent);
    if (!iterator) throw Error(ErrorKind::internal, file_name_, "cmark-gfm failed to walk the tree");
    std::unique_ptr<cmark_iter, void (*)(cmark_iter*)> owner(iterator, cmark_iter_free);
    for (cmark_event_type event; (event = cmark_iter_next(iterator)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iterator);
      if (event != CMARK_EVENT_ENTER) continue;
      const cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
        add_text(literal_of(node), out);
      else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        add_text(" ", out);
    }
  }

  void add_block(cmark_node* node, doc::Blocks& out) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        add_paragraph(node, out);
        return;
      case CMARK_NODE_HEADING: {
        doc::Heading heading;
        heading.level = cmark_node_get_heading_level(node);
        heading.body = inlines_of(node);
        out.emplace_back(std::move(heading));
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        out.emplace_back(doc::Quote{blocks_of(node), {}});
        return;
      case CMARK_NODE_LIST:
        out.emplace_back(list_of(node));
        return;
      case CMARK_NODE_CODE_BLOCK: {
        doc::CodeBlock code;
        std::string info = cmark_node_get_fence_info(node) ? cmark_node_get_fence_info(node) : "";
        code.language = info.substr(0, info.find_first_of(" \t{"));
        code.text = literal_of(node);
        while (!code.text.empty() && code.text.back() == '\n') code.text.pop_back();
        out.emplace_back(std::move(code));
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        out.emplace_back(doc::Rule{});
        return;
      case CMARK_NODE_HTML_BLOCK:
        add_html_block(node, out);
        return;
      default:
        break;
    }
    if (type_name(node) == "table") {
      out.emplace_back(table_of(node));
      return;
    }
    // Anything else (a custom block from an extension) keeps its content.
    doc::Blocks inner = blocks_of(node);
    out.insert(out.end(), std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
  }

  // "… the quay at dawn. Photo: Jane Doe": the credit goes apart from the
  // caption, as the plain-text and HTML readers split it
  // (detail::split_credit); the alt text keeps the description alone.
  static void split_caption_credit(doc::Figure& figure) {
    std::optional<detail::CaptionParts> parts = detail::split_credit(doc::plain_text(figure.caption));
    if (!parts) return;
    figure.caption = doc::inlines_from_text(parts->caption);
    figure.credit = doc::inlines_from_text(parts->credit);
    figure.credit_label = parts->label;
    if (!parts->caption.empty()) figure.alt = parts->caption;
  }

  // A paragraph that is one local image is a figure, as in pandoc's
  // implicit_figures; the image's description is its caption and alt text.
  void add_paragraph(cmark_node* node, doc::Blocks& out) {
    cmark_node* only = cmark_node_first_child(node);
    if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
      std::string url = cmark_node_get_url(only) ? cmark_node_get_url(only) : "";
      if (!url.empty() && !has_url_scheme(url)) {
        doc::Figure figure;
        figure.src = url;
        figure.source_line.line = line_of(node);
        figure.caption = inlines_of(only);
        figure.alt = doc::plain_text(figure.caption);
        std::string title = cmark_node_get_title(only) ? cmark_node_get_title(only) : "";
        figure.title = title;
        if (figure.caption.empty() && !title.empty()) figure.caption = doc::inlines_from_text(title);
        split_caption_credit(figure);
        out.emplace_back(std::move(figure));
        return;
      }
    }
    doc::Inlines body = inlines_of(node);
    if (!body.empty()) out.emplace_back(doc::Para{std::move(body), doc::ParaRole::body});
  }

  doc::List list_of(cmark_node* node) {
    doc::List list;
    list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    list.start = list.ordered ? cmark_node_get_list_start(node) : 1;
    for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
      doc::Blocks blocks = blocks_of(item);
      if (type_name(item) == "tasklist") {
        // The box is part of the item's text in both outputs.
        std::string box = cmark_gfm_extensions_get_tasklist_item_checked(item) ? "\u2612" : "\u2610";
        auto* para = blocks.empty() ? nullptr : std::get_if<doc::Para>(&blocks.front());
        if (para) {
          para->body.insert(para->body.begin(), {doc::Str{box}, doc::Space{}});
        } else {
          blocks.insert(blocks.begin(), doc::Para{{doc::Str{box}}, doc::ParaRole::body});
        }
      }
      list.items.push_back(std::move(blocks));
    }
    return list;
  }

  doc::Table table_of(cmark_node* node) {
    doc::Table table;
    const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
    const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
    for (uint16_t column = 0; column < columns; ++column) {
      switch (alignments ? alignments[column] : 0) {
        case 'l': table.alignments.push_back(doc::Alignment::left); break;
        case 'c': table.alignments.push_back(doc::Alignment::center); break;
        case 'r': table.alignments.push_back(doc::Alignment::right); break;
        default: table.alignments.push_back(doc::Alignment::default_); break;
      }
    }
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
      std::vector<doc::TableCell> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        doc::Inlines body = inlines_of(cell);
        doc::TableCell table_cell;
        if (!body.empty()) table_cell.body.emplace_back(doc::Para{std::move(body), doc::ParaRole::body});
        cells.push_back(std::move(table_cell));
      }
      (cmark_gfm_extensions_get_table_row_is_header(row) ? table.header_rows : table.body_rows)
          .push_back(std::move(cells));
    }
    return table;
  }

  void add_html_block(cmark_node* node, doc::Blocks& out) {
    const std::string html = literal_of(node);
    std::string_view trimmed = html;
    trimmed.remove_prefix(std::min(trimmed.size(), trimmed.find_first_not_of(" \t\n")));
    if (trimmed.substr(0, 4) == "<!--") return;  // a comment was never meant to be read
    // Well-formed markup keeps its words; its tags and attributes (scripts,
    // styles, event handlers) never reach an output.
    pugi::xml_document fragment;
    const pugi::xml_parse_result parsed =
        fragment.load_buffer(html.data(), html.size(), pugi::parse_default | pugi::parse_fragment, pugi::encoding_utf8);
    if (!parsed) {
      warn(node, "raw HTML that is not well-formed dropped");
      return;
    }
    std::string text;
    collect_text(fragment, text);
    doc::Inlines body = doc::inlines_from_text(text);
    if (!body.empty()) out.emplace_back(doc::Para{std::move(body), doc::ParaRole::body});
    warn(node, "raw HTML kept as its text only");
  }

  // Walks the fragment in document order without recursion: a hostile
  // block can nest elements thousands deep.
  static void collect_text(pugi::xml_node root, std::string& text) {
    // Block elements end words; inline ones (<b>, <a>) sit inside them.
    static const std::set<std::string_view> blocks = {"p", "div", "li", "ul", "ol", "br", "tr", "td", "th",
                                                      "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
                                                      "blockquote", "pre", "dd", "dt", "figure", "figcaption"};
    auto is_block = [](pugi::xml_node node) { return blocks.count(node.name()) != 0; };
    pugi::xml_node node = root.first_child();
    while (node) {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        text += node.value();
      } else if (node.type() == pugi::node_element) {
        std::string_view name = node.name();
        if (name != "script" && name != "style") {
          if (is_block(node)) text += ' ';
          if (node.first_child()) {
            node = node.first_child();
            continue;
          }
          if (is_block(node)) text += ' ';
        }
      }
      // The next node in document order: a sibling, else up, closing each block left.
      while (node != root && !node.next_sibling()) {
        node = node.parent();
        if (node != root && is_block(node)) text += ' ';
      }
      if (node == root) break;
      node = node.next_sibling();
    }
  }

  // ------------------------------------------------------------ inlines

  doc::Inlines inlines_of(cmark_node* parent) {
    doc::Inlines inlines;
    Descent descent(depth_);
    bool skipping_script = false;
    if (too_deep(parent))
      add_flattened_inlines(parent, inlines);
    else
      for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
        // What lies between <script> and </script> (or <style>) is code, never words.
        if (cmark_node_get_type(child) == CMARK_NODE_HTML_INLINE) {
          const std::string tag = lowercase(literal_of(child));
          if (tag.rfind("<script", 0) == 0 || tag.rfind("<style", 0) == 0) skipping_script = true;
          if (tag.rfind("</script", 0) == 0 || tag.rfind("</style", 0) == 0) skipping_script = false;
        }
        if (!skipping_script) add_inline(child, inlines);
      }
    // Markdown text nodes split words at punctuation cmark treats specially
    // ("don" "'" "t"); Str runs that touch are one word again.
    return merge_adjacent_text(std::move(inlines));
  }

  static doc::Inlines merge_adjacent_text(doc::Inlines inlines) {
    doc::Inlines merged;
    for (doc::Inline& item : inlines) {
      if (auto* str = std::get_if<doc::Str>(&item); str && !merged.empty())
        if (auto* previous = std::get_if<doc::Str>(&merged.back())) {
          previous->text += str->text;
          continue;
        }
      merged.push_back(std::move(item));
    }
    while (!merged.empty() && std::holds_alternative<doc::Space>(merged.back())) merged.pop_back();
    return merged;
  }

  void add_text(const std::string& text, doc::Inlines& out) {
    // Words that touch the previous Str continue it; whitespace becomes one Space.
    if (text.empty()) return;
    const bool leading_space = text.front() == ' ';
    const bool trailing_space = text.back() == ' ';
    doc::Inlines words = doc::inlines_from_text(text);
    if (leading_space && !out.empty() && !std::holds_alternative<doc::Space>(out.back())) out.emplace_back(doc::Space{});
    out.insert(out.end(), std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()));
    if (trailing_space && !words.empty()) out.emplace_back(doc::Space{});
  }

  void add_inline(cmark_node* node, doc::Inlines& out) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        add_text(literal_of(node), out);
        return;
      case CMARK_NODE_SOFTBREAK:
        out.emplace_back(doc::SoftBreak{});
        return;
      case CMARK_NODE_LINEBREAK:
        out.emplace_back(doc::LineBreak{});
        return;
      case CMARK_NODE_CODE:
        out.emplace_back(doc::Code{literal_of(node)});
        return;
      case CMARK_NODE_HTML_INLINE: {
        // A lone tag: dropped, so the words around it stay plain text.
        const std::string tag = literal_of(node);
        if (tag.rfind("<br", 0) == 0) out.emplace_back(doc::LineBreak{});
        return;
      }
      case CMARK_NODE_EMPH:
        out.emplace_back(doc::Emph{inlines_of(node)});
        return;
      case CMARK_NODE_STRONG:
        out.emplace_back(doc::Strong{inlines_of(node)});
        return;
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(node);
        out.emplace_back(doc::Link{inlines_of(node), url ? url : ""});
        return;
      }
      case CMARK_NODE_IMAGE: {
        // The model has no inline images: one within a line of text is read
        // as its description, so no word is lost.
        doc::Inlines alt = inlines_of(node);
        const char* url = cmark_node_get_url(node);
        if (url && has_url_scheme(url))
          warn(node, std::string("remote image ") + url + " not fetched; its description is kept");
        else
          warn(node, std::string("image ") + (url ? url : "") + " inside a line of text is kept as its description");
        out.insert(out.end(), std::make_move_iterator(alt.begin()), std::make_move_iterator(alt.end()));
        return;
      }
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        out.emplace_back(doc::NoteRef{literal_of(node)});
        return;
      default:
        break;
    }
    if (type_name(node) == "strikethrough") {
      out.emplace_back(doc::Strikeout{inlines_of(node)});
      return;
    }
    doc::Inlines inner = inlines_of(node);
    out.insert(out.end(), std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
  }

  const std::string& file_name_;
  int line_offset_;
  int max_depth_;
  int depth_ = 0;
  bool warned_depth_ = false;
  Diagnostics& diagnostics_;
};

// Markdown articles usually open with "# Headline"; without a title in the
// front matter, that heading is the title. Body headings then start at
// level 2, as the model wants (a second "#" moves every heading down one).
// A README often opens with badges or language links before its one "#"
// heading: the first heading, when it is the only one at level 1, is the
// title too.
void settle_headings(doc::Document& document) {
  auto is_level_one = [](const doc::Block& block) {
    const auto* heading = std::get_if<doc::Heading>(&block);
    return heading && heading->level == 1;
  };
  if (document.meta.title.empty()) {
    auto first_heading = std::find_if(document.blocks.begin(), document.blocks.end(), [](const doc::Block& block) {
      return std::holds_alternative<doc::Heading>(block);
    });
    const bool leads = first_heading == document.blocks.begin();
    if (first_heading != document.blocks.end() && is_level_one(*first_heading) &&
        (leads || std::count_if(document.blocks.begin(), document.blocks.end(), is_level_one) == 1)) {
      document.meta.title = doc::plain_text(std::get<doc::Heading>(*first_heading).body);
      document.blocks.erase(first_heading);
    }
  }
  if (std::none_of(document.blocks.begin(), document.blocks.end(), is_level_one)) return;
  for (doc::Block& block : document.blocks)
    if (auto* heading = std::get_if<doc::Heading>(&block)) heading->level = std::min(heading->level + 1, 6);
}

}  // namespace

ReadResult read_markdown(const ReadOptions& options, std::string_view bytes) {
  ReadResult result;
  doc::Document& document = result.document;
  std::string text = detail::decode_text(bytes, options.file_name, result.diagnostics);
  if (text.find_first_not_of(" \t\n") == std::string::npos)
    throw Error(ErrorKind::bad_input, options.file_name, "holds no text");

  int line_offset = 0;
  if (std::optional<FrontMatter> front = split_front_matter(text)) {
    detail::apply_front_matter(front->yaml, front->first_line, options.file_name, document.meta, result.diagnostics);
    text.erase(0, front->body_start);
    line_offset = front->body_first_line - 1;
  }
  if (document.meta.lang.empty()) document.meta.lang = options.default_lang;

  NodePointer root = parse_markdown(text, options.file_name);
  Converter(options.file_name, line_offset, options.max_depth, result.diagnostics).convert(root.get(), document);
  settle_headings(document);
  if (document.meta.title.empty() && document.blocks.empty())
    throw Error(ErrorKind::bad_input, options.file_name, "holds no article");
  return result;
}

}  // namespace galley::read
