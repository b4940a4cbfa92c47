// The article a page describes in JSON-LD (NewsArticle, Article,
// BlogPosting and kin), the best of the HTML reader's metadata sources
// (html_metadata.hpp).
#pragma once

#include <optional>
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

// A lazy-loading attribute that holds a JSON object rather than a URL
// (MSN's data-src: {"default":{"src":"//img-s-msn-com.akamaized.net/..."}}):
// the picture's URL, the "default" entry's "src" first, else the first
// "src" string found (empty when none is); nothing when `value` is not
// such an object.
std::optional<std::string> image_url_in_json(const std::string& value);

}  // namespace galley::read::html
