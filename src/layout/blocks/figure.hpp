// Figures: the image at its own proportions within the measure, then its
// caption and credit; without an image, the caption under a hairline.
#pragma once

#include "galley/doc.hpp"
#include "galley/layout.hpp"
#include "layout/slab_writer.hpp"

namespace galley::layout {

// Sets a figure `indent` points in from the column's left edge, its image
// from `images` (none when it has no loader or the loader finds nothing).
void add_figure(SlabWriter& writer, const doc::Figure& figure, double indent, const ImageLoader& images);

}  // namespace galley::layout
