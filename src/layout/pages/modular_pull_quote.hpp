// A pull quote as a tool of newspaper make-up: a story a few lines too
// long for its module drops the pull quote its author gave it, and a story
// a few lines short gets one, pulled from its own words. Both change the
// print only: the words are the story's own, so none is lost or added, and
// the EPUB keeps the story as written.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "galley/doc.hpp"
#include "galley/errors.hpp"
#include "galley/style.hpp"
#include "layout/fonts.hpp"
#include "layout/pages/page_builder.hpp"

namespace galley::layout {

enum class PullQuotes { as_written, dropped, added };

bool has_pull_quote(const doc::Document& document);

// The document with each pull quote an empty paragraph, which keeps every
// later block's index (the source marks, and through them the EPUB's page
// list, count by it).
void drop_pull_quotes(doc::Document& document);

// The sentence a sub-editor would pull: one of the body's sentences of 10
// to 28 words after its first paragraph, a quotation's first; empty when
// none is.
std::string sentence_to_pull(const doc::Document& document);

// `text` as a pull quote in a column `width` wide: the theme's quote face a
// third larger, centred between two rules, kept together, one Div element
// of the tagged PDF as the author's pull quotes are.
std::vector<Slab> pull_quote_slabs(FontSystem& fonts, const style::Theme& theme, const std::string& text, double width,
                                   Diagnostics& warnings);

// Puts `quote` into a story's slabs before the paragraph a third of the
// way into its text (never before its second); false, `slabs` unchanged,
// when it has fewer than three paragraphs at its top level.
bool insert_pull_quote(std::vector<Slab>& slabs, std::vector<Slab> quote);

}  // namespace galley::layout
