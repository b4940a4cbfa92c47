// A paragraph's inlines flattened into one string with styled spans: the
// form shaping takes. Free of Pango, so line breakers can share it.
#pragma once

#include <cstddef>
#include <map>
#include <string>
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

// Spaces and soft breaks become single spaces, line breaks '\n'. With a
// hyphenator, words get soft hyphens at their break points (never code).
StyledText styled_text(const doc::Inlines& inlines, const NoteNumbers& notes, const Hyphenator* hyphenator);

}  // namespace galley::layout
