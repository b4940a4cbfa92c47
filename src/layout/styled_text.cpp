#include "layout/styled_text.hpp"

#include <cctype>
#include <type_traits>

#include "layout/hyphenate.hpp"

namespace galley::layout {
namespace {

constexpr std::string_view word_joiner = "\u2060";

bool is_ascii_alphanumeric(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "ISIS-K", "X-ray": a break after the hyphen would strand one letter, so a
// word joiner after it forbids the break.
std::string protect_one_letter_fragments(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t index = 0; index < text.size(); ++index) {
    out += text[index];
    if (text[index] != '-' || index == 0 || index + 1 >= text.size()) continue;
    bool left_is_letter = is_ascii_alphanumeric(text[index - 1]) && (index < 2 || !is_ascii_alphanumeric(text[index - 2]));
    bool right_is_letter = is_ascii_alphanumeric(text[index + 1]) &&
                           (index + 2 >= text.size() || !is_ascii_alphanumeric(text[index + 2]));
    bool between_words = is_ascii_alphanumeric(text[index - 1]) && is_ascii_alphanumeric(text[index + 1]);
    if (between_words && (left_is_letter || right_is_letter)) out += word_joiner;
  }
  return out;
}

class StyledTextBuilder {
 public:
  StyledTextBuilder(const NoteNumbers& notes, const Hyphenator* hyphenator) : notes_(notes), hyphenator_(hyphenator) {}

  void add(const doc::Inlines& inlines) {
    for (const doc::Inline& item : inlines) std::visit([this](const auto& node) { add_node(node); }, item);
  }
  StyledText take() { return std::move(result_); }

 private:
  void add_node(const doc::Str& node) {
    std::string text = protect_one_letter_fragments(node.text);
    result_.text += hyphenator_ ? hyphenator_->insert_soft_hyphens(text) : text;
  }
  void add_node(const doc::Space&) { add_space(); }
  void add_node(const doc::SoftBreak&) { add_space(); }
  void add_node(const doc::LineBreak&) { result_.text += '\n'; }
  void add_node(const doc::Code& node) { add_span(SpanKind::code, [&] { result_.text += node.text; }); }
  void add_node(const doc::NoteRef& node) {
    auto found = notes_.find(node.id);
    std::string marker = found == notes_.end() ? "*" : std::to_string(found->second);
    add_span(SpanKind::note_reference, [&] { result_.text += marker; });
  }
  void add_node(const doc::Emph& node) { add_span(SpanKind::emphasis, [&] { add(node.body); }); }
  void add_node(const doc::Strong& node) { add_span(SpanKind::strong, [&] { add(node.body); }); }
  void add_node(const doc::Strikeout& node) { add_span(SpanKind::strikeout, [&] { add(node.body); }); }
  void add_node(const doc::Link& node) { add_span(SpanKind::link, [&] { add(node.body); }, node.url); }

  void add_space() {
    if (!result_.text.empty() && result_.text.back() != ' ' && result_.text.back() != '\n') result_.text += ' ';
  }
  template <class Body>
  void add_span(SpanKind kind, Body&& body, std::string target = {}) {
    std::size_t start = result_.text.size();
    body();
    if (result_.text.size() > start) result_.spans.push_back({start, result_.text.size(), kind, std::move(target)});
  }

  const NoteNumbers& notes_;
  const Hyphenator* hyphenator_;
  StyledText result_;
};

}  // namespace

StyledText styled_text(const doc::Inlines& inlines, const NoteNumbers& notes, const Hyphenator* hyphenator) {
  StyledTextBuilder builder(notes, hyphenator);
  builder.add(inlines);
  StyledText text = builder.take();
  while (!text.text.empty() && text.text.back() == ' ') text.text.pop_back();
  for (StyledSpan& span : text.spans) span.end = std::min(span.end, text.text.size());
  return text;
}

}  // namespace galley::layout
