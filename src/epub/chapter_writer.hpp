// The chapter writer's inside (epub/xhtml.hpp's write_chapter): one
// document written into an <article>, its ids, page-break markers and notes
// in xhtml.cpp, its blocks and inlines in chapter_blocks.cpp.
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "epub/xhtml.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"

namespace galley::epub::detail {

// ---------------------------------------------------------------- ids and urls

// Ids end up in URL fragments of the nav, the NCX and links, so they keep to
// characters no URL needs to escape (see xhtml.cpp).
std::string safe_id(std::string_view wanted, bool lowercase);
// Whether a link's address is one a book may hold (http, https, mailto, ftp, tel).
bool has_allowed_scheme(std::string_view url);
// The address with what a valid URL may not hold as it is percent-encoded.
std::string encode_url(std::string_view url);

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
  // Where the first marker of `block` not yet written goes; nothing when
  // all are written. Markers are written in the order of their places, so
  // the written ones are a prefix of the block's list, and the writer keeps
  // a cursor past it: a paragraph of a million words over thousands of
  // pages is written in one pass, not a pass over its markers per word.
  const doc::SourcePosition* next_marker_position(std::size_t block);
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
  struct BlockMarkers {
    std::vector<std::size_t> markers;  // indices into page_markers_, by place
    std::size_t unwritten = 0;         // markers before this one are written
  };
  std::map<std::size_t, BlockMarkers> markers_by_block_;
  std::optional<std::size_t> text_block_;  // the block whose own inlines are being written
  std::size_t inline_counter_ = 0;         // pre-order index of the next of its inlines
};

}  // namespace galley::epub::detail
