// A paragraph's inlines flattened into one string with styled spans: the
// form shaping takes. Free of Pango, so line breakers can share it.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "galley/doc.hpp"

namespace galley::layout {

class Hyphenator;

enum class SpanKind { emphasis, strong, code, note_reference, link, strikeout };

struct StyledSpan {
  std::size_t start, end;  // byte offsets into StyledText::text
  SpanKind kind;
  std::string target;  // for links: the URL, or "#id" within the document
};

struct StyledText {
  std::string text;
  std::vector<StyledSpan> spans;
};

// Footnote ids to the numbers printed for them.
using NoteNumbers = std::map<std::string, int>;

// Where an inline that shows text (Str, Code, NoteRef) begins in
// StyledText::text, and which bytes there the builder added that the model
// does not have (soft hyphens, word joiners, a note's number), so that a
// place in the text can be traced back to the model.
struct InlineOrigin {
  std::size_t start = 0;         // bytes into StyledText::text
  std::size_t inline_index = 0;  // pre-order among the paragraph's inlines (an Emph before what it holds)
  // (bytes from `start`, length) of each addition, in order.
  std::vector<std::pair<std::size_t, std::size_t>> additions;
};

// A place in the model's inlines: the inline and bytes into its text.
struct InlinePlace {
  std::size_t inline_index = 0;
  std::size_t offset = 0;
};

// Spaces and soft breaks become single spaces, line breaks '\n'. With a
// hyphenator, words get soft hyphens at their break points (never code).
// With `origins`, it receives one InlineOrigin per inline showing text.
StyledText styled_text(const doc::Inlines& inlines, const NoteNumbers& notes, const Hyphenator* hyphenator,
                       std::vector<InlineOrigin>* origins = nullptr);

// The model's place of byte `offset` of the styled text whose origins these
// are; {0, 0} when there are none. A place inside an addition is the place
// the addition was made at.
InlinePlace inline_place(const std::vector<InlineOrigin>& origins, std::size_t offset);

}  // namespace galley::layout
