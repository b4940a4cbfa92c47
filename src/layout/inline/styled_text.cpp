#include "layout/inline/styled_text.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>
#include <type_traits>

#include "layout/inline/hyphenate.hpp"

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

// The bytes `shown` has that `source` lacks, where `shown` is `source` with
// characters inserted (soft hyphens, word joiners): (offset in shown, length).
std::vector<std::pair<std::size_t, std::size_t>> additions_between(std::string_view source, std::string_view shown) {
  std::vector<std::pair<std::size_t, std::size_t>> additions;
  std::size_t from = 0;
  for (std::size_t at = 0; at < shown.size();) {
    if (from < source.size() && shown[at] == source[from]) {
      ++at, ++from;
      continue;
    }
    // An inserted character: a UTF-8 lead byte and its continuation bytes.
    std::size_t end = at + 1;
    while (end < shown.size() && (static_cast<unsigned char>(shown[end]) & 0xC0) == 0x80) ++end;
    if (!additions.empty() && additions.back().first + additions.back().second == at)
      additions.back().second += end - at;
    else
      additions.emplace_back(at, end - at);
    at = end;
  }
  return additions;
}

class StyledTextBuilder {
 public:
  StyledTextBuilder(const NoteNumbers& notes, const Hyphenator* hyphenator, std::vector<InlineOrigin>* origins)
      : notes_(notes), hyphenator_(hyphenator), origins_(origins) {}

  void add(const doc::Inlines& inlines) {
    for (const doc::Inline& item : inlines) {
      const std::size_t index = inline_count_++;
      std::visit([this, index](const auto& node) { add_node(node, index); }, item);
    }
  }
  StyledText take() { return std::move(result_); }

 private:
  void add_node(const doc::Str& node, std::size_t index) {
    std::string text = protect_one_letter_fragments(node.text);
    if (hyphenator_) text = hyphenator_->insert_soft_hyphens(text);
    if (origins_ && !text.empty())
      origins_->push_back({result_.text.size(), index, text.size() == node.text.size() ? decltype(InlineOrigin::additions){}
                                                                                      : additions_between(node.text, text)});
    result_.text += text;
  }
  void add_node(const doc::Code& node, std::size_t index) {
    if (origins_ && !node.text.empty()) origins_->push_back({result_.text.size(), index, {}});
    add_node(node);
  }
  void add_node(const doc::NoteRef& node, std::size_t index) {
    const std::size_t start = result_.text.size();
    add_node(node);
    // The number is the layout's, not the model's text.
    if (origins_ && result_.text.size() > start)
      origins_->push_back({start, index, {{0, result_.text.size() - start}}});
  }
  template <class Node>
  void add_node(const Node& node, std::size_t) {
    add_node(node);
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
  std::vector<InlineOrigin>* origins_;
  std::size_t inline_count_ = 0;
  StyledText result_;
};

}  // namespace

StyledText styled_text(const doc::Inlines& inlines, const NoteNumbers& notes, const Hyphenator* hyphenator,
                       std::vector<InlineOrigin>* origins) {
  if (origins) origins->clear();
  StyledTextBuilder builder(notes, hyphenator, origins);
  builder.add(inlines);
  StyledText text = builder.take();
  while (!text.text.empty() && text.text.back() == ' ') text.text.pop_back();
  for (StyledSpan& span : text.spans) span.end = std::min(span.end, text.text.size());
  return text;
}

}  // namespace galley::layout

namespace galley::layout {

InlinePlace inline_place(const std::vector<InlineOrigin>& origins, std::size_t offset) {
  auto after = std::upper_bound(origins.begin(), origins.end(), offset,
                                [](std::size_t wanted, const InlineOrigin& origin) { return wanted < origin.start; });
  if (after == origins.begin()) return {};
  const InlineOrigin& origin = *std::prev(after);
  std::size_t within = offset - origin.start;
  std::size_t added = 0;
  for (const auto& [at, length] : origin.additions) {
    if (at >= within) break;
    if (within < at + length) return {origin.inline_index, at - added};
    added += length;
  }
  return {origin.inline_index, within - added};
}

}  // namespace galley::layout
