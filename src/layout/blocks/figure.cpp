#include "layout/blocks/figure.hpp"

#include <algorithm>
#include <memory>

#include "galley/text.hpp"
#include "image/images.hpp"

namespace galley::layout {
namespace {

// The image at its own proportions: as wide as the column, or narrower
// when it is small (at 96 pixels to the inch, the web's measure), and
// never taller than 60 % of the text area, so a portrait photograph
// leaves room for its caption and some text. Narrow images are centred.
Slab image_slab(const SlabWriter& writer, const std::shared_ptr<const image::ImageData>& image, const std::string& alt,
                double indent) {
  const style::Theme& theme = writer.theme();
  const double available = writer.measure() - indent;
  const double aspect = static_cast<double>(image->height) / static_cast<double>(image->width);
  double width = std::min(available, image->width * 0.75);
  double height = width * aspect;
  const double max_height = writer.geometry().height * 0.6;
  if (height > max_height) {
    height = max_height;
    width = height / aspect;
  }
  const double gap = theme.caption.size * 0.6;  // between the picture and its caption
  Slab slab;
  slab.height = height + gap;
  slab.space_before = std::max(theme.caption.space_before, theme.body.leading / 2);
  slab.keep_with_next = true;
  ImageItem item;
  item.x = indent + (available - width) / 2;
  item.y = 0;
  item.width = width;
  item.height = height;
  item.image = image;
  item.alt = alt;
  slab.items.emplace_back(std::move(item));
  return slab;
}

}  // namespace

void add_figure(SlabWriter& writer, const doc::Figure& node, double indent, const ImageLoader& images) {
  const style::Theme& theme = writer.theme();
  std::shared_ptr<const image::ImageData> image = node.src.empty() || !images ? nullptr : images(node.src);
  if (image) {
    writer.push_slab(image_slab(writer, image, node.alt, indent));
  } else {
    // Without an image the figure is its caption, set off by a hairline.
    Slab rule = writer.rule_slab(theme.caption.leading / 2, indent, 0, 0.4, theme.credit.color);
    rule.space_before = theme.caption.space_before;
    rule.keep_with_next = true;
    writer.push_slab(std::move(rule));
    // A picture that could not be had is described in its place.
    if (const std::string description = doc::missing_image_description(node); !description.empty()) {
      TextOptions described{&theme.caption, TextAlignment::left};
      described.left = indent;
      described.keep_together = true;
      described.keep_with_next = true;
      writer.add_text({doc::Emph{doc::inlines_from_text(description)}}, described);
    }
  }
  TextOptions caption{&theme.caption, TextAlignment::left};
  caption.left = indent;
  caption.keep_together = true;
  caption.keep_with_next = !node.credit.empty();
  // Display type, like headlines and teasers: never hyphenated.
  writer.add_text(node.caption, caption);
  if (!node.credit.empty()) {
    writer.drop_pending_space();  // the credit sits right under its caption
    TextOptions credit{&theme.credit, TextAlignment::left};
    credit.left = indent;
    credit.keep_together = true;
    writer.add_text(doc::labelled_credit(node), credit);
  }
  writer.add_space(std::max(theme.caption.space_after, theme.body.leading / 2));
}

}  // namespace galley::layout
