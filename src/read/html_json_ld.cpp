// A page's JSON-LD: the schema.org article object among its scripts (one
// object, an array or an @graph; @type a string or an array), read with
// nlohmann::json, and repaired first when the site ships invalid JSON.
#include "read/html_json_ld.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "read/html_metadata.hpp"

namespace galley::read::html {
namespace {

using Json = nlohmann::json;

// Readability's list of article types: a type that starts with "Article"
// or names one of these.
bool is_article_type(const std::string& type) {
  static const char* const types[] = {
      "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
      "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
      "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
      "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference"};
  if (type.rfind("Article", 0) == 0) return true;
  return std::any_of(std::begin(types), std::end(types),
                     [&type](const char* name) { return type.find(name) != std::string::npos; });
}

bool has_article_type(const Json& object) {
  if (!object.is_object() || !object.contains("@type")) return false;
  const Json& type = object["@type"];
  if (type.is_string()) return is_article_type(type.get<std::string>());
  if (type.is_array())
    for (const Json& entry : type)
      if (entry.is_string() && is_article_type(entry.get<std::string>())) return true;
  return false;
}

std::string json_text(const Json& value) {
  if (value.is_string()) return collapse_spaces(value.get<std::string>());
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  return {};
}

// A name from a string, an object with "name", or the first such in an array.
std::vector<std::string> json_names(const Json& value) {
  std::vector<std::string> names;
  auto add = [&names](const Json& entry) {
    std::string name;
    if (entry.is_string())
      name = json_text(entry);
    else if (entry.is_object() && entry.contains("name"))
      name = json_text(entry["name"]);
    if (!name.empty() && !starts_with_url(name) && std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(name);
  };
  if (value.is_array())
    for (const Json& entry : value) add(entry);
  else
    add(value);
  return names;
}

std::vector<std::string> json_strings(const Json& value) {
  std::vector<std::string> strings;
  if (value.is_array()) {
    for (const Json& entry : value)
      if (std::string text = json_text(entry); !text.empty()) strings.push_back(text);
  } else if (std::string text = json_text(value); !text.empty()) {
    strings.push_back(text);
  }
  return strings;
}

std::string json_url(const Json& value) {
  if (value.is_string()) return json_text(value);
  if (value.is_object()) {
    if (value.contains("url")) return json_url(value["url"]);
    if (value.contains("@id")) return json_url(value["@id"]);
  }
  if (value.is_array() && !value.empty()) return json_url(value.front());
  return {};
}

// Some sites ship JSON-LD with raw line ends in strings or a comma before
// a closing bracket; such text is tried again without them.
std::string repaired_json(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t index = 0; index < text.size(); ++index) {
    char c = text[index];
    if (in_string) {
      if (c == '\\' && index + 1 < text.size()) {
        out += c;
        out += text[++index];
        continue;
      }
      if (c == '"') in_string = false;
      out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == ',') {
      std::size_t next = index + 1;
      while (next < text.size() && is_html_space(text[next])) ++next;
      if (next < text.size() && (text[next] == '}' || text[next] == ']')) continue;
    }
    out += c;
  }
  return out;
}

const Json* find_article_object(const Json& value) {
  if (has_article_type(value)) return &value;
  if (value.is_array())
    for (const Json& entry : value)
      if (const Json* found = find_article_object(entry)) return found;
  if (value.is_object() && value.contains("@graph") && value["@graph"].is_array())
    for (const Json& entry : value["@graph"])
      if (has_article_type(entry)) return &entry;
  return nullptr;
}

}  // namespace

JsonLdArticle read_json_ld(Dom& dom) {
  JsonLdArticle article;
  for (Node* script : elements_named(dom.document(), {"script"})) {
    if (ascii_lowercase(collapse_spaces(script->attribute("type"))) != "application/ld+json") continue;
    std::string text = text_content(script);
    // Some CMSs wrap it in a CDATA comment for old browsers.
    for (const char* wrapper : {"<![CDATA[", "]]>"})
      if (std::size_t at = text.find(wrapper); at != std::string::npos) text.erase(at, std::char_traits<char>::length(wrapper));
    Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_discarded()) parsed = Json::parse(repaired_json(text), nullptr, false);
    if (parsed.is_discarded()) continue;
    const Json* found = find_article_object(parsed);
    if (!found) continue;
    const Json& object = *found;
    article.found = true;
    auto string_field = [&object](const char* key) { return object.contains(key) ? json_text(object[key]) : std::string(); };
    article.name = string_field("name");
    article.headline = string_field("headline");
    article.description = string_field("description");
    article.published = string_field("datePublished");
    article.modified = string_field("dateModified");
    if (object.contains("author")) article.authors = json_names(object["author"]);
    if (object.contains("publisher")) {
      std::vector<std::string> publishers = json_names(object["publisher"]);
      if (!publishers.empty()) article.site_name = publishers.front();
    }
    if (object.contains("articleSection")) {
      std::vector<std::string> sections = json_strings(object["articleSection"]);
      if (!sections.empty()) article.section = sections.front();
    }
    if (object.contains("inLanguage")) {
      const Json& language = object["inLanguage"];
      article.lang = language.is_object() && language.contains("alternateName") ? json_text(language["alternateName"])
                                                                                  : json_text(language);
    }
    if (object.contains("keywords")) {
      if (object["keywords"].is_string()) {
        std::string list = json_text(object["keywords"]);
        std::size_t start = 0;
        while (start <= list.size()) {
          std::size_t comma = list.find(',', start);
          std::string keyword = collapse_spaces(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
          if (!keyword.empty()) article.keywords.push_back(keyword);
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
      } else {
        article.keywords = json_strings(object["keywords"]);
      }
    }
    if (object.contains("mainEntityOfPage")) article.url = json_url(object["mainEntityOfPage"]);
    if (article.url.empty() && object.contains("url")) article.url = json_url(object["url"]);
    if (object.contains("image")) article.image = json_url(object["image"]);
    break;  // the first article the page describes, as Readability takes
  }
  return article;
}

namespace {

std::string first_src(const Json& value, int depth) {
  if (depth > 8) return {};
  if (value.is_object()) {
    if (auto found = value.find("src"); found != value.end() && found->is_string()) return found->get<std::string>();
    for (const auto& entry : value.items())
      if (std::string src = first_src(entry.value(), depth + 1); !src.empty()) return src;
  } else if (value.is_array()) {
    for (const Json& entry : value)
      if (std::string src = first_src(entry, depth + 1); !src.empty()) return src;
  }
  return {};
}

}  // namespace

std::optional<std::string> image_url_in_json(const std::string& value) {
  const std::size_t start = value.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || value[start] != '{') return std::nullopt;
  const Json parsed = Json::parse(value, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::string();
  if (auto preferred = parsed.find("default"); preferred != parsed.end())
    if (std::string src = first_src(*preferred, 0); !src.empty()) return collapse_spaces(src);
  return collapse_spaces(first_src(parsed, 0));
}

}  // namespace galley::read::html
