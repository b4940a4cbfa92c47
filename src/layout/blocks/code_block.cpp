#include "layout/blocks/code_block.hpp"

#include <algorithm>

#include "layout/article_slabs.hpp"

namespace galley::layout {
namespace {

// A line of code, all of it one code span.
StyledText code_text(const std::string& line) {
  StyledText text;
  text.text = line;
  StyledSpan span{};
  span.start = 0;
  span.end = line.size();
  span.kind = SpanKind::code;
  text.spans.push_back(span);
  return text;
}

// How many characters of the code face fit `available` points.
std::size_t code_columns(FontSystem& fonts, const style::TextStyle& style, double available) {
  const StyledText probe = code_text(std::string(10, '0'));
  ParagraphFormat format{&style, 1e6, 0, TextAlignment::left};
  std::vector<SetLine> lines = set_paragraph(fonts, probe, format);
  const double advance = lines.empty() || lines.front().width <= 0 ? style.size * 0.6 : lines.front().width / 10;
  return std::max<std::size_t>(20, static_cast<std::size_t>(available / advance));
}

style::Color code_shade() { return {0.95, 0.95, 0.95}; }  // light enough for black text

}  // namespace

std::string expand_tabs(const std::string& line) {
  std::string out;
  std::size_t column = 0;
  for (std::size_t index = 0; index < line.size(); ++index) {
    if (line[index] == '\t') {
      do out += ' ';
      while (++column % 4 != 0);
    } else {
      out += line[index];
      if ((static_cast<unsigned char>(line[index]) & 0xC0) != 0x80) ++column;
    }
  }
  return out;
}

void wrap_code_line(const std::string& line, std::size_t columns, std::vector<std::string>& out) {
  static const std::string mark = "\u21AA ";
  std::size_t start = 0;
  bool continuation = false;
  do {
    const std::size_t room = continuation ? columns - 2 : columns;
    std::size_t end = start, count = 0, after_space = 0;
    while (end < line.size() && count < room) {
      const bool space = line[end] == ' ';
      ++end;
      while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
      ++count;
      if (space && count > room / 2) after_space = end;
    }
    if (end < line.size() && after_space != 0) end = after_space;
    out.push_back((continuation ? mark : std::string()) + line.substr(start, end - start));
    start = end;
    continuation = true;
  } while (start < line.size());
}

void add_code_block(SlabWriter& writer, const doc::CodeBlock& node, double indent) {
  const style::TextStyle& style = writer.theme().code;
  const double measure = writer.measure();
  const double padding = style.size * 0.75;
  const double available = measure - indent - 2 * padding;
  const std::size_t columns = code_columns(writer.fonts(), style, available);
  std::vector<std::string> lines;
  std::vector<std::size_t> line_sources;  // bytes into node.text where each line's source line begins
  std::size_t start = 0;
  while (start <= node.text.size()) {
    std::size_t end = node.text.find('\n', start);
    if (end == std::string::npos) end = node.text.size();
    wrap_code_line(expand_tabs(node.text.substr(start, end - start)), columns, lines);
    line_sources.resize(lines.size(), start);
    start = end + 1;
  }
  writer.add_space(style.space_before);
  const style::Color shade = code_shade();
  const double baseline = baseline_offset(style);
  SourceMarks& marks = writer.marks();
  for (std::size_t index = 0; index < lines.size(); ++index) {
    Slab slab;
    const bool first = index == 0, last = index + 1 == lines.size();
    const double top = first ? padding / 2 : 0;
    slab.height = style.leading + top + (last ? padding / 2 : 0);
    // Short blocks stay whole; long ones keep two lines together at a break.
    slab.keep_with_next = !last && (lines.size() <= 6 || index == 0 || index + 2 == lines.size());
    slab.items.emplace_back(BoxItem{indent, 0, measure - indent, slab.height, shade});
    if (marks.marking_block()) marks.mark(slab, {*marks.marking_block(), 0, line_sources[index]});
    if (!lines[index].empty()) {
      StyledText text = code_text(lines[index]);
      ParagraphFormat format{&style, 1e6, 0, TextAlignment::left};
      std::vector<SetLine> set = set_paragraph(writer.fonts(), text, format);
      for (SetLine& line : set)
        for (GlyphRun& run : line.runs) {
          run.x += indent + padding;
          run.y += top + baseline;
          slab.items.emplace_back(std::move(run));
        }
    }
    writer.push_slab(std::move(slab));
  }
  writer.add_space(style.space_after);
}

}  // namespace galley::layout
