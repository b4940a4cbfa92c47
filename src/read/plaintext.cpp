// The plain-text reader: the first non-empty line is the headline; blocks
// separated by blank lines are paragraphs, their lines joined.
#include "read/readers.hpp"

#include "galley/text.hpp"
#include "read/text_decoding.hpp"

namespace galley::read {
namespace {

// Consecutive non-blank lines, the unit of structure in a plain-text article.
struct TextBlock {
  int first_line;
  std::vector<std::string> lines;
};

std::vector<TextBlock> split_blocks(const std::vector<detail::SourceLine>& lines) {
  std::vector<TextBlock> blocks;
  bool in_block = false;
  for (const detail::SourceLine& line : lines) {
    bool blank = line.text.find_first_not_of(' ') == std::string::npos;
    if (blank) {
      in_block = false;
      continue;
    }
    if (!in_block) blocks.push_back({line.number, {}});
    blocks.back().lines.push_back(line.text);
    in_block = true;
  }
  return blocks;
}

// A hard-wrapped paragraph's lines become one run of inlines with soft breaks.
doc::Inlines join_lines(const std::vector<std::string>& lines) {
  doc::Inlines inlines;
  for (const std::string& line : lines) {
    doc::Inlines words = doc::inlines_from_text(line);
    if (words.empty()) continue;
    if (!inlines.empty()) inlines.emplace_back(doc::SoftBreak{});
    inlines.insert(inlines.end(), std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()));
  }
  return inlines;
}

}  // namespace

ReadResult read_plaintext(const ReadOptions& options, std::string_view bytes) {
  ReadResult result;
  std::vector<detail::SourceLine> lines = detail::decode_lines(bytes, options.file_name, result.diagnostics);
  std::vector<TextBlock> blocks = split_blocks(lines);
  if (blocks.empty()) throw Error(ErrorKind::bad_input, options.file_name, "holds no text");

  doc::Document& document = result.document;
  document.meta.lang = options.default_lang;

  // The headline is the first line alone: a block that continues past it
  // still gives its remaining lines to the first paragraph.
  TextBlock& head = blocks.front();
  document.meta.title = doc::plain_text(doc::inlines_from_text(head.lines.front()));
  head.lines.erase(head.lines.begin());

  for (const TextBlock& block : blocks) {
    doc::Inlines body = join_lines(block.lines);
    if (body.empty()) continue;
    document.blocks.emplace_back(doc::Para{std::move(body), doc::ParaRole::body});
  }
  return result;
}

}  // namespace galley::read
