#include "layout/pages/modular_picture.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <variant>

#include "galley/text.hpp"
#include "image/images.hpp"
#include "layout/pages/line_slabs.hpp"

namespace galley::layout {
namespace {

double columns_width(const ColumnGeometry& page, int columns) {
  return columns * page.column_width() + (columns - 1) * page.gutter;
}

// The lead's picture spans its module (up to four columns, a column left
// for the caption beyond); another's takes half a module of three columns
// or more, its caption beside it, and a narrow module's whole width.
int picture_columns(const PictureSize& size) {
  const int columns = size.module_columns;
  if (columns <= 2) return columns;
  if (size.important) return columns <= 4 ? columns : columns - 1;
  return (columns + 1) / 2;
}

std::string caption_text(const doc::Figure& figure) {
  std::string text = doc::plain_text(figure.caption);
  if (text.empty()) text = figure.alt;
  const std::string credit = doc::plain_text(doc::labelled_credit(figure));
  if (!credit.empty()) text += (text.empty() ? "" : " ") + credit;
  return text;
}

}  // namespace

std::optional<LeadPicture> find_lead_picture(const doc::Document& document, const ImageLoader& images) {
  if (!images) return std::nullopt;
  for (std::size_t index = 0; index < document.blocks.size(); ++index) {
    const auto* figure = std::get_if<doc::Figure>(&document.blocks[index]);
    if (!figure || figure->src.empty()) continue;
    if (std::shared_ptr<const image::ImageData> image = images(figure->src))
      if (image->width > 0 && image->height > 0) return LeadPicture{index, figure, std::move(image)};
  }
  return std::nullopt;
}

std::vector<Slab> picture_slabs(FontSystem& fonts, const LeadPicture& picture, const PictureSize& size,
                                Diagnostics& warnings) {
  const style::Theme& theme = *size.theme;
  const double aspect = static_cast<double>(picture.image->height) / picture.image->width;
  // Whole columns, fewer while the picture would stand taller than allowed;
  // a column's width at least, scaled down below that.
  int columns = picture_columns(size);
  while (columns > 1 && columns_width(size.page, columns) * aspect > size.tallest) --columns;
  double width = columns_width(size.page, columns);
  double height = width * aspect;
  if (height > size.tallest) {
    height = size.tallest;
    width = height / aspect;
  }
  const double module = columns_width(size.page, size.module_columns);
  const bool beside = columns < size.module_columns;
  const std::string caption = caption_text(*picture.figure);
  style::TextStyle caption_style = theme.caption;
  caption_style.space_before = 0;
  const double caption_width = beside ? module - columns_width(size.page, columns) - size.page.gutter : module;
  std::vector<Slab> caption_lines;
  if (!caption.empty())
    caption_lines = line_slabs(fonts, caption, caption_style, caption_width, TextAlignment::left, true, warnings);

  std::vector<Slab> slabs;
  Slab image_slab;
  const double gap = theme.caption.size * 0.6;  // between the picture and its caption
  image_slab.height = height + (beside ? 0 : gap);
  image_slab.spans_columns = true;
  image_slab.keep_with_next = true;
  ImageItem item;
  item.width = width;
  item.height = height;
  item.image = picture.image;
  item.alt = picture.figure->alt.empty() ? caption : picture.figure->alt;
  image_slab.items.emplace_back(std::move(item));
  if (beside) {
    // The caption in the free columns, from the picture's top.
    const double x = module - caption_width;
    double y = 0;
    for (Slab& line : caption_lines) {
      for (Item& part : line.items) {
        translate(part, x, y);
        image_slab.items.push_back(std::move(part));
      }
      y += line.height;
    }
    image_slab.height = std::max(image_slab.height, y);
    caption_lines.clear();
  }
  slabs.push_back(std::move(image_slab));
  for (Slab& line : caption_lines) slabs.push_back(std::move(line));
  // A line's space under it all, before the text.
  Slab space;
  space.height = theme.body.leading / 2;
  space.spans_columns = true;
  space.keep_with_next = true;
  slabs.push_back(std::move(space));
  wrap_in_structure(slabs, 0, "Figure");
  return slabs;
}

}  // namespace galley::layout
