// The edition model's own functions (galley/edition.hpp).
#include <cstdio>

#include "galley/edition.hpp"

#include <glib.h>

#include "galley/text.hpp"

namespace galley {

std::vector<const EditionArticle*> articles_in_order(const Edition& edition) {
  std::vector<const EditionArticle*> articles;
  for (const EditionSection& section : edition.sections)
    for (const EditionArticle& article : section.articles) articles.push_back(&article);
  return articles;
}

namespace {

// The text up to the end of its first sentence: a full stop, question or
// exclamation mark followed by a space (or the end).
std::string first_sentence(const std::string& text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if ((c == '.' || c == '?' || c == '!') && (at + 1 == text.size() || text[at + 1] == ' ')) return text.substr(0, at + 1);
  }
  return text;
}

// At most `max_characters` characters (not bytes), cut after a whole word.
std::string cut_at_word(const std::string& text, std::size_t max_characters) {
  if (static_cast<std::size_t>(g_utf8_strlen(text.c_str(), static_cast<gssize>(text.size()))) <= max_characters)
    return text;
  const char* limit = g_utf8_offset_to_pointer(text.c_str(), static_cast<glong>(max_characters - 1));
  std::string head(text.c_str(), limit);
  const std::size_t space = head.rfind(' ');
  if (space != std::string::npos && space > head.size() / 2) head.erase(space);
  while (!head.empty() && (head.back() == ',' || head.back() == ';' || head.back() == ':' || head.back() == ' '))
    head.pop_back();
  return head + "\u2026";
}

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

std::string edition_language(const Edition& edition, const style::Theme& theme) {
  if (!edition.meta.lang.empty()) return edition.meta.lang;
  for (const EditionArticle* article : articles_in_order(edition))
    if (!article->document.meta.lang.empty()) return article->document.meta.lang;
  return theme.lang.empty() ? "en" : theme.lang;
}

std::string one_line_description(const doc::Document& document, std::size_t max_characters) {
  const doc::Meta& meta = document.meta;
  std::string text = !meta.description.empty() ? meta.description : meta.subtitle;
  if (text.empty())
    for (const doc::Block& block : document.blocks)
      if (const auto* para = std::get_if<doc::Para>(&block)) {
        text = first_sentence(doc::plain_text(para->body));
        if (!text.empty()) break;
      }
  return cut_at_word(text, max_characters);
}

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
