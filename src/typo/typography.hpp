// Typographic punctuation by language, for text typed on a keyboard:
// straight quotes to the language's quotation marks, apostrophes, dashes,
// ellipses and the no-break spaces that keep a dash or a short item from
// being stranded at a line end. (Keeping "ISIS-K" from breaking after its
// hyphen is the line breaker's business: the text stays as written.) pandoc's smart punctuation is English-only; this
// is not.
#pragma once

#include <string>
#include <string_view>

#include "galley/doc.hpp"

namespace galley::typo {

enum class DashStyle {
  spaced_en_dash,  // "word – word": British English and most European languages
  closed_em_dash,  // "word—word": American English
};

struct TypographyRules {
  // What a straight double quote becomes, opening and closing; then a single one.
  std::string_view double_open, double_close, single_open, single_close;
  DashStyle dash = DashStyle::spaced_en_dash;
  // French spacing: a narrow no-break space inside guillemets and before ; ! ?
  // and a no-break space before a colon.
  bool french_spacing = false;
};

// Rules for a BCP 47 language tag: en (en-GB, en-US), de, fr, es, it, nl, sv,
// da, nb/no, pl, ru, and more; unknown languages get English marks.
TypographyRules typography_for(std::string_view lang);

// Applies the rules to one block of text (a paragraph, a heading, a caption):
// quotes are paired within the block.
std::string apply_typography(std::string_view text, const TypographyRules& rules);

// The rules of the document's language on all its text, once, whatever
// the reader (document_typography.cpp): every paragraph, heading, caption,
// credit, quotation, list, table and note, the alt text, and the title,
// standfirst, byline and dateline. Code is left as written.
void apply_typography(doc::Document& document);

}  // namespace galley::typo
