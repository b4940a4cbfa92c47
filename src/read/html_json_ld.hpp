// The article a page describes in JSON-LD (NewsArticle, Article,
// BlogPosting and kin), the best of the HTML reader's metadata sources
// (html_metadata.hpp).
#pragma once

#include <string>
#include <vector>

#include "read/html_dom.hpp"

namespace galley::read::html {

// What the JSON-LD article object says; `found` is false when the page has none.
struct JsonLdArticle {
  std::string name, headline, description, site_name, published, modified, section, lang, url, image;
  std::vector<std::string> authors, keywords;
  bool found = false;
};

JsonLdArticle read_json_ld(Dom& dom);

}  // namespace galley::read::html
