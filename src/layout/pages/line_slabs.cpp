#include "layout/pages/line_slabs.hpp"

#include "layout/article_slabs.hpp"

namespace galley::layout {

std::vector<Slab> line_slabs(FontSystem& fonts, const std::string& text, const style::TextStyle& style, double width,
                             TextAlignment alignment, bool across, Diagnostics& warnings) {
  std::vector<Slab> slabs;
  ParagraphFormat format{&style, width, 0, alignment};
  std::vector<SetLine> lines = set_paragraph(fonts, StyledText{text, {}}, format, &warnings);
  for (std::size_t index = 0; index < lines.size(); ++index) {
    Slab slab;
    slab.height = style.leading;
    slab.space_before = index == 0 ? style.space_before : 0;
    slab.keep_with_next = true;
    slab.spans_columns = across;
    for (GlyphRun& run : lines[index].runs) {
      run.y += baseline_offset(style);
      slab.items.emplace_back(std::move(run));
    }
    slabs.push_back(std::move(slab));
  }
  return slabs;
}

void wrap_in_structure(std::vector<Slab>& slabs, std::size_t first, const std::string& tag, const std::string& key) {
  if (first >= slabs.size()) return;
  slabs[first].items.insert(slabs[first].items.begin(), StructureItem{true, tag, key});
  slabs.back().items.emplace_back(StructureItem{false, tag});
}

}  // namespace galley::layout
