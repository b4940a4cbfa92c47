// What the package writers need to know about a publication: its metadata,
// its chapters and its style sheet, already rendered. Plain data, so that an
// edition of several articles is the same shape as one article.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "epub/xhtml.hpp"
#include "galley/doc.hpp"

namespace galley::epub::detail {

struct PackagedChapter {
  std::string file_name;  // relative to the package document, "article.xhtml"
  Chapter chapter;
};

// An image file carried in the package.
struct PackagedImage {
  std::string file_name;   // relative to the package document, "images/image-1.jpg"
  std::string media_type;  // "image/jpeg", "image/png"
  std::string_view bytes;  // the file; must outlive packaging
  bool cover = false;      // the publication's cover image
};

// An entry of the table of contents, in the nav document and the NCX.
struct NavItem {
  std::string label;  // plain text
  std::string href;   // relative to the package document: "article.xhtml#results"
  // Shown under the label in the nav document, for an edition's articles;
  // may be empty. The NCX shows the label alone.
  std::string byline;
  std::string description;
  std::vector<NavItem> children;
};

// The series a publication is a part of: an edition's newspaper or magazine.
struct Collection {
  std::string name;
  std::optional<int> position;  // the number in the series
};

struct Publication {
  doc::Meta meta;               // title, authors and the rest of the OPF metadata
  std::string identifier;       // dc:identifier, never empty
  std::string lang;             // BCP 47, never empty
  std::int64_t modified_time = 0;  // seconds since 1970 UTC: dcterms:modified and the zip entries' times
  std::string stylesheet;       // the CSS, UTF-8
  std::vector<PackagedChapter> chapters;  // in reading order, at least one
  std::vector<PackagedImage> images;
  std::vector<PackagedImage> fonts;  // font files the style sheet's @font-face rules name
  // The print edition the chapters' page-break markers follow, for the
  // package's pageBreakSource; empty when they have none.
  std::string page_break_source;
  std::string cover_page;  // the cover's XHTML (cover_page_name), first in the spine; empty for none
  // The table of contents; empty: one item per chapter, with its headings.
  std::vector<NavItem> contents;
  std::optional<Collection> collection;  // belongs-to-collection
  // What the accessibility summary calls the publication: "article",
  // "edition of 12 articles in 3 sections".
  std::string summary_subject = "article";
};

// Whether any chapter marks print pages (and the nav has a page list).
inline bool has_page_list(const Publication& publication) {
  for (const PackagedChapter& packaged : publication.chapters)
    if (!packaged.chapter.pages.empty()) return true;
  return false;
}

// Where things live in the archive. The package document's folder holds all
// content, so hrefs between publication resources are bare file names.
inline constexpr const char* content_folder = "EPUB/";
inline constexpr const char* package_document_name = "package.opf";
inline constexpr const char* nav_document_name = "nav.xhtml";
inline constexpr const char* ncx_name = "toc.ncx";
inline constexpr const char* stylesheet_name = "style.css";
inline constexpr const char* cover_page_name = "cover.xhtml";

}  // namespace galley::epub::detail
