// Finds the article on a whole web page, among its navigation, headers,
// footers, ads, share bars, "related" lists and comments: Readability's
// algorithm (Mozilla's reader view, the reference most extractors are
// measured against), on galley's own tree.
//
// Paragraph-like elements are scored by their text (length, commas) and
// give their score to their parent and grandparent; containers are weighed
// by class and id words and by their link density; the best container is
// kept with the siblings that belong to it, then cleaned of what is left
// of forms, share bars, link lists and empty elements. When that leaves
// under 500 characters, the search runs again with fewer rules.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "read/html_dom.hpp"

namespace galley::read::html {

struct ArticleSearch {
  std::unique_ptr<Dom> dom;  // the tree the article was found in
  Node* content = nullptr;   // a container galley made, holding the article's elements
  std::string byline;        // a byline element's text the search took out of the article
  std::size_t text_length = 0;  // characters of text in `content`
  std::vector<std::string> explanation;  // what was chosen and dropped, for --explain
};

// `parse` gives a fresh tree of the page each time the search starts again.
// `title` is the headline found in the metadata: a heading that repeats it
// is not part of the body.
ArticleSearch find_article(const std::function<std::unique_ptr<Dom>()>& parse, const std::string& title);

// The cleaning without the search, for a page that is only the article
// (a fragment): scripts, forms, hidden elements and share bars go, and a
// byline element is taken out; returns its text.
std::string clean_fragment(Dom& dom);

// Whether an element is hidden from readers (display:none, hidden,
// aria-hidden), so its text is not the article's.
bool is_probably_hidden(const Node& node);

// Whether an <iframe> shows something a reader can follow a link to (a
// tweet, map, chart or post), not an advertisement or a tracking pixel.
bool is_embed_worth_a_note(const Node& node);

// "a/b/div.article-body#main" for messages.
std::string element_path(const Node* node);

}  // namespace galley::read::html
