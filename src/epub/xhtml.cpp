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

#include "epub/chapter_writer.hpp"
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

}  // namespace

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

void ChapterWriter::assign_page_markers(const std::vector<PageBreak>& pages) {
  for (const PageBreak& page : pages) {
    std::string wanted = safe_id("page-" + page.label, false);
    if (wanted.size() <= 5) wanted = "page-" + std::to_string(page_markers_.size() + 1);
    page_markers_.push_back({&page, ids_.claim(wanted), false});
  }
  for (std::size_t index = 0; index < page_markers_.size(); ++index)
    if (const auto& position = page_markers_[index].page->position)
      markers_by_block_[position->block].markers.push_back(index);
  // Pages are in reading order, so each block's list is too; a stable sort
  // keeps two pages that begin at one place in their order.
  for (auto& [block, found] : markers_by_block_)
    std::stable_sort(found.markers.begin(), found.markers.end(), [this](std::size_t left, std::size_t right) {
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
  BlockMarkers& markers = found->second;
  for (; markers.unwritten < markers.markers.size(); ++markers.unwritten) {
    PageMarker& marker = page_markers_[markers.markers[markers.unwritten]];
    const doc::SourcePosition& position = *marker.page->position;
    if (marker.written) continue;
    if (position.inline_index > inline_index || (position.inline_index == inline_index && position.offset > offset)) break;
    write_page_marker(parent, marker);
  }
}

const doc::SourcePosition* ChapterWriter::next_marker_position(std::size_t block) {
  auto found = markers_by_block_.find(block);
  if (found == markers_by_block_.end()) return nullptr;
  BlockMarkers& markers = found->second;
  while (markers.unwritten < markers.markers.size() && page_markers_[markers.markers[markers.unwritten]].written)
    ++markers.unwritten;
  if (markers.unwritten == markers.markers.size()) return nullptr;
  return &*page_markers_[markers.markers[markers.unwritten]].page->position;
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
