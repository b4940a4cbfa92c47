#include "read/html_metadata.hpp"

#include <glib.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "read/html_json_ld.hpp"

namespace galley::read::html {
namespace {

std::string without_spaces(const std::string& text) {
  std::string out;
  for (char c : text)
    if (!is_html_space(c)) out += c;
  return out;
}

// "a b  c" → 3 words, as JavaScript's str.split(/\s+/).length counts them
// (a leading space counts one empty word).
std::size_t split_word_count(const std::string& text) {
  std::size_t count = 1;
  for (std::size_t index = 0; index < text.size(); ++index)
    if (is_html_space(text[index])) {
      ++count;
      while (index + 1 < text.size() && is_html_space(text[index + 1])) ++index;
    }
  return count;
}

// ---------------------------------------------------------------- meta tags

// Readability's property pattern: "(article|dc|dcterm|og|twitter):(author|
// creator|description|published_time|title|site_name)", several per
// attribute, separated by spaces.
std::vector<std::string> property_keys(const std::string& property) {
  static const char* const prefixes[] = {"article", "dc", "dcterm", "og", "twitter"};
  static const char* const names[] = {"author", "creator", "description", "published_time", "title", "site_name",
                                      // beyond Readability's list: what galley's model also carries
                                      "modified_time", "section", "tag", "locale", "url", "image"};
  std::vector<std::string> keys;
  std::string words = ascii_lowercase(property);
  std::size_t start = 0;
  while (start < words.size()) {
    while (start < words.size() && is_html_space(words[start])) ++start;
    std::size_t end = start;
    while (end < words.size() && !is_html_space(words[end])) ++end;
    std::string word = words.substr(start, end - start);
    start = end;
    // Anywhere in the word, as Readability's unanchored pattern finds
    // "article:author" in "og:article:author".
    for (std::size_t at = 0; at < word.size(); ++at) {
      std::size_t colon = word.find(':', at);
      if (colon == std::string::npos) break;
      for (const char* prefix : prefixes) {
        std::size_t length = std::char_traits<char>::length(prefix);
        if (colon < length || word.compare(colon - length, length, prefix) != 0) continue;
        std::string rest = word.substr(colon + 1);
        for (const char* name : names) {
          std::size_t name_length = std::char_traits<char>::length(name);
          if (rest.size() == name_length && rest.compare(0, name_length, name) == 0) {
            std::string key = std::string(prefix) + ":" + name;
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
          }
        }
      }
      at = colon;
    }
  }
  return keys;
}

// Readability's name pattern: an optional "dc", "dcterm", "og", "twitter",
// "parsely" or "weibo:article"/"weibo:webpage" prefix joined by "-", "." or
// ":", then author, creator, pub-date, description, title or site_name.
std::string name_key(const std::string& name_attribute) {
  std::string name = ascii_lowercase(collapse_spaces(name_attribute));
  static const char* const names[] = {"author", "creator", "pub-date", "description", "title", "site_name",
                                      "keywords", "date", "section"};
  for (const char* candidate : names)
    if (name == candidate) return name;
  static const char* const prefixes[] = {"weibo:article", "weibo:webpage", "dcterm", "dc", "og", "twitter", "parsely"};
  for (const char* prefix : prefixes) {
    std::string p = prefix;
    if (name.rfind(p, 0) != 0) continue;
    std::string rest = name.substr(p.size());
    std::size_t at = 0;
    while (at < rest.size() && is_html_space(rest[at])) ++at;
    if (at >= rest.size() || (rest[at] != '-' && rest[at] != '.' && rest[at] != ':')) continue;
    char joiner = rest[at] == '.' ? ':' : rest[at];
    ++at;
    while (at < rest.size() && is_html_space(rest[at])) ++at;
    std::string field = without_spaces(rest.substr(at));
    for (const char* candidate : names)
      if (field == candidate) return p + joiner + field;
  }
  return {};
}

std::map<std::string, std::string> meta_values(Dom& dom) {
  std::map<std::string, std::string> values;
  for (Node* meta : elements_named(dom.document(), {"meta"})) {
    const std::string& content = meta->attribute("content");
    if (content.empty()) continue;
    std::string value = collapse_spaces(content);
    bool matched = false;
    for (const std::string& key : property_keys(meta->attribute("property"))) {
      values[key] = value;
      matched = true;
    }
    if (!matched) {
      std::string key = name_key(meta->attribute("name"));
      if (!key.empty()) values[key] = value;
    }
    if (ascii_lowercase(meta->attribute("http-equiv")) == "content-language" && !values.count("content-language"))
      values["content-language"] = value;
    if (ascii_lowercase(meta->attribute("itemprop")) == "datepublished" && !values.count("itemprop-datepublished"))
      values["itemprop-datepublished"] = value;
  }
  return values;
}

std::string first_of(const std::map<std::string, std::string>& values, std::initializer_list<const char*> keys,
                     std::string* key_found = nullptr) {
  for (const char* key : keys) {
    auto found = values.find(key);
    if (found != values.end() && !found->second.empty()) {
      if (key_found) *key_found = key;
      return found->second;
    }
  }
  return {};
}

// A " | Site Name" or "Site Name - " around the headline, when the site's
// name (or another name: an author's) is known.
std::string without_site_name(std::string title, const std::string& site_name) {
  if (site_name.empty() || title.size() <= site_name.size()) return title;
  static const char* const separators[] = {" | ", " - ", " \u2013 ", " \u2014 ", " \u00B7 ", " :: ", " \u00BB "};
  for (const char* separator : separators) {
    std::string suffix = separator + site_name, prefix = site_name + separator;
    if (title.size() > suffix.size() && ascii_lowercase(title.substr(title.size() - suffix.size())) == ascii_lowercase(suffix))
      return title.substr(0, title.size() - suffix.size());
    if (title.size() > prefix.size() && ascii_lowercase(title.substr(0, prefix.size())) == ascii_lowercase(prefix))
      return title.substr(prefix.size());
  }
  return title;
}

}  // namespace

std::string collapse_spaces(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_html_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string unescape_entities(const std::string& text) {
  if (text.find('&') == std::string::npos) return text;
  static const std::pair<const char*, const char*> named[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
  std::string out;
  for (std::size_t index = 0; index < text.size();) {
    if (text[index] == '&') {
      bool replaced = false;
      for (const auto& [entity, character] : named)
        if (text.compare(index, std::char_traits<char>::length(entity), entity) == 0) {
          out += character;
          index += std::char_traits<char>::length(entity);
          replaced = true;
          break;
        }
      if (!replaced && index + 2 < text.size() && text[index + 1] == '#') {
        bool hex = text[index + 2] == 'x' || text[index + 2] == 'X';
        std::size_t digits = index + (hex ? 3 : 2), end = digits;
        while (end < text.size() && end - digits < 8 && (hex ? std::isxdigit(static_cast<unsigned char>(text[end]))
                                                               : std::isdigit(static_cast<unsigned char>(text[end]))))
          ++end;
        if (end > digits && end < text.size() && text[end] == ';') {
          unsigned long code = std::stoul(text.substr(digits, end - digits), nullptr, hex ? 16 : 10);
          if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
          char buffer[8];
          int length = g_unichar_to_utf8(static_cast<gunichar>(code), buffer);
          if (code >= 0x20 || code == '\n' || code == '\t') out.append(buffer, static_cast<std::size_t>(length));
          index = end + 1;
          replaced = true;
        }
      }
      if (replaced) continue;
    }
    out += text[index++];
  }
  return out;
}

std::vector<std::string> word_tokens(const std::string& text) {
  std::vector<std::string> tokens;
  std::string token;
  const char* at = text.c_str();
  const char* end = at + text.size();
  while (at < end) {
    gunichar c = g_utf8_get_char_validated(at, end - at);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
      ++at;
      continue;
    }
    const char* next = g_utf8_next_char(at);
    if (g_unichar_isalnum(c) || c == '_' || g_unichar_ismark(c)) {
      char buffer[8];
      int length = g_unichar_to_utf8(g_unichar_tolower(c), buffer);
      token.append(buffer, static_cast<std::size_t>(length));
    } else if (!token.empty()) {
      tokens.push_back(std::move(token));
      token.clear();
    }
    at = next;
  }
  if (!token.empty()) tokens.push_back(std::move(token));
  return tokens;
}

double text_similarity(const std::string& reference, const std::string& candidate) {
  std::vector<std::string> a = word_tokens(reference), b = word_tokens(candidate);
  if (a.empty() || b.empty()) return 0;
  auto joined_length = [](const std::vector<std::string>& words) {
    std::size_t length = 0;
    for (const std::string& word : words) length += character_count(word) + 1;
    return length - 1;
  };
  std::vector<std::string> unique_b;
  for (const std::string& word : b)
    if (std::find(a.begin(), a.end(), word) == a.end()) unique_b.push_back(word);
  double distance = unique_b.empty() ? 0.0 : static_cast<double>(joined_length(unique_b)) / joined_length(b);
  return 1 - distance;
}

std::string title_from_document_title(const std::string& original, Dom& dom) {
  std::string title = original;
  // Separators Readability cuts at: " | ", " - ", " \ ", " / ", " > ", " » ".
  auto separator_length = [&](std::size_t at, bool hierarchical_only) -> std::size_t {
    // The hierarchical ones (a path of sections) from the fourth on.
    static const char* const all[] = {"|", "-", "\u2013", "\u2014", "\\", "/", ">", "\u00BB"};
    for (std::size_t index = hierarchical_only ? 4 : 0; index < std::size(all); ++index) {
      std::size_t length = std::char_traits<char>::length(all[index]);
      if (original.compare(at, length, all[index]) == 0) return length;
    }
    return 0;
  };
  // Positions of " X " with X a separator.
  auto spaced_separators = [&](bool hierarchical_only) {
    std::vector<std::pair<std::size_t, std::size_t>> found;  // position of X, its length
    for (std::size_t at = 1; at < original.size(); ++at) {
      if (original[at - 1] != ' ') continue;
      std::size_t length = separator_length(at, hierarchical_only);
      if (length && at + length < original.size() && original[at + length] == ' ') found.emplace_back(at, length);
    }
    return found;
  };
  bool had_hierarchical_separators = false;
  std::vector<std::pair<std::size_t, std::size_t>> separators = spaced_separators(false);
  if (!separators.empty()) {
    had_hierarchical_separators = !spaced_separators(true).empty();
    // Everything before the last separator that a space follows.
    std::size_t last = 0;
    bool any = false;
    for (std::size_t at = 0; at < original.size(); ++at)
      if (std::size_t length = separator_length(at, false);
          length && at + length < original.size() && original[at + length] == ' ') {
        last = at;
        any = true;
      }
    title = any ? original.substr(0, last) : original;
    if (split_word_count(title) < 3) {
      // Too short: everything after the first separator instead.
      for (std::size_t at = 0; at < original.size(); ++at)
        if (std::size_t length = separator_length(at, false)) {
          title = original.substr(at + length);
          break;
        }
    }
  } else if (original.find(": ") != std::string::npos) {
    bool heading_matches = false;
    for (Node* heading : elements_named(dom.document(), {"h1", "h2"}))
      if (collapse_spaces(text_content(heading)) == original) heading_matches = true;
    if (!heading_matches) {
      title = original.substr(original.rfind(':') + 1);
      if (split_word_count(title) < 3)
        title = original.substr(original.find(':') + 1);
      else if (split_word_count(original.substr(0, original.find(':'))) > 5)
        title = original;
    }
  } else if (character_count(original) > 150 || character_count(original) < 15) {
    std::vector<Node*> headlines = elements_named(dom.document(), {"h1"});
    if (headlines.size() == 1) title = inner_text(headlines.front());
  }
  title = collapse_spaces(title);
  std::string original_without_separators;
  for (std::size_t at = 0; at < original.size();) {
    if (std::size_t length = separator_length(at, false)) {
      at += length;
      continue;
    }
    original_without_separators += original[at++];
  }
  std::size_t words = split_word_count(title);
  if (words <= 4 && (!had_hierarchical_separators || words != split_word_count(original_without_separators) - 1))
    title = original;
  return title;
}

PageMetadata read_page_metadata(Dom& dom, std::vector<std::string>& found_in) {
  PageMetadata metadata;
  JsonLdArticle json_ld = read_json_ld(dom);
  std::map<std::string, std::string> values = meta_values(dom);
  std::vector<Node*> titles = elements_named(dom.document(), {"title"});
  metadata.document_title = titles.empty() ? std::string() : collapse_spaces(text_content(titles.front()));
  if (json_ld.found) found_in.push_back("JSON-LD article");

  // The headline: JSON-LD's name or headline (whichever matches the page's
  // title when they differ), then the meta tags, then <title>.
  std::string key;
  if (!json_ld.name.empty() && !json_ld.headline.empty() && json_ld.name != json_ld.headline) {
    std::string page_title = title_from_document_title(metadata.document_title, dom);
    bool name_matches = text_similarity(json_ld.name, page_title) > 0.75;
    bool headline_matches = text_similarity(json_ld.headline, page_title) > 0.75;
    metadata.title = headline_matches && !name_matches ? json_ld.headline : json_ld.name;
    key = "JSON-LD";
  } else if (!json_ld.name.empty() || !json_ld.headline.empty()) {
    metadata.title = json_ld.name.empty() ? json_ld.headline : json_ld.name;
    key = "JSON-LD";
  } else {
    metadata.title = first_of(values,
                              {"dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                               "title", "twitter:title", "parsely-title"},
                              &key);
  }
  if (metadata.title.empty()) {
    metadata.title = title_from_document_title(metadata.document_title, dom);
    key = "<title>";
  }
  found_in.push_back("title from " + key);

  std::string byline_key;
  metadata.authors = json_ld.authors;
  if (!json_ld.authors.empty()) {
    std::string joined;
    for (const std::string& author : json_ld.authors) joined += (joined.empty() ? "" : ", ") + author;
    metadata.byline = joined;
    byline_key = "JSON-LD";
  } else {
    metadata.byline = first_of(values, {"dc:creator", "dcterm:creator", "author", "parsely-author"}, &byline_key);
    std::string article_author = first_of(values, {"article:author"});
    if (metadata.byline.empty() && !article_author.empty() && !starts_with_url(article_author)) {
      metadata.byline = article_author;
      byline_key = "article:author";
    }
    if (starts_with_url(metadata.byline)) metadata.byline.clear();
    if (!metadata.byline.empty()) metadata.authors.push_back(metadata.byline);
  }
  if (!metadata.byline.empty()) found_in.push_back("byline from " + byline_key);

  metadata.description = !json_ld.description.empty()
                             ? json_ld.description
                             : first_of(values, {"dc:description", "dcterm:description", "og:description",
                                                 "weibo:article:description", "weibo:webpage:description",
                                                 "description", "twitter:description"});
  metadata.site_name = !json_ld.site_name.empty() ? json_ld.site_name : first_of(values, {"og:site_name"});
  metadata.published = !json_ld.published.empty()
                           ? json_ld.published
                           : first_of(values, {"article:published_time", "parsely-pub-date", "dc:date",
                                               "dcterm:date", "itemprop-datepublished", "date", "pub-date"});
  if (metadata.published.empty())
    for (Node* time : elements_named(dom.document(), {"time"}))
      if (!time->attribute("datetime").empty()) {
        metadata.published = collapse_spaces(time->attribute("datetime"));
        found_in.push_back("date from <time datetime>");
        break;
      }
  metadata.modified = !json_ld.modified.empty() ? json_ld.modified : first_of(values, {"article:modified_time"});
  metadata.section = !json_ld.section.empty() ? json_ld.section : first_of(values, {"article:section", "section"});
  metadata.keywords = json_ld.keywords;
  if (metadata.keywords.empty())
    for (Node* meta : elements_named(dom.document(), {"meta"}))
      if (ascii_lowercase(meta->attribute("property")) == "article:tag" && !meta->attribute("content").empty())
        metadata.keywords.push_back(collapse_spaces(meta->attribute("content")));

  // The language: <html lang>, then JSON-LD, then Content-Language, then og:locale.
  if (Node* root = dom.html()) metadata.lang = collapse_spaces(root->attribute("lang"));
  if (metadata.lang.empty()) metadata.lang = json_ld.lang;
  if (metadata.lang.empty()) metadata.lang = first_of(values, {"content-language"});
  if (metadata.lang.empty()) {
    metadata.lang = first_of(values, {"og:locale"});
    std::replace(metadata.lang.begin(), metadata.lang.end(), '_', '-');
  }

  for (Node* link : elements_named(dom.document(), {"link"})) {
    std::string rel = ascii_lowercase(link->attribute("rel"));
    if (rel == "canonical" && starts_with_url(link->attribute("href"))) {
      metadata.canonical_url = collapse_spaces(link->attribute("href"));
      break;
    }
  }
  if (metadata.canonical_url.empty() && starts_with_url(json_ld.url)) metadata.canonical_url = json_ld.url;
  if (metadata.canonical_url.empty()) {
    std::string url = first_of(values, {"og:url"});
    if (starts_with_url(url)) metadata.canonical_url = url;
  }
  metadata.image = !json_ld.image.empty() ? json_ld.image : first_of(values, {"og:image", "twitter:image"});

  for (std::string* field : {&metadata.title, &metadata.byline, &metadata.description, &metadata.site_name})
    *field = collapse_spaces(unescape_entities(*field));
  for (std::string& author : metadata.authors) author = collapse_spaces(unescape_entities(author));
  metadata.title = without_site_name(metadata.title, metadata.site_name);
  // Some sites end the headline with the columnist's name the same way.
  for (const std::string& author : metadata.authors) metadata.title = without_site_name(metadata.title, author);
  return metadata;
}

}  // namespace galley::read::html
