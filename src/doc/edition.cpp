// The edition model's own functions (galley/edition.hpp).
#include <cstdio>

#include "galley/edition.hpp"

namespace galley {

std::vector<const EditionArticle*> articles_in_order(const Edition& edition) {
  std::vector<const EditionArticle*> articles;
  for (const EditionSection& section : edition.sections)
    for (const EditionArticle& article : section.articles) articles.push_back(&article);
  return articles;
}

namespace {

// Lower-case ASCII letters and digits, anything else one hyphen, at most 40
// characters: a file name every reading system and zip tool takes.
std::string slug(const std::string& name) {
  std::string out;
  for (char c : name) {
    unsigned char byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9'))
      out += c;
    else if (byte >= 'A' && byte <= 'Z')
      out += static_cast<char>(byte - 'A' + 'a');
    else if (!out.empty() && out.back() != '-')
      out += '-';
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

void assign_article_keys(Edition& edition) {
  std::size_t count = 0;
  for (const EditionSection& section : edition.sections) count += section.articles.size();
  const int digits = static_cast<int>(std::to_string(count).size());
  std::size_t number = 0;
  for (EditionSection& section : edition.sections)
    for (EditionArticle& article : section.articles) {
      char place[32];
      std::snprintf(place, sizeof place, "a-%0*zu", digits < 2 ? 2 : digits, ++number);
      const std::string name = slug(article.source.stem().string());
      article.key = name.empty() ? place : std::string(place) + "-" + name;
    }
}

}  // namespace galley
