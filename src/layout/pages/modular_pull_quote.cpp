#include "layout/pages/modular_pull_quote.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <string_view>
#include <utility>
#include <variant>

#include "galley/text.hpp"
#include "layout/pages/line_slabs.hpp"

namespace galley::layout {
namespace {

constexpr std::size_t fewest_words = 10;
constexpr std::size_t most_words = 28;
constexpr double quote_scale = 1.35;  // the pull quote's face over the theme's quote face

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::size_t count_of(std::string_view text, std::string_view what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++count;
  return count;
}

// A sentence whose quotation marks open and close within it.
bool quotes_balanced(std::string_view sentence) {
  return count_of(sentence, "\u201C") == count_of(sentence, "\u201D") && count_of(sentence, "\"") % 2 == 0;
}

bool has_quotation(std::string_view sentence) {
  return sentence.find("\u201C") != std::string_view::npos || sentence.find('"') != std::string_view::npos;
}

// Whether the full stop at `stop`, a space after it, ends a sentence:
// not after an abbreviation ("U.S.", "Mr.") nor before a lower-case word.
bool ends_sentence(const std::string& paragraph, std::size_t stop) {
  const std::size_t word_start = paragraph.rfind(' ', stop);
  const std::string_view word = std::string_view(paragraph).substr(
      word_start == std::string::npos ? 0 : word_start + 1, stop - (word_start == std::string::npos ? 0 : word_start + 1));
  if (word.find('.') != std::string_view::npos) return false;  // "U.S", "e.g"
  static constexpr std::array<std::string_view, 12> titles{"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "vs", "Gov", "Sen", "Rep"};
  if (std::find(titles.begin(), titles.end(), word) != titles.end()) return false;
  const std::size_t next = paragraph.find_first_not_of(' ', stop + 1);
  if (next == std::string::npos) return true;
  const unsigned char first = static_cast<unsigned char>(paragraph[next]);
  return !std::islower(first);
}

// The paragraph's sentences: each ends at a full stop, question or
// exclamation mark (and the closing quotation marks after it) before a space.
std::vector<std::string> sentences(const std::string& paragraph) {
  std::vector<std::string> found;
  std::size_t start = 0;
  for (std::size_t at = 0; at < paragraph.size(); ++at) {
    const char c = paragraph[at];
    if (c != '.' && c != '?' && c != '!') continue;
    std::size_t end = at + 1;
    for (;;) {
      if (paragraph.compare(end, 3, "\u201D") == 0 || paragraph.compare(end, 3, "\u2019") == 0) end += 3;
      else if (end < paragraph.size() && (paragraph[end] == '"' || paragraph[end] == '\'' || paragraph[end] == ')')) ++end;
      else break;
    }
    if (end < paragraph.size() && paragraph[end] != ' ') continue;  // "3.5", "U.S.-France"
    if (c == '.' && end < paragraph.size() && !ends_sentence(paragraph, at)) continue;
    found.push_back(paragraph.substr(start, end - start));
    start = end + 1;
    at = end;
  }
  if (start < paragraph.size()) found.push_back(paragraph.substr(start));
  for (std::string& sentence : found) {
    sentence.erase(0, sentence.find_first_not_of(' '));
    sentence.erase(sentence.find_last_not_of(' ') + 1);
  }
  return found;
}

// Where the slab's first structure element begins, if it begins one.
const StructureItem* first_tag(const Slab& slab) {
  for (const Item& item : slab.items)
    if (const auto* tag = std::get_if<StructureItem>(&item)) return tag;
  return nullptr;
}

}  // namespace

bool has_pull_quote(const doc::Document& document) {
  return std::any_of(document.blocks.begin(), document.blocks.end(),
                     [](const doc::Block& block) { return std::holds_alternative<doc::PullQuote>(block); });
}

void drop_pull_quotes(doc::Document& document) {
  for (doc::Block& block : document.blocks)
    if (std::holds_alternative<doc::PullQuote>(block)) block = doc::Para{};
}

std::string sentence_to_pull(const doc::Document& document) {
  std::string plain;
  bool first_paragraph = true;
  for (const doc::Block& block : document.blocks) {
    const auto* para = std::get_if<doc::Para>(&block);
    if (!para || para->role != doc::ParaRole::body) continue;
    // The first paragraph is the one the reader has just read.
    if (first_paragraph) {
      first_paragraph = false;
      continue;
    }
    for (const std::string& sentence : sentences(doc::plain_text(para->body))) {
      const std::size_t words = count_words(sentence);
      if (words < fewest_words || words > most_words || !quotes_balanced(sentence)) continue;
      if (has_quotation(sentence)) return sentence;
      if (plain.empty()) plain = sentence;
    }
  }
  return plain;
}

std::vector<Slab> pull_quote_slabs(FontSystem& fonts, const style::Theme& theme, const std::string& text, double width,
                                   Diagnostics& warnings) {
  style::TextStyle style = theme.quote;
  style.size *= quote_scale;
  style.leading *= quote_scale;
  style.space_before = style.space_after = 0;
  auto rule = [&](double space_before) {
    Slab slab;
    slab.height = style.leading / 2;
    slab.space_before = space_before;
    slab.keep_with_next = true;
    RuleItem line;
    line.x0 = 0;
    line.x1 = width;
    line.y0 = line.y1 = slab.height / 2;
    line.thickness = 0.75;
    line.color = theme.rule_color;
    slab.items.emplace_back(line);
    return slab;
  };
  std::vector<Slab> slabs{rule(theme.body.leading)};
  std::vector<Slab> lines = line_slabs(fonts, text, style, width, TextAlignment::center, false, warnings);
  slabs.insert(slabs.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
  slabs.push_back(rule(0));
  // Room below for the text that goes on, as much as above.
  slabs.back().height += theme.body.leading;
  slabs.back().keep_with_next = false;
  wrap_in_structure(slabs, 0, "Div");
  return slabs;
}

bool insert_pull_quote(std::vector<Slab>& slabs, std::vector<Slab> quote) {
  // The slabs that begin a paragraph of the story's top level.
  std::vector<std::size_t> paragraphs;
  int depth = 0;
  for (std::size_t index = 0; index < slabs.size(); ++index) {
    const StructureItem* tag = first_tag(slabs[index]);
    if (tag && tag->begin && tag->tag == "P" && depth == 0 && !slabs[index].spans_columns) paragraphs.push_back(index);
    for (const Item& item : slabs[index].items)
      if (const auto* structure = std::get_if<StructureItem>(&item)) depth += structure->begin ? 1 : -1;
  }
  if (paragraphs.size() < 3) return false;
  const std::size_t before = paragraphs[std::max<std::size_t>(1, paragraphs.size() / 3)];
  slabs.insert(slabs.begin() + static_cast<std::ptrdiff_t>(before), std::make_move_iterator(quote.begin()),
               std::make_move_iterator(quote.end()));
  return true;
}

}  // namespace galley::layout
