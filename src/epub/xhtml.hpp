// One article as an XHTML content document: the EPUB's chapter writer, after
// pandoc's EPUB writer reusing its HTML writer per chapter. It is a function
// of a doc::Document alone, so an edition can call it once per article.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "galley/doc.hpp"

namespace galley::epub::detail {

// A heading the navigation documents list.
struct TocEntry {
  int level = 2;     // 2..6, the h-element the heading became
  std::string text;  // plain text
  std::string id;    // its id in the chapter, never empty
};

// Where a printed page begins, marked in the chapter with a page-break
// element the page list links to.
struct PageBreak {
  std::string label;  // the printed page number
  // Where in the model the page begins; empty for the first page, which
  // begins with the article's head.
  std::optional<doc::SourcePosition> position;
};

// A PageBreak position after all of the article's text: a page that begins
// there (an edition's back page, after its last article) is marked at the
// article's end.
inline constexpr doc::SourcePosition after_the_text{SIZE_MAX, 0, 0};

struct ChapterOptions {
  std::string lang;             // BCP 47, for lang and xml:lang on <html>
  std::string stylesheet_href;  // the CSS file, relative to the chapter
  // Figure::src -> the packaged image's href, relative to the chapter. A
  // figure whose image is not here is written as its caption.
  std::map<std::string, std::string> image_hrefs;
  // The print edition's pages, in order.
  std::vector<PageBreak> page_breaks;
};

// A page-break marker as written: what the page list links to.
struct PageTarget {
  std::string label;
  std::string id;  // the marker's id in the chapter
};

struct Chapter {
  std::string title;               // plain text, never empty
  std::vector<TocEntry> headings;  // the article's own headings, in reading order
  std::vector<PageTarget> pages;   // one per ChapterOptions::page_breaks, in the same order
  std::string xhtml;               // the whole content document, UTF-8
};

Chapter write_chapter(const doc::Document& document, const ChapterOptions& options);

// The title shown for a document: Meta::title, or a stand-in when it has
// none, because <title>, dc:title and the table of contents must not be empty.
std::string display_title(const doc::Meta& meta);

// The cover page: the cover image alone, scaled to fit the screen with its
// proportions kept. `title` is the publication's, for <title> and the alt text.
std::string write_cover_page(const std::string& lang, const std::string& title, const std::string& image_href);

// Namespaces of the content and navigation documents.
inline constexpr const char* xhtml_namespace = "http://www.w3.org/1999/xhtml";
inline constexpr const char* ops_namespace = "http://www.idpf.org/2007/ops";

// Starts an XHTML content document in `xml` (declaration, doctype, the html
// element with the XHTML and EPUB namespaces and the language) and returns
// the html element; the chapter and the nav document share it.
pugi::xml_node start_xhtml_document(pugi::xml_document& xml, const std::string& lang);

}  // namespace galley::epub::detail
