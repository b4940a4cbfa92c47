// The XML-to-model converter the XML readers (NITF, NewsML-G2, JATS) share:
// element names, by their local name, onto the document model's blocks and
// inlines, with the depth limit and footnotes. pugixml walks the tree.
#include "read/xml_model.hpp"

#include <algorithm>
#include <set>

#include "galley/text.hpp"
#include "read/descent.hpp"
#include "read/xml_input.hpp"

namespace galley::read::xml {

using detail::Descent;

// ---------------------------------------------------------------- names and text

// Element names without their namespace prefix: NewsML-G2 and NITF inside it
// may use any prefix, and the mapping is by local name.
std::string_view local_name(pugi::xml_node node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child_named(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node child : parent.children())
    if (child.type() == pugi::node_element && local_name(child) == name) return child;
  return {};
}

// The first descendant (depth first) with this local name; pugixml's own
// search walks without recursion, whatever the depth.
pugi::xml_node descendant_named(pugi::xml_node parent, std::string_view name) {
  return parent.find_node([name](pugi::xml_node node) {
    return node.type() == pugi::node_element && local_name(node) == name;
  });
}

std::string attribute_of(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    std::string_view attribute_name = attribute.name();
    std::size_t colon = attribute_name.find(':');
    if (attribute_name == name || (colon != std::string_view::npos && attribute_name.substr(colon + 1) == name))
      return attribute.value();
  }
  return {};
}

// All the text under a node, skipping elements named `skip`; with
// `space_between_elements`, element boundaries also end words (for the
// flattened text of a subtree nested too deep). Walks in document order
// without recursion: a hostile file can nest elements 100,000 deep.
void gather_text(pugi::xml_node root, std::string& text, std::string_view skip, bool space_between_elements) {
  const char* boundary = space_between_elements ? " " : "";
  pugi::xml_node node = root.first_child();
  while (node) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      text += node.value();
    } else if (node.type() == pugi::node_element && (skip.empty() || local_name(node) != skip)) {
      text += boundary;
      if (node.first_child()) {
        node = node.first_child();
        continue;
      }
    }
    while (node != root && !node.next_sibling()) {
      node = node.parent();
      if (node != root) text += boundary;
    }
    if (node == root) break;
    node = node.next_sibling();
  }
}

std::string collapsed_text(pugi::xml_node node, std::string_view skip) {
  std::string text;
  gather_text(node, text, skip);
  return doc::plain_text(doc::inlines_from_text(text));
}

// NITF's ISO 8601 basic form "20020226T093000-0500" and the extended form
// "2016-10-19T11:15:00-05:00" NewsML-G2 uses: the calendar date as written.
std::optional<doc::Date> parse_iso_date(std::string_view text) {
  auto digits = [&](std::size_t start, std::size_t count) -> int {
    if (start + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = start; i < start + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  doc::Date date;
  date.year = digits(0, 4);
  const bool extended = text.size() > 4 && text[4] == '-';
  date.month = extended ? digits(5, 2) : digits(4, 2);
  date.day = extended ? digits(8, 2) : digits(6, 2);
  if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return std::nullopt;
  return date;
}

// ---------------------------------------------------------------- the body mapping

class XmlConverter::Impl {
 public:
  Impl(const std::string& file_name, std::string_view buffer, int max_depth, Diagnostics& diagnostics)
      : file_name_(file_name), buffer_(buffer), max_depth_(max_depth), diagnostics_(diagnostics) {}

  doc::Blocks blocks_of(pugi::xml_node parent, int section_depth = 0) {
    doc::Blocks blocks;
    Descent descent(depth_);
    if (too_deep(parent)) {
      doc::Inlines text = flattened(parent);
      if (!text.empty()) blocks.emplace_back(doc::Para{std::move(text), doc::ParaRole::body});
      return blocks;
    }
    doc::Inlines loose;  // text and inline elements directly in a block container
    auto flush = [&] {
      trim(loose);
      if (!loose.empty()) blocks.emplace_back(doc::Para{std::move(loose), doc::ParaRole::body});
      loose.clear();
    };
    for (pugi::xml_node child : parent.children()) {
      if (child.type() == pugi::node_element && is_block(child)) {
        flush();
        add_block(child, blocks, section_depth);
      } else {
        add_inline(child, loose);
      }
    }
    flush();
    return blocks;
  }

  doc::Inlines inlines_of(pugi::xml_node parent) {
    Descent descent(depth_);
    if (too_deep(parent)) return flattened(parent);
    doc::Inlines inlines;
    for (pugi::xml_node child : parent.children()) add_inline(child, inlines);
    trim(inlines);
    return inlines;
  }


  bool too_deep(pugi::xml_node node) {
    if (depth_ <= max_depth_) return false;
    if (!warned_depth_)
      warn(node, "elements nested more than " + std::to_string(max_depth_) +
                     " levels deep; the deeper levels are kept as text (see --max-depth)");
    warned_depth_ = true;
    return true;
  }

  // The words of a subtree nested too deep, as plain text.
  static doc::Inlines flattened(pugi::xml_node node) {
    std::string text;
    gather_text(node, text, "annotation", true);
    return doc::inlines_from_text(text);
  }

  std::vector<doc::Footnote> take_footnotes() { return std::move(footnotes_); }

  void warn(pugi::xml_node node, std::string message) {
    diagnostics_.push_back({file_name_, line_of(node), std::move(message)});
  }

 private:
  // pugixml keeps byte offsets into the buffer it parsed; counting the line
  // ends before one gives the line.
  int line_of(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0 || static_cast<std::size_t>(offset) > buffer_.size()) return 0;
    return 1 + static_cast<int>(std::count(buffer_.begin(), buffer_.begin() + offset, '\n'));
  }

  static bool is_block(pugi::xml_node node) {
    // NITF's <fn> sits inside a paragraph; JATS lists its notes in <fn-group>.
    if (local_name(node) == "fn") return local_name(node.parent()) == "fn-group";
    static const std::set<std::string_view> names = {
        "p",     "hl1",     "hl2",     "hl3",        "h1",      "h2",       "h3",        "h4",          "h5",
        "h6",    "bq",      "blockquote", "disp-quote", "media", "fig",      "figure",    "fig-group",   "ol",
        "ul",    "dl",      "list",    "table",      "table-wrap", "block", "div",       "sec",         "section",
        "pre",   "preformat", "hr",    "note",       "body.content", "boxed-text", "ref-list", "fn-group", "fn",
        "ack",   "app",     "app-group", "title",    "def-list", "tagline", "supplementary-material", "disp-formula",
        "aside", "article", "header",  "footer",     "nitf",    "body",     "body.end",  "address",     "abstract",
        "glossary", "statement", "notes", "sub-article", "front-stub", "body.head"};
    return names.count(local_name(node)) != 0;
  }

  void add_block(pugi::xml_node node, doc::Blocks& out, int section_depth) {
    const std::string_view name = local_name(node);
    if (name == "p" || name == "tagline" || name == "address") {
      doc::Blocks inner = blocks_of(node, section_depth);  // a JATS <p> may hold a list or a table
      out.insert(out.end(), std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
    } else if (name == "hl1" || name == "hl2" || name == "hl3" || (name.size() == 2 && name[0] == 'h' &&
                                                                  name[1] >= '1' && name[1] <= '6')) {
      // NITF's hl2 is a subheading in the body: the article's second level.
      int level = name[0] == 'h' && name[1] == 'l' ? std::max(2, name[2] - '0') : name[1] - '0';
      add_heading(node, std::clamp(level, 2, 6), out);
    } else if (name == "title") {
      add_heading(node, std::clamp(section_depth + 1, 2, 6), out);
    } else if (name == "bq" || name == "blockquote" || name == "disp-quote") {
      add_quote(node, out, section_depth);
    } else if (name == "media" || name == "fig" || name == "figure") {
      add_figure(node, out);
    } else if (name == "ol" || name == "ul" || name == "list" || name == "dl" || name == "def-list") {
      out.emplace_back(list_of(node, section_depth));
    } else if (name == "table" || name == "table-wrap") {
      add_table(node, out);
    } else if (name == "pre" || name == "preformat") {
      std::string text;
      gather_text(node, text);
      while (!text.empty() && text.back() == '\n') text.pop_back();
      text.erase(0, std::min(text.size(), text.find_first_not_of('\n')));
      if (!text.empty()) out.emplace_back(doc::CodeBlock{"", text});
    } else if (name == "hr") {
      out.emplace_back(doc::Rule{});
    } else if (name == "note" || name == "boxed-text" || name == "aside") {
      doc::Blocks body = blocks_of(node, section_depth);
      if (!body.empty()) out.emplace_back(doc::Aside{std::move(body)});
    } else if (name == "sec" || name == "section" || name == "ref-list" || name == "app" || name == "ack" ||
               name == "glossary" || name == "notes") {
      doc::Blocks inner = blocks_of(node, section_depth + 1);
      out.insert(out.end(), std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
    } else {
      doc::Blocks inner = blocks_of(node, section_depth);
      out.insert(out.end(), std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
    }
  }

  void add_heading(pugi::xml_node node, int level, doc::Blocks& out) {
    doc::Heading heading;
    heading.level = level;
    heading.body = inlines_of(node);
    heading.id = node.attribute("id").value();
    if (heading.id.empty()) heading.id = node.parent().attribute("id").value();
    if (!heading.body.empty()) out.emplace_back(std::move(heading));
  }

  void add_quote(pugi::xml_node node, doc::Blocks& out, int section_depth) {
    doc::Quote quote;
    for (pugi::xml_node child : node.children()) {
      const std::string_view name = local_name(child);
      if (child.type() == pugi::node_element && (name == "credit" || name == "attrib" || name == "attribution")) {
        quote.attribution = inlines_of(child);
        child.parent().remove_child(child);
        break;
      }
    }
    quote.body = blocks_of(node, section_depth);
    if (!quote.body.empty()) out.emplace_back(std::move(quote));
  }

  void add_figure(pugi::xml_node node, doc::Blocks& out) {
    doc::Figure figure;
    const std::string media_type = attribute_of(node, "media-type");
    if (pugi::xml_node reference = child_named(node, "media-reference")) {
      figure.src = attribute_of(reference, "source");
      if (figure.src.empty()) figure.src = attribute_of(reference, "data");
      figure.source_line.line = line_of(reference);
      figure.alt = attribute_of(reference, "alternate-text");
      const std::string mime = attribute_of(reference, "mime-type");
      if (!media_type.empty() && media_type != "image") {
        warn(node, "media of type " + media_type + " kept as its caption");
        figure.src.clear();
      } else if (!mime.empty() && mime != "image/jpeg" && mime != "image/png") {
        warn(node, "image " + figure.src + " of type " + mime + " kept as its caption; galley embeds PNG and JPEG");
        figure.src.clear();
      }
    } else if (pugi::xml_node image = descendant_named(node, "img")) {
      figure.src = attribute_of(image, "src");
      figure.alt = attribute_of(image, "alt");
      figure.source_line.line = line_of(image);
    } else if (pugi::xml_node graphic = descendant_named(node, "graphic")) {
      const std::string href = attribute_of(graphic, "href");
      warn(node, "graphic " + href + " not embedded; the figure is its caption");
    }
    for (std::string_view name : {"media-caption", "caption", "figcaption"})
      if (pugi::xml_node caption = child_named(node, name)) {
        figure.caption = caption_inlines(caption);
        break;
      }
    if (pugi::xml_node label = child_named(node, "label")) {
      doc::Inlines caption = inlines_of(label);
      if (!caption.empty() && !figure.caption.empty()) caption.emplace_back(doc::Space{});
      caption.insert(caption.end(), figure.caption.begin(), figure.caption.end());
      figure.caption = std::move(caption);
    }
    for (std::string_view name : {"media-producer", "attrib", "credit"})
      if (pugi::xml_node credit = child_named(node, name)) {
        figure.credit = inlines_of(credit);
        break;
      }
    if (figure.alt.empty()) figure.alt = doc::plain_text(figure.caption);
    if (figure.src.empty() && figure.caption.empty() && figure.credit.empty()) return;
    out.emplace_back(std::move(figure));
  }

  // A caption may be paragraphs (JATS <caption><title/><p/></caption>):
  // they become one run of text.
  doc::Inlines caption_inlines(pugi::xml_node caption) {
    doc::Inlines inlines;
    for (const doc::Block& block : blocks_of(caption)) {
      doc::Inlines part = std::holds_alternative<doc::Para>(block) ? std::get<doc::Para>(block).body
                                                                   : doc::inlines_from_text(doc::plain_text(block));
      if (!inlines.empty() && !part.empty()) inlines.emplace_back(doc::Space{});
      inlines.insert(inlines.end(), part.begin(), part.end());
    }
    return inlines;
  }

  doc::List list_of(pugi::xml_node node, int section_depth) {
    doc::List list;
    const std::string_view name = local_name(node);
    list.ordered = name == "ol" || attribute_of(node, "list-type") == "order";
    if (name == "ol" && !node.attribute("start").empty()) list.start = std::max(0, node.attribute("start").as_int(1));
    for (pugi::xml_node item : node.children()) {
      if (item.type() != pugi::node_element) continue;
      const std::string_view item_name = local_name(item);
      if (item_name == "dt" || item_name == "term") {
        list.items.push_back({doc::Para{{doc::Strong{inlines_of(item)}}, doc::ParaRole::body}});
      } else if (item_name == "def-item") {
        list.items.push_back(blocks_of(item, section_depth));
      } else if (item_name == "title") {
        continue;  // a list's own title is rare; its words go with the first item
      } else {
        list.items.push_back(blocks_of(item, section_depth));
      }
    }
    return list;
  }

  void add_table(pugi::xml_node node, doc::Blocks& out) {
    pugi::xml_node table_node = local_name(node) == "table" ? node : descendant_named(node, "table");
    doc::Table table;
    for (std::string_view name : {"caption"})
      if (pugi::xml_node caption = child_named(node, name)) table.caption = caption_inlines(caption);
    if (pugi::xml_node label = child_named(node, "label")) {
      doc::Inlines caption = inlines_of(label);
      if (!caption.empty() && !table.caption.empty()) caption.emplace_back(doc::Space{});
      caption.insert(caption.end(), table.caption.begin(), table.caption.end());
      table.caption = std::move(caption);
    }
    if (table_node) {
      auto add_rows = [&](pugi::xml_node section, bool header_section) {
        for (pugi::xml_node row : section.children()) {
          if (row.type() != pugi::node_element || local_name(row) != "tr") continue;
          std::vector<doc::TableCell> cells;
          bool all_headers = true;
          for (pugi::xml_node cell : row.children()) {
            if (cell.type() != pugi::node_element) continue;
            const std::string_view cell_name = local_name(cell);
            if (cell_name != "td" && cell_name != "th") continue;
            all_headers = all_headers && cell_name == "th";
            cells.push_back({blocks_of(cell)});
            // A spanning cell keeps the grid's shape with empty cells after it.
            for (int span = cell.attribute("colspan").as_int(1); span > 1 && span < 100; --span) cells.push_back({});
          }
          if (cells.empty()) continue;
          const bool header = header_section || (all_headers && table.body_rows.empty());
          (header ? table.header_rows : table.body_rows).push_back(std::move(cells));
        }
      };
      add_rows(table_node, false);
      for (pugi::xml_node section : table_node.children()) {
        const std::string_view name = local_name(section);
        if (name == "thead") add_rows(section, true);
        else if (name == "tbody" || name == "tfoot") add_rows(section, false);
      }
    }
    if (!table.header_rows.empty() || !table.body_rows.empty()) {
      std::size_t columns = 0;
      for (const auto* rows : {&table.header_rows, &table.body_rows})
        for (const auto& row : *rows) columns = std::max(columns, row.size());
      table.alignments.assign(columns, doc::Alignment::default_);
      for (auto* rows : {&table.header_rows, &table.body_rows})
        for (auto& row : *rows) row.resize(columns);
      out.emplace_back(std::move(table));
    } else if (!table.caption.empty()) {
      out.emplace_back(doc::Para{std::move(table.caption), doc::ParaRole::body});
    }
    // Table footnotes (JATS <table-wrap-foot>) follow the table as text.
    if (pugi::xml_node foot = child_named(node, "table-wrap-foot")) {
      doc::Blocks inner = blocks_of(foot);
      out.insert(out.end(), std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
    }
  }

  // ------------------------------------------------------------ inlines

  static void trim(doc::Inlines& inlines) {
    while (!inlines.empty() && std::holds_alternative<doc::Space>(inlines.back())) inlines.pop_back();
    while (!inlines.empty() && std::holds_alternative<doc::Space>(inlines.front())) inlines.erase(inlines.begin());
  }

  // XML text: whitespace (line ends and indentation included) is one space;
  // text touching the previous word continues it ("Karben</person>,").
  static void add_text(std::string_view text, doc::Inlines& out) {
    std::size_t position = 0;
    while (position < text.size()) {
      const std::size_t word_end = text.find_first_of(" \t\r\n", position);
      if (word_end == position) {
        if (!out.empty() && !std::holds_alternative<doc::Space>(out.back())) out.emplace_back(doc::Space{});
        position = text.find_first_not_of(" \t\r\n", position);
        if (position == std::string_view::npos) break;
        continue;
      }
      std::string_view word = text.substr(position, word_end == std::string_view::npos ? std::string_view::npos
                                                                                         : word_end - position);
      if (auto* previous = out.empty() ? nullptr : std::get_if<doc::Str>(&out.back()))
        previous->text += word;
      else
        out.emplace_back(doc::Str{std::string(word)});
      if (word_end == std::string_view::npos) break;
      position = word_end;
    }
  }

  void add_inline(pugi::xml_node node, doc::Inlines& out) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      add_text(node.value(), out);
      return;
    }
    if (node.type() != pugi::node_element) return;
    const std::string_view name = local_name(node);
    if (name == "em" || name == "i" || name == "italic") {
      out.emplace_back(doc::Emph{inlines_of(node)});
    } else if (name == "strong" || name == "b" || name == "bold") {
      out.emplace_back(doc::Strong{inlines_of(node)});
    } else if (name == "s" || name == "del" || name == "strike") {
      out.emplace_back(doc::Strikeout{inlines_of(node)});
    } else if (name == "code" || name == "tt" || name == "monospace") {
      out.emplace_back(doc::Code{collapsed_text(node)});
    } else if (name == "br") {
      out.emplace_back(doc::LineBreak{});
    } else if (name == "a" || name == "ext-link" || name == "uri") {
      std::string url = attribute_of(node, "href");
      if (name == "uri" && url.empty()) url = collapsed_text(node);
      doc::Inlines body = inlines_of(node);
      if (url.empty()) {
        out.insert(out.end(), body.begin(), body.end());
      } else {
        out.emplace_back(doc::Link{std::move(body), url});
      }
    } else if (name == "q") {
      out.emplace_back(doc::Str{"\u201C"});
      doc::Inlines body = inlines_of(node);
      for (doc::Inline& item : body) append_inline(std::move(item), out);
      append_inline(doc::Str{"\u201D"}, out);
    } else if (name == "fn" && local_name(node.parent()) != "fn-group") {
      // NITF's inline footnote: its text becomes a note.
      doc::Footnote note;
      note.id = "fn" + std::to_string(footnotes_.size() + 1);
      note.body = blocks_of(node);
      out.emplace_back(doc::NoteRef{note.id});
      footnotes_.push_back(std::move(note));
    } else if (name == "annotation" || name == "object-id" || name == "graphic") {
      // Not words for a reader: a MathML annotation repeats the formula.
    } else {
      // person, org, location, city, named-content, sup, sub, chron...: their words.
      Descent descent(depth_);
      doc::Inlines body;
      if (too_deep(node))
        body = flattened(node);
      else
        for (pugi::xml_node child : node.children()) add_inline(child, body);
      for (doc::Inline& item : body) append_inline(std::move(item), out);
    }
  }

  // Appends, continuing a word when two Str meet.
  static void append_inline(doc::Inline item, doc::Inlines& out) {
    if (auto* str = std::get_if<doc::Str>(&item); str && !out.empty())
      if (auto* previous = std::get_if<doc::Str>(&out.back())) {
        previous->text += str->text;
        return;
      }
    if (std::holds_alternative<doc::Space>(item) && (out.empty() || std::holds_alternative<doc::Space>(out.back())))
      return;
    out.push_back(std::move(item));
  }

  const std::string& file_name_;
  std::string_view buffer_;
  int max_depth_;
  int depth_ = 0;
  bool warned_depth_ = false;
  Diagnostics& diagnostics_;
  std::vector<doc::Footnote> footnotes_;
};

XmlConverter::XmlConverter(const std::string& file_name, std::string_view buffer, int max_depth,
                           Diagnostics& diagnostics)
    : impl_(std::make_unique<Impl>(file_name, buffer, max_depth, diagnostics)) {}

XmlConverter::~XmlConverter() = default;

doc::Blocks XmlConverter::blocks_of(pugi::xml_node parent, int section_depth) {
  return impl_->blocks_of(parent, section_depth);
}

doc::Inlines XmlConverter::inlines_of(pugi::xml_node parent) { return impl_->inlines_of(parent); }

std::vector<doc::Footnote> XmlConverter::take_footnotes() { return impl_->take_footnotes(); }

void XmlConverter::warn(pugi::xml_node node, std::string message) { impl_->warn(node, std::move(message)); }

ReadResult read_xml_article(const ReadOptions& options, std::string_view bytes, ArticleOfRoot read_root) {
  ReadResult result;
  ParsedXml parsed;
  parse_xml(parsed, bytes, options.file_name, options.recover, result.diagnostics);
  // XML wraps the model's levels in more elements (nitf, body, body.content,
  // block, p): the limit leaves room for them.
  constexpr int wrapper_levels = 8;
  XmlConverter converter(options.file_name, parsed.buffer, options.max_depth + wrapper_levels, result.diagnostics);
  doc::Document& document = result.document;

  pugi::xml_node root = parsed.document.document_element();
  if (!read_root(root, document, converter, options.file_name)) {
    converter.warn(root, "<" + std::string(root.name()) + "> is not NITF or NewsML-G2; reading its text");
    pugi::xml_node body = descendant_named(root, "body");
    document.blocks = converter.blocks_of(body ? body : root);
  }
  document.footnotes = converter.take_footnotes();
  if (document.meta.lang.empty()) document.meta.lang = options.default_lang;
  if (document.meta.title.empty() && document.blocks.empty())
    throw Error(ErrorKind::bad_input, options.file_name, "holds no article");
  return result;
}

}  // namespace galley::read::xml
