#include "layout/pages/running_head.hpp"

#include "layout/pages/furniture.hpp"

namespace galley::layout {

std::string running_head_text(const style::Theme& theme, const doc::Meta& meta) {
  if (theme.running_head == style::RunningHead::none) return {};
  const std::string publication = theme.publication.empty() ? meta.publisher : theme.publication;
  switch (theme.running_head) {
    case style::RunningHead::section:
      if (!meta.section.empty()) return meta.section;
      [[fallthrough]];
    case style::RunningHead::publication:
      if (!publication.empty()) return publication;
      break;
    case style::RunningHead::title:
    case style::RunningHead::none: break;
  }
  return meta.title;
}

void add_article_furniture(PagedDocument& document, const style::Theme& theme, FontSystem& fonts,
                           const doc::Meta& meta) {
  PageFurniture furniture(theme, fonts);
  const std::string head = running_head_text(theme, meta);
  for (std::size_t index = 0; index < document.pages.size(); ++index) {
    if (index > 0) furniture.add(document.pages[index], head, index + 1);
    set_on_its_side(document.pages[index], index + 1, theme.page);
  }
}

}  // namespace galley::layout
