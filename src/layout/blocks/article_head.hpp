// The article's head: a newspaper theme's masthead (the publication's
// nameplate and date line between rules), then the headline, the
// standfirst and the byline, closed by a rule.
#pragma once

#include "galley/doc.hpp"
#include "layout/article_slabs.hpp"
#include "layout/slab_writer.hpp"

namespace galley::layout {

// Sets the head; `setting` says whether it spans the columns and whether
// the headline gets an edition's head mark.
void add_article_head(SlabWriter& writer, const ArticleSetting& setting);

}  // namespace galley::layout
