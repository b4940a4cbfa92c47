// Code lines (layout/blocks/code_block.cpp): tabs to stops every four
// columns, and long lines wrapped with a continuation mark, nothing lost.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "layout/blocks/code_block.hpp"

using galley::layout::expand_tabs;
using galley::layout::wrap_code_line;

namespace {

std::vector<std::string> wrapped(const std::string& line, std::size_t columns) {
  std::vector<std::string> pieces;
  wrap_code_line(line, columns, pieces);
  return pieces;
}

// The line the pieces were cut from: continuation marks taken off.
std::string rejoined(const std::vector<std::string>& pieces) {
  const std::string mark = "\u21AA ";
  std::string line;
  for (std::size_t index = 0; index < pieces.size(); ++index)
    line += index == 0 ? pieces[index] : pieces[index].substr(mark.size());
  return line;
}

std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (char byte : text)
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace

TEST_CASE("a tab moves to the next stop of four columns, counting characters, not bytes", "[code]") {
  CHECK(expand_tabs("\tx") == "    x");
  CHECK(expand_tabs("ab\tc") == "ab  c");
  CHECK(expand_tabs("abcd\te") == "abcd    e");
  CHECK(expand_tabs("\u00E9\tx") == "\u00E9   x");  // é is one column, two bytes
  CHECK(expand_tabs("no tabs") == "no tabs");
}

TEST_CASE("a line that fits stays whole; an empty line is one empty piece", "[code]") {
  CHECK(wrapped("return 0;", 20) == std::vector<std::string>{"return 0;"});
  CHECK(wrapped("", 20) == std::vector<std::string>{""});
}

TEST_CASE("a long line breaks after a space in the second half, continuations marked", "[code]") {
  const std::string line = "int result = compute(first_argument, second_argument);";
  const std::vector<std::string> pieces = wrapped(line, 20);
  REQUIRE(pieces.size() > 1);
  CHECK(pieces[0] == "int result = ");
  for (std::size_t index = 1; index < pieces.size(); ++index) CHECK(pieces[index].rfind("\u21AA ", 0) == 0);
  for (const std::string& piece : pieces) CHECK(characters(piece) <= 20);
  CHECK(rejoined(pieces) == line);
}

TEST_CASE("a line with no space to break at is cut at the measure, UTF-8 kept whole", "[code]") {
  const std::string line = std::string(25, 'x') + "\u00E9\u00E9\u00E9\u00E9\u00E9";
  const std::vector<std::string> pieces = wrapped(line, 20);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0] == std::string(20, 'x'));
  CHECK(pieces[1] == "\u21AA " + std::string(5, 'x') + "\u00E9\u00E9\u00E9\u00E9\u00E9");
  CHECK(rejoined(pieces) == line);
}
