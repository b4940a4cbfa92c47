// A web page's bytes and addresses: its encoding (a BOM, <meta charset> or
// http-equiv, else UTF-8 with text_decoding's Windows-1252 fallback), and
// the links, image paths and srcset candidates it names.
#include "read/html_page.hpp"

#include <glib.h>

#include <algorithm>
#include <cctype>

#include "read/html_dom.hpp"
#include "read/html_metadata.hpp"
#include "read/text_decoding.hpp"
#include "support/glib_owned.hpp"
#include "support/url_scheme.hpp"

namespace galley::read::html {
namespace {

// The encoding the page declares in its first bytes: <meta charset>, or
// <meta http-equiv="Content-Type" content="…; charset=…">, read by parsing
// the page's start with gumbo (names are ASCII in every encoding HTML allows).
std::string declared_charset(std::string_view bytes) {
  std::unique_ptr<html::Dom> head = html::parse_html(std::string(bytes.substr(0, 4096)));
  for (Node* meta : html::elements_named(head->document(), {"meta"})) {
    std::string charset = html::collapse_spaces(meta->attribute("charset"));
    if (charset.empty() && ascii_lowercase(meta->attribute("http-equiv")) == "content-type") {
      std::string content = ascii_lowercase(meta->attribute("content"));
      std::size_t at = content.find("charset=");
      if (at != std::string::npos) {
        charset = content.substr(at + 8);
        charset = charset.substr(0, charset.find_first_of("; \"'"));
      }
    }
    if (!charset.empty()) return ascii_lowercase(charset);
  }
  return {};
}

}  // namespace

std::string decode_page(std::string_view bytes, const std::string& file_name, Diagnostics& diagnostics) {
  bool has_bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" || bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  std::string charset = has_bom ? std::string() : declared_charset(bytes);
  // As the HTML standard says, Latin-1 and ASCII labels mean Windows-1252.
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" || charset == "ascii" ||
      charset == "l1" || charset == "cp1252")
    charset = "windows-1252";
  if (!charset.empty() && charset != "utf-8" && charset != "utf8" && charset != "unicode-1-1-utf-8") {
    std::string why;
    if (std::optional<std::string> converted = detail::decode_declared(bytes, charset, why))
      return detail::decode_text(*converted, file_name, diagnostics);
    diagnostics.push_back({file_name, 0,
                           "the page declares the encoding \"" + charset + "\", which does not decode it (" +
                               (why.empty() ? "unknown" : why) + "); reading it as UTF-8"});
  }
  return detail::decode_text(bytes, file_name, diagnostics);
}

bool is_remote(std::string_view url) { return url.rfind("//", 0) == 0 || (has_url_scheme(url) && url.rfind("data:", 0) != 0 && url.rfind("file:", 0) != 0); }

// A link's address made absolute against the page's, when the page says
// where it lives; "" for links that lead nowhere a reader can follow.
std::string resolve_link(const std::string& href, const std::string& base) {
  std::string url = html::collapse_spaces(href);
  if (url.empty() || url[0] == '#') return {};
  std::string scheme = ascii_lowercase(url.substr(0, url.find(':')));
  if (has_url_scheme(url))
    return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "ftp" ? url : std::string();
  if (base.empty()) return {};
  glib::String resolved(g_uri_resolve_relative(base.c_str(), url.c_str(), G_URI_FLAGS_NONE, nullptr));
  return resolved ? std::string(resolved.get()) : std::string();
}

// "a%20b.jpg?x=1" → "a b.jpg": a saved page names its files as URLs.
std::string local_path_of(const std::string& url) {
  std::string path = url.substr(0, url.find_first_of("?#"));
  if (path.rfind("file://", 0) == 0) return {};
  glib::String unescaped(g_uri_unescape_string(path.c_str(), nullptr));
  return unescaped ? std::string(unescaped.get()) : path;
}

// The URLs of a srcset attribute, largest first ("a.jpg 400w, b.jpg 800w").
std::vector<std::string> srcset_urls(const std::string& srcset) {
  std::vector<std::pair<double, std::string>> candidates;
  std::size_t at = 0;
  while (at < srcset.size()) {
    while (at < srcset.size() && (std::isspace(static_cast<unsigned char>(srcset[at])) || srcset[at] == ',')) ++at;
    std::size_t end = at;
    while (end < srcset.size() && !std::isspace(static_cast<unsigned char>(srcset[end]))) ++end;
    std::string url = srcset.substr(at, end - at);
    // A URL may itself end in a comma before the next candidate.
    bool comma_ended = !url.empty() && url.back() == ',';
    if (comma_ended) url.pop_back();
    at = end;
    double size = 1;
    if (!comma_ended) {
      std::size_t descriptor_end = srcset.find(',', at);
      std::string descriptor = html::collapse_spaces(srcset.substr(at, descriptor_end == std::string::npos ? std::string::npos : descriptor_end - at));
      if (!descriptor.empty()) size = std::atof(descriptor.c_str());
      at = descriptor_end == std::string::npos ? srcset.size() : descriptor_end + 1;
    }
    if (!url.empty()) candidates.emplace_back(size, url);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> urls;
  for (auto& candidate : candidates) urls.push_back(std::move(candidate.second));
  return urls;
}

}  // namespace galley::read::html
