// The cover galley draws for an e-book whose article names no cover image.
#pragma once

#include "galley/doc.hpp"
#include "galley/edition.hpp"
#include "galley/layout.hpp"
#include "galley/style.hpp"

namespace galley::layout {

// One page, 600 by 900 points (2:3), in the theme's faces: the publication's
// name (or section, or date) and the headline on a dark panel, then the
// standfirst (or the article's opening words), then the byline and date.
// Drawn by the code that draws the PDF's pages.
Page layout_cover(const doc::Document& document, const style::Theme& theme);

// An edition's cover, in the same size and faces: the series' name as a
// nameplate with the issue and date, the first article as the lead story
// (section, headline, summary, byline), then as many other headlines as fit,
// each section's first before the rest, and the sections named at the foot.
Page layout_edition_cover(const Edition& edition, const style::Theme& theme);

}  // namespace galley::layout
