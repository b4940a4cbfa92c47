// The HTML reader's input (html_page.cpp): the page's bytes decoded to
// UTF-8, and the addresses it names made usable.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "galley/errors.hpp"

namespace galley::read::html {

// The page as UTF-8: a byte-order mark, else the charset it declares
// (Latin-1 and ASCII labels read as Windows-1252, as browsers do), else
// UTF-8 with lines that are not read as Windows-1252, with a warning.
std::string decode_page(std::string_view bytes, const std::string& file_name, Diagnostics& diagnostics);

// Whether an address is on the web ("//host/…", "https:…"), not a local
// file or a data: URI.
bool is_remote(std::string_view url);
// A link's address made absolute against the page's, when the page says
// where it lives; "" for links that lead nowhere a reader can follow.
std::string resolve_link(const std::string& href, const std::string& base);
// "a%20b.jpg?x=1" → "a b.jpg": a saved page names its files as URLs.
std::string local_path_of(const std::string& url);
// The URLs of a srcset attribute, largest first ("a.jpg 400w, b.jpg 800w").
std::vector<std::string> srcset_urls(const std::string& srcset);

}  // namespace galley::read::html
