// Plain text of parts of the document model: what `inspect` prints, what
// search and tests compare, what the EPUB's nav and the PDF's outline show.
#pragma once

#include <string>
#include <string_view>

#include "galley/doc.hpp"

namespace galley::doc {

// Spaces and breaks become single spaces; markup is dropped.
std::string plain_text(const Inlines& inlines);
// Paragraphs inside a block are joined with a space; list items with a space.
std::string plain_text(const Block& block);
std::string plain_text(const Blocks& blocks);

// The date as readers of `lang` expect it: "7 September 2016" in British
// English, "September 7, 2016" in American, ISO 8601 where galley has no
// month names for the language.
std::string display_date(const Date& date, std::string_view lang);
// "YYYY", "YYYY-MM" or "YYYY-MM-DD" at the precision the date has (ISO 8601
// and W3CDTF); empty for a year outside 1..9999.
std::string iso_date(const Date& date);
// What the article head shows: the article's own wording when it has one,
// else one made from the fields ("By A, B and C"; the formatted date).
std::string display_byline(const Meta& meta);
std::string display_date(const Meta& meta);

// `text` cut after a whole word (or within a word that is longer than half
// the room) to at most `max_characters` characters, the ellipsis included,
// its trailing punctuation dropped; `text` itself when it fits. What covers
// and contents show of long texts.
std::string shorten_at_word(const std::string& text, std::size_t max_characters);

// What a figure's credit is shown as: its label and the name ("Photo: Jane
// Doe", "© Jane Doe"), or the name alone.
Inlines labelled_credit(const Figure& figure);

// What stands in for a figure's picture that could not be had
// (Figure::image_missing): its alt text, unless the caption already says
// the same; empty when there is nothing more to say.
std::string missing_image_description(const Figure& figure);

// Splits text into Str and Space inlines at runs of whitespace; the basic
// tokenisation every reader shares.
Inlines inlines_from_text(std::string_view text);

}  // namespace galley::doc
