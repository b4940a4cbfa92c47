// One article's page furniture: the running head it shows and the folio,
// on every page but the first, where the article's own head stands.
#pragma once

#include <string>

#include "galley/doc.hpp"
#include "galley/layout.hpp"
#include "galley/style.hpp"
#include "layout/fonts.hpp"

namespace galley::layout {

// What the theme asks the running head to show: the headline, the
// publication's name or the article's section, each falling back on the
// next that the article has; empty when the theme has none.
std::string running_head_text(const style::Theme& theme, const doc::Meta& meta);

// Running head and folio on every page but the first, and each page moved
// to its side of a bound book.
void add_article_furniture(PagedDocument& document, const style::Theme& theme, FontSystem& fonts,
                           const doc::Meta& meta);

}  // namespace galley::layout
