#include "layout/blocks/notes.hpp"

#include <iterator>
#include <string>

namespace galley::layout {

Notes::Notes(SlabWriter& writer) : writer_(writer) {
  writer_.set_notes_on_line([this](const StyledText& text, const SetLine& line) { return referred_on(text, line); });
}

std::vector<Slab> Notes::referred_on(const StyledText& text, const SetLine& line) {
  std::vector<Slab> notes;
  const std::vector<doc::Footnote>& footnotes = writer_.document().footnotes;
  for (const StyledSpan& span : text.spans) {
    if (span.kind != SpanKind::note_reference || !span_extent(line, span.start, span.end)) continue;
    std::string number = text.text.substr(span.start, span.end - span.start);
    for (std::size_t index = 0; index < footnotes.size(); ++index) {
      if (std::to_string(index + 1) != number || !set_.insert(index).second) continue;
      std::vector<Slab> note = set_note(index);
      notes.insert(notes.end(), std::make_move_iterator(note.begin()), std::make_move_iterator(note.end()));
    }
  }
  return notes;
}

std::vector<Slab> Notes::set_note(std::size_t index) {
  std::vector<Slab> note;
  writer_.marks().outside_flow([&] {
    note = writer_.set_apart([&] {
      const style::Theme& theme = writer_.theme();
      bool first = true;
      for (const doc::Block& block : writer_.document().footnotes[index].body) {
        doc::Inlines body =
            first ? prefixed(std::to_string(index + 1) + ".\u2002", inlines_of(block)) : inlines_of(block);
        TextOptions options{&theme.caption, TextAlignment::left};
        options.hyphenate = true;
        writer_.add_text(body, options);
        first = false;
      }
      for (Slab& slab : writer_.slabs()) slab.space_before = 0;
      writer_.wrap_structure(0, "Note");
    });
  });
  return note;
}

void Notes::add_unreferred() {
  const std::vector<doc::Footnote>& footnotes = writer_.document().footnotes;
  if (set_.size() == footnotes.size()) return;
  const style::Theme& theme = writer_.theme();
  writer_.push_slab(writer_.rule_slab(theme.body.leading, 0, writer_.measure() * 2 / 3, 0.5, theme.credit.color));
  writer_.slabs().back().keep_with_next = true;
  for (std::size_t index = 0; index < footnotes.size(); ++index) {
    if (set_.count(index)) continue;
    std::size_t note_first = writer_.slabs().size();
    bool first = true;
    for (const doc::Block& block : footnotes[index].body) {
      doc::Inlines body = first ? prefixed(std::to_string(index + 1) + ".\u2002", inlines_of(block)) : inlines_of(block);
      TextOptions options{&theme.caption, TextAlignment::left};
      options.hyphenate = true;
      std::optional<TextSource> text;
      if (std::holds_alternative<doc::Para>(block)) text = TextSource{0, first ? 1u : 0u, 0, 0};
      writer_.from_block(block, [&] { writer_.add_text(body, options); }, text);
      first = false;
    }
    writer_.wrap_structure(note_first, "Note");
  }
}

}  // namespace galley::layout
