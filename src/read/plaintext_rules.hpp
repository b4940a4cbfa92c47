// How an editor reads a block of plain text: the tests a line must pass to
// be a caption with a credit, a subheading, a teaser, a list item, a byline
// or a dateline. Each is a pure function of the text, so each is tested on
// its own (tests/unit/test_plaintext_rules.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::read::detail {

// The facts about a line the rules are built on.
struct LineShape {
  int words = 0;
  bool ends_sentence = false;  // . ! … (ignoring closing quotes and brackets)
  bool ends_question = false;  // ?
  bool ends_clause = false;    // : ; ,
  bool starts_capital = false; // an upper-case letter or a digit
  bool starts_quote = false;
  bool has_comma = false;
  bool has_dash = false;        // a spaced dash between words
  bool has_quote = false;
  bool has_label_colon = false; // "Best Picture: Nomadland"
};
LineShape shape_of(std::string_view line);

struct CaptionParts {
  std::string caption;  // may be empty: a credit line alone
  std::string credit;   // the name, without its label
  std::string label;    // "Credit", "Image: "… as written, without the colon; "©"; or empty
};
// "… in 2020. Credit: AP", "… Kabul, Afghanistan Credit: X/AP", "…
// Image: Nick Moreau.", "… (Getty Images)", "… © Jane Doe".
std::optional<CaptionParts> split_credit(std::string_view line);

// A short line on its own between paragraphs: a question ("Who are ISIS-K?")
// or a title phrase without final punctuation.
bool looks_like_subheading(const LineShape& shape);
// A line without final punctuation that is no heading: the title of an
// embedded video, a related-story teaser.
bool looks_like_teaser(const LineShape& shape);

struct ListMarker {
  bool ordered = false;
  int number = 0;     // for ordered items
  std::string text;   // the item without its marker
};
// "- item", "* item", "• item", "1. item", "1) item".
std::optional<ListMarker> list_marker(std::string_view line);

struct Byline {
  std::vector<std::string> authors;
  std::string text;  // the line as written
};
// "By Jane Doe and John Roe", "Jane Doe, Political Editor".
std::optional<Byline> parse_byline(std::string_view line);

struct Attribution {
  std::string quote;        // the quoted words, with their final punctuation
  std::string attribution;  // "John Cornyn, U.S. Senator (R-Texas)"
};
// A quotation followed by the name of its speaker, as pull quotes are set:
// "… misguided decision. John Cornyn, U.S. Senator (R-Texas)".
std::optional<Attribution> split_attribution(std::string_view line);

struct Dateline {
  std::string place;  // "LONDON (Reuters)", "Evansville, Indiana, United States"
  std::string rest;   // the paragraph after the dateline's dash
};
// A dateline opening the first paragraph: "LONDON (Reuters) - The …".
std::optional<Dateline> split_dateline(std::string_view paragraph);

// Words separated by spaces, for counting.
std::vector<std::string_view> words_of(std::string_view line);

}  // namespace galley::read::detail
