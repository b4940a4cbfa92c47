// Footnotes: each set at the foot of the column whose line first refers to
// it, out of the flow the EPUB follows; the notes no text refers to are
// set after the article, in the flow.
#pragma once

#include <cstddef>
#include <set>
#include <vector>

#include "layout/slab_writer.hpp"

namespace galley::layout {

class Notes {
 public:
  // Hooks itself into the writer, which asks it for each line it sets.
  explicit Notes(SlabWriter& writer);
  Notes(const Notes&) = delete;
  Notes& operator=(const Notes&) = delete;

  // The footnotes first referred to on this line, set as slabs for the
  // foot of the column.
  std::vector<Slab> referred_on(const StyledText& text, const SetLine& line);

  // After the article, under a short rule: the notes no line referred to.
  void add_unreferred();

 private:
  // Footnote `index` set as slabs of its own, out of the main flow.
  std::vector<Slab> set_note(std::size_t index);

  SlabWriter& writer_;
  std::set<std::size_t> set_;  // footnotes already set at the foot of a column
};

}  // namespace galley::layout
