// What a web page says about its article, apart from the article's text:
// JSON-LD (schema.org NewsArticle and kin) first, then OpenGraph, article:*,
// Twitter, Dublin Core and plain meta tags, then the page's own elements
// (<title>, <h1>, time[datetime], <html lang>, link rel=canonical).
#pragma once

#include <string>
#include <vector>

#include "read/html_dom.hpp"

namespace galley::read::html {

struct PageMetadata {
  std::string title;       // the article's headline, without " | Site Name"
  std::string byline;      // as the page writes it ("By Jane Doe"); may be empty
  std::vector<std::string> authors;  // names, from JSON-LD or meta tags
  std::string description;
  std::string site_name;
  std::string published;   // the date as the page gives it (ISO 8601 in most)
  std::string modified;
  std::string section;
  std::vector<std::string> keywords;
  std::string lang;        // BCP 47
  std::string canonical_url;  // absolute, or empty
  std::string image;          // the page's lead image URL, or empty
  std::string document_title;  // <title> as written
};

// Reads the metadata; `found_in` lists where each field came from, for --explain.
PageMetadata read_page_metadata(Dom& dom, std::vector<std::string>& found_in);

// The headline from <title> (`document_title`, its text with spaces
// collapsed), with a site name before or after a separator removed, as
// Readability does (_getArticleTitle); `dom` gives the headings it weighs.
std::string title_from_document_title(const std::string& document_title, Dom& dom);

// How much of `candidate`'s words `reference` also has (0..1), Readability's
// _textSimilarity.
double text_similarity(const std::string& reference, const std::string& candidate);

// The text with &amp; &lt; &gt; &quot; &apos; and numeric references
// replaced: meta tags escaped twice by their CMS.
std::string unescape_entities(const std::string& text);

// Words of Unicode letters and digits (\w+ as JavaScript counts them, but
// for every script), lowercased, for comparing texts.
std::vector<std::string> word_tokens(const std::string& text);

// Trims spaces and collapses runs of whitespace to one space.
std::string collapse_spaces(const std::string& text);

}  // namespace galley::read::html
