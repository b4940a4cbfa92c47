// A story's picture in its newspaper module: at the top, under the
// headline, a whole number of columns wide (sized by the story's weight),
// its caption beside it when it leaves columns free, else under it.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "galley/doc.hpp"
#include "galley/errors.hpp"
#include "galley/layout.hpp"
#include "layout/fonts.hpp"
#include "layout/pages/page_builder.hpp"

namespace galley::layout {

// The story's picture: its first figure whose image loads.
struct LeadPicture {
  std::size_t block = 0;  // the figure's index among the document's blocks
  const doc::Figure* figure = nullptr;
  std::shared_ptr<const image::ImageData> image;
};
std::optional<LeadPicture> find_lead_picture(const doc::Document& document, const ImageLoader& images);

struct PictureSize {
  const style::Theme* theme = nullptr;
  ColumnGeometry page;         // the page's columns
  int module_columns = 1;      // the module's width
  bool important = false;      // the section's lead: the picture across the module
  double tallest = 0;          // points: no picture taller than this
};

// The picture's slabs, across the module: the image (whole columns wide),
// its caption and credit; tagged as one Figure.
std::vector<Slab> picture_slabs(FontSystem& fonts, const LeadPicture& picture, const PictureSize& size,
                                Diagnostics& warnings);

}  // namespace galley::layout
