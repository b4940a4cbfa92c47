#include "epub/xhtml.hpp"

#include <glib.h>
#include <pugixml.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <optional>
#include <memory>
#include <map>
#include <set>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "epub/xml.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"
#include "support/glib_owned.hpp"

namespace galley::epub::detail {
namespace {

// ---------------------------------------------------------------- ids and urls

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// "Été à Zürich" -> "Ete a Zurich", so that ids made from words in Latin
// scripts stay readable. The locale is named, not taken from the
// environment, so the result is the same on every machine; characters with
// no ASCII form become '?' and are then dropped by safe_id.
std::string transliterate_to_ascii(const std::string& text) {
  const glib::String ascii{g_str_to_ascii(text.c_str(), "C")};
  return ascii ? std::string(ascii.get()) : std::string();
}

// Ids end up in URL fragments of the nav, the NCX and links, so they keep to
// characters no URL needs to escape. Anything else becomes a hyphen. An id
// that would not start with a letter gets a prefix, which keeps it a valid
// XML name and CSS identifier too.
std::string safe_id(std::string_view wanted, bool lowercase) {
  std::string id;
  for (char c : wanted) {
    if (is_ascii_letter(c) || is_ascii_digit(c) || c == '_' || c == '.') {
      id += lowercase ? ascii_lower(c) : c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
  if (!id.empty() && !is_ascii_letter(id.front())) id = "id-" + id;
  return id;
}

// Hands out ids unique within the chapter: the second "results" becomes
// "results-2", so links and the table of contents never point at two places.
class IdRegistry {
 public:
  std::string claim(const std::string& wanted) {
    std::string id = wanted;
    for (int suffix = 2; used_.count(id) != 0; ++suffix) id = wanted + "-" + std::to_string(suffix);
    used_.insert(id);
    return id;
  }

 private:
  std::set<std::string> used_;
};

bool has_allowed_scheme(std::string_view url) {
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string scheme;
  for (char c : url.substr(0, colon)) {
    if (!is_ascii_letter(c) && !is_ascii_digit(c) && c != '+' && c != '-' && c != '.') return false;
    scheme += ascii_lower(c);
  }
  // Relative references would name files that are not in the package, and
  // script URLs have no place in a book.
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "ftp" || scheme == "tel";
}

// Percent-encodes what a valid URL may not hold as it is (spaces, quotes,
// non-ASCII bytes), so that a sloppy link in the source stays a valid href.
std::string encode_url(std::string_view url) {
  static constexpr char hex_digits[] = "0123456789ABCDEF";
  static constexpr std::string_view allowed_punctuation = "-._~:/?#[]@!$&'()*+,;=%";
  std::string out;
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_ascii_letter(c) || is_ascii_digit(c) || allowed_punctuation.find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += hex_digits[byte >> 4];
      out += hex_digits[byte & 15];
    }
  }
  return out;
}

// ---------------------------------------------------------------- the writer

// Writes one document into an <article>. Ids are assigned in a first pass so
// that a link may point forwards to a heading or a note.
class ChapterWriter {
 public:
  ChapterWriter(const doc::Document& document, const ChapterOptions& options)
      : document_(document), image_hrefs_(options.image_hrefs), block_numbers_(doc::number_blocks(document)) {
    for (const doc::Block& block : document.blocks) assign_heading_ids(block);
    for (const doc::Footnote& note : document.footnotes) assign_note_ids(note);
    for (const doc::Footnote& note : document.footnotes)
      for (const doc::Block& block : note.body) assign_heading_ids(block);
    assign_page_markers(options.page_breaks);
  }

  // The markers of pages that begin before the article's head.
  void write_head_markers(pugi::xml_node article) {
    for (PageMarker& marker : page_markers_)
      if (!marker.page->position) write_page_marker(article, marker);
  }
  // Markers that found no place (a model the layout saw differently) still
  // go in, in page order, so the page list never misses a page.
  void write_unplaced_markers(pugi::xml_node article) {
    for (PageMarker& marker : page_markers_)
      if (!marker.written) write_page_marker(article, marker);
  }
  std::vector<PageTarget> page_targets() const {
    std::vector<PageTarget> targets;
    for (const PageMarker& marker : page_markers_) targets.push_back({marker.page->label, marker.id});
    return targets;
  }

  void write_header(pugi::xml_node article, std::string_view lang);
  void write_blocks(pugi::xml_node parent, const doc::Blocks& blocks);
  void write_footnotes(pugi::xml_node article);

  std::vector<TocEntry> top_level_headings() const {
    std::vector<TocEntry> entries;
    for (const doc::Block& block : document_.blocks)
      if (const auto* heading = std::get_if<doc::Heading>(&block))
        entries.push_back({heading_level(*heading), doc::plain_text(heading->body), heading_ids_.at(heading)});
    return entries;
  }

 private:
  struct NoteAnchors {
    int number = 0;             // 1-based, the marker shown in the text
    std::string id;             // of the note itself
    std::string wanted_ref_id;  // what references ask the registry for
    std::string first_ref_id;   // of the first reference, the back link's target; empty until written
  };

  // h1 is the headline; a body heading that claims level 1 is still below it.
  static int heading_level(const doc::Heading& heading) { return std::clamp(heading.level, 2, 6); }

  struct PageMarker {
    const PageBreak* page;
    std::string id;
    bool written = false;
  };

  void assign_heading_ids(const doc::Block& block);
  void assign_note_ids(const doc::Footnote& note);
  void assign_page_markers(const std::vector<PageBreak>& pages);

  void write_page_marker(pugi::xml_node parent, PageMarker& marker);
  // Writes the markers of `block` not yet written, with an inline index
  // before `inline_index` or at it with an offset of at most `offset`.
  void write_block_markers(pugi::xml_node parent, std::size_t block, std::size_t inline_index = SIZE_MAX,
                           std::size_t offset = SIZE_MAX);
  // Page markers inside a block's own text (a paragraph, a heading, code)
  // are placed while its inlines are written; what is left goes at its end.
  class TextMarkers {
   public:
    TextMarkers(ChapterWriter& writer, const doc::Block& block)
        : writer_(writer), saved_block_(writer.text_block_), saved_counter_(writer.inline_counter_) {
      writer.text_block_ = writer.block_numbers_.at(&block);
      writer.inline_counter_ = 0;
    }
    void finish(pugi::xml_node element) { writer_.write_block_markers(element, *writer_.text_block_); }
    ~TextMarkers() {
      writer_.text_block_ = saved_block_;
      writer_.inline_counter_ = saved_counter_;
    }
    TextMarkers(const TextMarkers&) = delete;
    TextMarkers& operator=(const TextMarkers&) = delete;

   private:
    ChapterWriter& writer_;
    std::optional<std::size_t> saved_block_;
    std::size_t saved_counter_;
  };

  void write_block(pugi::xml_node parent, const doc::Block& block);
  pugi::xml_node write_para(pugi::xml_node parent, const doc::Para& para);
  pugi::xml_node write_heading(pugi::xml_node parent, const doc::Heading& heading);
  void write_figure(pugi::xml_node parent, const doc::Figure& figure);
  void write_quote(pugi::xml_node parent, const doc::Quote& quote);
  void write_pull_quote(pugi::xml_node parent, const doc::PullQuote& pull_quote);
  void write_aside(pugi::xml_node parent, const doc::Aside& aside);
  void write_list(pugi::xml_node parent, const doc::List& list);
  pugi::xml_node write_code_block(pugi::xml_node parent, const doc::CodeBlock& code_block);
  void write_table(pugi::xml_node parent, const doc::Table& table);
  // Content of a list item or table cell: a lone paragraph is written as bare
  // inlines, as HTML authors do, so tight lists do not gain paragraph spacing.
  void write_compact_blocks(pugi::xml_node parent, const doc::Blocks& blocks);

  void write_inlines(pugi::xml_node parent, const doc::Inlines& inlines);
  void write_link(pugi::xml_node parent, const doc::Link& link);
  void write_note_ref(pugi::xml_node parent, const doc::NoteRef& note_ref);

  const doc::Document& document_;
  const std::map<std::string, std::string>& image_hrefs_;
  IdRegistry ids_;
  std::unordered_map<const doc::Heading*, std::string> heading_ids_;
  std::map<std::string, std::string> link_targets_;  // an id as the source names it -> the id we wrote
  std::map<std::string, NoteAnchors> notes_;         // by Footnote::id
  std::unordered_map<const doc::Block*, std::size_t> block_numbers_;  // doc::for_each_block's order
  std::vector<PageMarker> page_markers_;                               // in page order
  std::map<std::size_t, std::vector<std::size_t>> markers_by_block_;   // indices into page_markers_, by place
  std::optional<std::size_t> text_block_;  // the block whose own inlines are being written
  std::size_t inline_counter_ = 0;         // pre-order index of the next of its inlines
};

void ChapterWriter::assign_page_markers(const std::vector<PageBreak>& pages) {
  for (const PageBreak& page : pages) {
    std::string wanted = safe_id("page-" + page.label, false);
    if (wanted.size() <= 5) wanted = "page-" + std::to_string(page_markers_.size() + 1);
    page_markers_.push_back({&page, ids_.claim(wanted), false});
  }
  for (std::size_t index = 0; index < page_markers_.size(); ++index)
    if (const auto& position = page_markers_[index].page->position) markers_by_block_[position->block].push_back(index);
  // Pages are in reading order, so each block's list is too; a stable sort
  // keeps two pages that begin at one place in their order.
  for (auto& [block, indices] : markers_by_block_)
    std::stable_sort(indices.begin(), indices.end(), [this](std::size_t left, std::size_t right) {
      const doc::SourcePosition& a = *page_markers_[left].page->position;
      const doc::SourcePosition& b = *page_markers_[right].page->position;
      return std::pair(a.inline_index, a.offset) < std::pair(b.inline_index, b.offset);
    });
}

void ChapterWriter::write_page_marker(pugi::xml_node parent, PageMarker& marker) {
  // An empty element: a reading system announces the page from its label.
  pugi::xml_node span = parent.append_child("span");
  span.append_attribute("epub:type") = "pagebreak";
  span.append_attribute("role") = "doc-pagebreak";
  span.append_attribute("id") = marker.id.c_str();
  span.append_attribute("aria-label") = marker.page->label.c_str();
  span.append_attribute("title") = marker.page->label.c_str();
  marker.written = true;
}

void ChapterWriter::write_block_markers(pugi::xml_node parent, std::size_t block, std::size_t inline_index,
                                       std::size_t offset) {
  auto found = markers_by_block_.find(block);
  if (found == markers_by_block_.end()) return;
  for (std::size_t index : found->second) {
    PageMarker& marker = page_markers_[index];
    const doc::SourcePosition& position = *marker.page->position;
    if (marker.written) continue;
    if (position.inline_index > inline_index || (position.inline_index == inline_index && position.offset > offset)) break;
    write_page_marker(parent, marker);
  }
}

void ChapterWriter::assign_heading_ids(const doc::Block& block) {
  std::visit(
      [this](const auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, doc::Heading>) {
          std::string wanted = safe_id(transliterate_to_ascii(node.id), false);
          if (wanted.empty()) wanted = safe_id(transliterate_to_ascii(doc::plain_text(node.body)), true);
          if (wanted.empty()) wanted = "section";
          const std::string id = ids_.claim(wanted);
          heading_ids_.emplace(&node, id);
          if (!node.id.empty()) link_targets_.emplace(node.id, id);
        } else if constexpr (std::is_same_v<Node, doc::Quote> || std::is_same_v<Node, doc::Aside>) {
          for (const doc::Block& child : node.body) assign_heading_ids(child);
        } else if constexpr (std::is_same_v<Node, doc::List>) {
          for (const doc::Blocks& item : node.items)
            for (const doc::Block& child : item) assign_heading_ids(child);
        } else if constexpr (std::is_same_v<Node, doc::Table>) {
          for (const auto* rows : {&node.header_rows, &node.body_rows})
            for (const auto& row : *rows)
              for (const doc::TableCell& cell : row)
                for (const doc::Block& child : cell.body) assign_heading_ids(child);
        }
      },
      block);
}

void ChapterWriter::assign_note_ids(const doc::Footnote& note) {
  if (notes_.count(note.id) != 0) return;  // a repeated id: references go to the first note
  NoteAnchors anchors;
  anchors.number = static_cast<int>(notes_.size()) + 1;
  std::string base = safe_id(note.id, false);
  if (base.empty()) base = std::to_string(anchors.number);
  anchors.id = ids_.claim("fn-" + base);
  anchors.wanted_ref_id = "fnref-" + base;
  link_targets_.emplace(note.id, anchors.id);
  notes_.emplace(note.id, std::move(anchors));
}

void ChapterWriter::write_header(pugi::xml_node article, std::string_view lang) {
  const doc::Meta& meta = document_.meta;
  pugi::xml_node header = append_block(article, "header");
  if (!meta.section.empty()) {
    pugi::xml_node section = append_block(header, "p");
    section.append_attribute("class") = "section";
    append_text(section, meta.section);
  }
  if (!meta.title.empty()) append_text(append_block(header, "h1"), meta.title);
  if (!meta.subtitle.empty()) {
    pugi::xml_node subtitle = append_block(header, "p");
    subtitle.append_attribute("class") = "subtitle";
    subtitle.append_attribute("role") = "doc-subtitle";
    append_text(subtitle, meta.subtitle);
  }
  if (!meta.byline.empty()) {
    pugi::xml_node byline = append_block(header, "p");
    byline.append_attribute("class") = "byline";
    append_text(byline, meta.byline);
  } else if (!meta.authors.empty()) {
    pugi::xml_node byline = append_block(header, "p");
    byline.append_attribute("class") = "byline";
    const bool english = lang.size() >= 2 && ascii_lower(lang[0]) == 'e' && ascii_lower(lang[1]) == 'n';
    if (english) append_text(byline, "By ");
    for (std::size_t i = 0; i < meta.authors.size(); ++i) {
      if (i > 0) append_text(byline, english && i + 1 == meta.authors.size() ? " and " : ", ");
      pugi::xml_node author = append_text_element(byline, "span", meta.authors[i]);
      author.append_attribute("class") = "author";
    }
  }
  if (const std::string machine = meta.date ? doc::iso_date(*meta.date) : ""; !machine.empty()) {
    pugi::xml_node paragraph = append_block(header, "p");
    paragraph.append_attribute("class") = "date";
    pugi::xml_node time = append_text_element(paragraph, "time", doc::display_date(meta));
    time.append_attribute("datetime") = machine.c_str();
  }
  if (!meta.dateline.empty()) {
    pugi::xml_node dateline = append_block(header, "p");
    dateline.append_attribute("class") = "dateline";
    append_text(dateline, meta.dateline);
  }
  add_line_break(header);
}

void ChapterWriter::write_blocks(pugi::xml_node parent, const doc::Blocks& blocks) {
  for (const doc::Block& block : blocks) write_block(parent, block);
}

void ChapterWriter::write_block(pugi::xml_node parent, const doc::Block& block) {
  if (!std::holds_alternative<doc::Para>(block) && !std::holds_alternative<doc::Heading>(block) &&
      !std::holds_alternative<doc::CodeBlock>(block))
    write_block_markers(parent, block_numbers_.at(&block));
  std::visit(
      [&](const auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, doc::Para> || std::is_same_v<Node, doc::Heading> ||
                      std::is_same_v<Node, doc::CodeBlock>) {
          TextMarkers markers(*this, block);
          pugi::xml_node element;
          if constexpr (std::is_same_v<Node, doc::Para>) element = write_para(parent, node);
          else if constexpr (std::is_same_v<Node, doc::Heading>) element = write_heading(parent, node);
          else element = write_code_block(parent, node);
          markers.finish(element);
        }
        else if constexpr (std::is_same_v<Node, doc::Figure>) write_figure(parent, node);
        else if constexpr (std::is_same_v<Node, doc::Quote>) write_quote(parent, node);
        else if constexpr (std::is_same_v<Node, doc::PullQuote>) write_pull_quote(parent, node);
        else if constexpr (std::is_same_v<Node, doc::Aside>) write_aside(parent, node);
        else if constexpr (std::is_same_v<Node, doc::List>) write_list(parent, node);
        else if constexpr (std::is_same_v<Node, doc::Table>) write_table(parent, node);
        else append_block(parent, "hr");  // doc::Rule
      },
      block);
}

pugi::xml_node ChapterWriter::write_para(pugi::xml_node parent, const doc::Para& para) {
  pugi::xml_node paragraph = append_block(parent, "p");
  if (para.role == doc::ParaRole::lede) paragraph.append_attribute("class") = "lede";
  write_inlines(paragraph, para.body);
  return paragraph;
}

pugi::xml_node ChapterWriter::write_heading(pugi::xml_node parent, const doc::Heading& heading) {
  const std::string name = "h" + std::to_string(heading_level(heading));
  pugi::xml_node element = append_block(parent, name.c_str());
  element.append_attribute("id") = heading_ids_.at(&heading).c_str();
  write_inlines(element, heading.body);
  return element;
}

void ChapterWriter::write_figure(pugi::xml_node parent, const doc::Figure& figure) {
  // An <img> naming a file outside the package is an error in EPUB: a
  // figure without a packaged image is its caption.
  const auto image = figure.src.empty() ? image_hrefs_.end() : image_hrefs_.find(figure.src);
  const bool has_image = image != image_hrefs_.end();
  if (!has_image && figure.caption.empty() && figure.credit.empty()) return;
  pugi::xml_node element = append_block(parent, "figure");
  if (has_image) {
    pugi::xml_node img = append_block(element, "img");
    img.append_attribute("src") = image->second.c_str();
    img.append_attribute("alt") = figure.alt.c_str();
  }
  if (figure.caption.empty() && figure.credit.empty()) {
    add_line_break(element);
    return;
  }
  pugi::xml_node caption = append_block(element, "figcaption");
  write_inlines(caption, figure.caption);
  if (!figure.credit.empty()) {
    // The space keeps caption and credit apart in readers without CSS.
    if (!figure.caption.empty()) append_text(caption, " ");
    pugi::xml_node credit = caption.append_child("span");
    credit.append_attribute("class") = "credit";
    credit.append_attribute("epub:type") = "credit";
    credit.append_attribute("role") = "doc-credit";
    write_inlines(credit, doc::labelled_credit(figure));
  }
  add_line_break(element);
}

void ChapterWriter::write_quote(pugi::xml_node parent, const doc::Quote& quote) {
  if (quote.attribution.empty()) {
    pugi::xml_node blockquote = append_block(parent, "blockquote");
    write_blocks(blockquote, quote.body);
    add_line_break(blockquote);
    return;
  }
  // HTML keeps the attribution outside the quotation proper: the WHATWG's
  // pattern is a figure whose caption names the source.
  pugi::xml_node figure = append_block(parent, "figure");
  figure.append_attribute("class") = "quote";
  pugi::xml_node blockquote = append_block(figure, "blockquote");
  write_blocks(blockquote, quote.body);
  add_line_break(blockquote);
  pugi::xml_node caption = append_block(figure, "figcaption");
  append_text(caption, "\u2014\u00a0");
  write_inlines(caption, quote.attribution);
  add_line_break(figure);
}

void ChapterWriter::write_pull_quote(pugi::xml_node parent, const doc::PullQuote& pull_quote) {
  pugi::xml_node aside = append_block(parent, "aside");
  aside.append_attribute("class") = "pullquote";
  aside.append_attribute("epub:type") = "pullquote";
  aside.append_attribute("role") = "doc-pullquote";
  write_inlines(append_block(aside, "p"), pull_quote.body);
  if (!pull_quote.attribution.empty()) {
    pugi::xml_node attribution = append_block(aside, "p");
    attribution.append_attribute("class") = "attribution";
    append_text(attribution, "\u2014\u00a0");
    write_inlines(attribution, pull_quote.attribution);
  }
  add_line_break(aside);
}

void ChapterWriter::write_aside(pugi::xml_node parent, const doc::Aside& aside) {
  pugi::xml_node element = append_block(parent, "aside");
  write_blocks(element, aside.body);
  add_line_break(element);
}

void ChapterWriter::write_list(pugi::xml_node parent, const doc::List& list) {
  pugi::xml_node element = append_block(parent, list.ordered ? "ol" : "ul");
  if (list.ordered && list.start != 1) element.append_attribute("start") = list.start;
  for (const doc::Blocks& item : list.items) write_compact_blocks(append_block(element, "li"), item);
  add_line_break(element);
}

pugi::xml_node ChapterWriter::write_code_block(pugi::xml_node parent, const doc::CodeBlock& code_block) {
  pugi::xml_node code = append_block(parent, "pre").append_child("code");
  // The names highlighters use: "C++" is "cpp", "C#" is "csharp".
  std::string language_name;
  for (char c : code_block.language) language_name += c == '+' ? std::string("p") : c == '#' ? std::string("sharp") : std::string(1, c);
  const std::string language = safe_id(language_name, true);
  if (!language.empty()) code.append_attribute("class") = ("language-" + language).c_str();
  // A page that begins inside the code begins at one of its lines.
  std::size_t from = 0;
  if (auto found = markers_by_block_.find(*text_block_); found != markers_by_block_.end())
    for (std::size_t index : found->second) {
      const std::size_t at = std::clamp(page_markers_[index].page->position->offset, from, code_block.text.size());
      append_text(code, code_block.text.substr(from, at - from));
      write_block_markers(code, *text_block_, 0, at);
      from = at;
    }
  append_text(code, code_block.text.substr(from));
  return code;
}

void ChapterWriter::write_table(pugi::xml_node parent, const doc::Table& table) {
  pugi::xml_node element = append_block(parent, "table");
  if (!table.caption.empty()) write_inlines(append_block(element, "caption"), table.caption);

  auto write_rows = [&](const char* section_name, const char* cell_name,
                        const std::vector<std::vector<doc::TableCell>>& rows) {
    if (rows.empty()) return;
    pugi::xml_node section = append_block(element, section_name);
    for (const auto& row : rows) {
      pugi::xml_node tr = append_block(section, "tr");
      for (std::size_t column = 0; column < row.size(); ++column) {
        // An empty cell in a header row (a corner, the rest of a merged
        // heading) heads nothing: a th without text is an accessibility
        // error (Ace's empty-table-header), so it is a td.
        const bool header = std::string_view(cell_name) == "th" && !row[column].body.empty();
        pugi::xml_node cell = append_block(tr, header || std::string_view(cell_name) == "td" ? cell_name : "td");
        if (header) cell.append_attribute("scope") = "col";
        const doc::Alignment alignment =
            column < table.alignments.size() ? table.alignments[column] : doc::Alignment::default_;
        if (alignment == doc::Alignment::left) cell.append_attribute("class") = "align-left";
        if (alignment == doc::Alignment::center) cell.append_attribute("class") = "align-center";
        if (alignment == doc::Alignment::right) cell.append_attribute("class") = "align-right";
        write_compact_blocks(cell, row[column].body);
      }
      add_line_break(tr);
    }
    add_line_break(section);
  };
  write_rows("thead", "th", table.header_rows);
  write_rows("tbody", "td", table.body_rows);
  add_line_break(element);
}

void ChapterWriter::write_compact_blocks(pugi::xml_node parent, const doc::Blocks& blocks) {
  if (blocks.size() == 1)
    if (const auto* para = std::get_if<doc::Para>(&blocks.front()); para && para->role == doc::ParaRole::body) {
      TextMarkers markers(*this, blocks.front());
      write_inlines(parent, para->body);
      markers.finish(parent);
      return;
    }
  write_blocks(parent, blocks);
  if (!blocks.empty()) add_line_break(parent);
}

void ChapterWriter::write_inlines(pugi::xml_node parent, const doc::Inlines& inlines) {
  // Words and spaces are gathered into one text node per run.
  std::string run;
  auto flush = [&] {
    append_text(parent, run);
    run.clear();
  };
  for (const doc::Inline& item : inlines) {
    const std::size_t index = inline_counter_++;
    // Page markers before this inline, and inside its text.
    if (text_block_) {
      auto found = markers_by_block_.find(*text_block_);
      if (found != markers_by_block_.end() && !found->second.empty()) {
        flush();
        write_block_markers(parent, *text_block_, index, 0);
      }
    }
    std::visit(
        [&](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, doc::Str>) {
            std::size_t from = 0;
            if (auto found = text_block_ ? markers_by_block_.find(*text_block_) : markers_by_block_.end();
                found != markers_by_block_.end())
              for (std::size_t marker : found->second) {
                const doc::SourcePosition& position = *page_markers_[marker].page->position;
                if (page_markers_[marker].written || position.inline_index != index) continue;
                const std::size_t at = std::clamp(position.offset, from, node.text.size());
                run += node.text.substr(from, at - from);
                flush();
                write_block_markers(parent, *text_block_, index, at);
                from = at;
              }
            run += node.text.substr(from);
          } else if constexpr (std::is_same_v<Node, doc::Space> || std::is_same_v<Node, doc::SoftBreak>) {
            run += ' ';
          } else {
            flush();
            if constexpr (std::is_same_v<Node, doc::LineBreak>) parent.append_child("br");
            else if constexpr (std::is_same_v<Node, doc::Code>) append_text_element(parent, "code", node.text);
            else if constexpr (std::is_same_v<Node, doc::NoteRef>) write_note_ref(parent, node);
            else if constexpr (std::is_same_v<Node, doc::Emph>) write_inlines(parent.append_child("em"), node.body);
            else if constexpr (std::is_same_v<Node, doc::Strong>) write_inlines(parent.append_child("strong"), node.body);
            else if constexpr (std::is_same_v<Node, doc::Strikeout>) write_inlines(parent.append_child("s"), node.body);
            else write_link(parent, node);
          }
        },
        item);
  }
  flush();
}

void ChapterWriter::write_link(pugi::xml_node parent, const doc::Link& link) {
  std::string href;
  if (!link.url.empty() && link.url.front() == '#') {
    if (auto target = link_targets_.find(link.url.substr(1)); target != link_targets_.end()) href = "#" + target->second;
  } else if (has_allowed_scheme(link.url)) {
    href = encode_url(link.url);
  }
  // A link to nowhere (a missing anchor, a file outside the package) would
  // be an error in the EPUB; its words stay, unlinked.
  if (href.empty()) {
    write_inlines(parent, link.body);
    return;
  }
  pugi::xml_node anchor = parent.append_child("a");
  anchor.append_attribute("href") = href.c_str();
  write_inlines(anchor, link.body);
}

void ChapterWriter::write_note_ref(pugi::xml_node parent, const doc::NoteRef& note_ref) {
  auto found = notes_.find(note_ref.id);
  if (found == notes_.end()) return;  // a reference to no note: nothing to point at
  NoteAnchors& note = found->second;
  const std::string ref_id = ids_.claim(note.wanted_ref_id);
  if (note.first_ref_id.empty()) note.first_ref_id = ref_id;
  pugi::xml_node anchor = parent.append_child("a");
  anchor.append_attribute("epub:type") = "noteref";
  anchor.append_attribute("role") = "doc-noteref";
  anchor.append_attribute("href") = ("#" + note.id).c_str();
  anchor.append_attribute("id") = ref_id.c_str();
  append_text(anchor, std::to_string(note.number));
}

void ChapterWriter::write_footnotes(pugi::xml_node article) {
  if (document_.footnotes.empty()) return;
  pugi::xml_node section = append_block(article, "section");
  section.append_attribute("class") = "footnotes";
  std::set<std::string> written;
  for (const doc::Footnote& footnote : document_.footnotes) {
    if (!written.insert(footnote.id).second) continue;  // a repeated id was never reachable
    const NoteAnchors& note = notes_.at(footnote.id);
    pugi::xml_node aside = append_block(section, "aside");
    aside.append_attribute("epub:type") = "footnote";
    aside.append_attribute("role") = "doc-footnote";
    aside.append_attribute("id") = note.id.c_str();
    write_blocks(aside, footnote.body);

    // The note's number leads its first paragraph and leads back to the text.
    pugi::xml_node first = aside.find_child([](pugi::xml_node child) { return child.type() == pugi::node_element; });
    if (!first) {
      first = append_block(aside, "p");
    } else if (first.name() != std::string_view("p")) {
      pugi::xml_node paragraph = aside.insert_child_before("p", first);
      aside.insert_child_after(pugi::node_pcdata, paragraph).set_value("\n");
      first = paragraph;
    }
    pugi::xml_node marker;
    if (note.first_ref_id.empty()) {
      marker = first.prepend_child("span");
    } else {
      marker = first.prepend_child("a");
      marker.append_attribute("href") = ("#" + note.first_ref_id).c_str();
      marker.append_attribute("role") = "doc-backlink";
    }
    append_text(marker, std::to_string(note.number));
    first.insert_child_after(pugi::node_pcdata, marker).set_value(" ");
    add_line_break(aside);
  }
  add_line_break(section);
}

}  // namespace

std::string display_title(const doc::Meta& meta) { return meta.title.empty() ? "Untitled" : meta.title; }

pugi::xml_node start_xhtml_document(pugi::xml_document& xml, const std::string& lang) {
  add_xml_declaration(xml);
  add_line_break(xml);
  xml.append_child(pugi::node_doctype).set_value("html");
  add_line_break(xml);
  pugi::xml_node html = xml.append_child("html");
  html.append_attribute("xmlns") = xhtml_namespace;
  html.append_attribute("xmlns:epub") = ops_namespace;
  html.append_attribute("lang") = lang.c_str();
  html.append_attribute("xml:lang") = lang.c_str();
  return html;
}

std::string write_cover_page(const std::string& lang, const std::string& title, const std::string& image_href) {
  pugi::xml_document xml;
  pugi::xml_node html = start_xhtml_document(xml, lang);
  pugi::xml_node head = append_block(html, "head");
  append_block(head, "meta").append_attribute("charset") = "utf-8";
  append_text(append_block(head, "title"), title);
  // Fit the picture inside the screen, never stretched: whichever of width
  // and height runs out first sets the scale.
  append_text(append_block(head, "style"),
              "html, body { margin: 0; padding: 0; height: 100%; }\n"
              "body { text-align: center; }\n"
              "img { display: block; margin: 0 auto; max-width: 100%; max-height: 100vh; width: auto; height: auto; "
              "object-fit: contain; }");
  add_line_break(head);
  pugi::xml_node body = append_block(html, "body");
  pugi::xml_node img = append_block(body, "img");
  img.append_attribute("src") = image_href.c_str();
  img.append_attribute("alt") = ("Cover: " + title).c_str();
  img.append_attribute("epub:type") = "cover";
  img.append_attribute("role") = "doc-cover";
  add_line_break(body);
  add_line_break(html);
  return to_xml_string(xml);
}

Chapter write_chapter(const doc::Document& document, const ChapterOptions& options) {
  ChapterWriter writer(document, options);
  Chapter chapter;
  chapter.title = display_title(document.meta);

  pugi::xml_document xml;
  pugi::xml_node html = start_xhtml_document(xml, options.lang);

  pugi::xml_node head = append_block(html, "head");
  append_block(head, "meta").append_attribute("charset") = "utf-8";
  append_text(append_block(head, "title"), chapter.title);
  pugi::xml_node stylesheet = append_block(head, "link");
  stylesheet.append_attribute("rel") = "stylesheet";
  stylesheet.append_attribute("type") = "text/css";
  stylesheet.append_attribute("href") = options.stylesheet_href.c_str();
  add_line_break(head);

  pugi::xml_node body = append_block(html, "body");
  pugi::xml_node article = append_block(body, "article");
  writer.write_head_markers(article);
  writer.write_header(article, options.lang);
  writer.write_blocks(article, document.blocks);
  writer.write_footnotes(article);
  writer.write_unplaced_markers(article);
  add_line_break(article);
  add_line_break(body);
  add_line_break(html);

  chapter.headings = writer.top_level_headings();
  chapter.pages = writer.page_targets();
  chapter.xhtml = to_xml_string(xml);
  return chapter;
}

}  // namespace galley::epub::detail
