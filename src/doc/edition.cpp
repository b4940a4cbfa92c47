// The edition model's own functions (galley/edition.hpp).
#include "galley/edition.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string_view>

#include "galley/text.hpp"

namespace galley {

std::vector<const EditionArticle*> articles_in_order(const Edition& edition) {
  std::vector<const EditionArticle*> articles;
  for (const EditionSection& section : edition.sections)
    for (const EditionArticle& article : section.articles) articles.push_back(&article);
  return articles;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!is_space(c)) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Where the first sentence of `text` ends (the index after its final mark),
// or npos. A full stop after an initial ("J."), an abbreviation with inner
// stops ("U.S.") or a common title ("Mr.") ends no sentence.
std::size_t first_sentence_end(const std::string& text) {
  static constexpr std::string_view titles[] = {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Gen", "Sen", "Rep",
                                                "Gov", "Lt", "Col", "Capt", "Jr", "Sr", "vs", "etc", "e.g", "i.e"};
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char mark = text[index];
    if (mark != '.' && mark != '!' && mark != '?') continue;
    // Closing quotes and brackets belong to the sentence they end.
    std::size_t end = index + 1;
    while (end < text.size() && std::string_view("\"')").find(text[end]) != std::string_view::npos) ++end;
    while (end + 2 < text.size() && text.compare(end, 3, "\u2019") == 0) end += 3;
    while (end + 2 < text.size() && text.compare(end, 3, "\u201D") == 0) end += 3;
    if (end < text.size() && text[end] != ' ') continue;
    if (mark == '.') {
      const std::size_t word_start = text.rfind(' ', index) == std::string::npos ? 0 : text.rfind(' ', index) + 1;
      const std::string_view word(text.data() + word_start, index - word_start);
      if (word.size() == 1 || word.find('.') != std::string_view::npos) continue;
      if (std::find(std::begin(titles), std::end(titles), word) != std::end(titles)) continue;
    }
    return end;
  }
  return std::string::npos;
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

std::string edition_cover_source(const Edition& edition) {
  const std::filesystem::path& cover = edition.meta.cover_image;
  std::error_code error;
  const std::filesystem::path folder =
      std::filesystem::absolute(edition.directory.empty() ? std::filesystem::path(".") : edition.directory, error);
  const std::filesystem::path absolute_cover = std::filesystem::absolute(cover, error);
  if (error) return cover.string();
  const std::filesystem::path relative = absolute_cover.lexically_normal().lexically_relative(folder.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return absolute_cover.lexically_normal().string();
  return relative.string();
}

std::string one_line_description(const doc::Document& document, std::size_t max_characters) {
  for (const std::string* wanted : {&document.meta.description, &document.meta.subtitle})
    if (std::string line = collapse_whitespace(*wanted); !line.empty()) return doc::shorten_at_word(line, max_characters);
  for (const doc::Block& block : document.blocks) {
    const auto* para = std::get_if<doc::Para>(&block);
    if (para == nullptr) continue;
    std::string text = collapse_whitespace(doc::plain_text(para->body));
    if (text.empty()) continue;
    if (const std::size_t end = first_sentence_end(text); end != std::string::npos) text.resize(end);
    return doc::shorten_at_word(text, max_characters);
  }
  return {};
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
