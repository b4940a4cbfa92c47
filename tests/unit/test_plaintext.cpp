#include <catch2/catch.hpp>

#include "galley/galley.hpp"
#include "galley/text.hpp"

using namespace galley;

namespace {

ReadResult read_text(std::string_view text) { return read_document(InputFormat::plain, {"story.txt", "en-GB"}, text); }

std::string paragraph_text(const doc::Document& document, std::size_t index) {
  REQUIRE(index < document.blocks.size());
  REQUIRE(std::holds_alternative<doc::Para>(document.blocks[index]));
  return doc::plain_text(document.blocks[index]);
}

}  // namespace

TEST_CASE("the first line is the title and is not repeated in the body", "[plaintext]") {
  ReadResult result = read_text("Storm hits coast\n\nThe storm arrived at dawn.\n\nPower was cut.\n");
  CHECK(result.document.meta.title == "Storm hits coast");
  CHECK(result.document.meta.lang == "en-GB");
  REQUIRE(result.document.blocks.size() == 2);
  CHECK(paragraph_text(result.document, 0) == "The storm arrived at dawn.");
  CHECK(paragraph_text(result.document, 1) == "Power was cut.");
  CHECK(result.diagnostics.empty());
}

TEST_CASE("leading blank lines are skipped before the title", "[plaintext]") {
  ReadResult result = read_text("\n\n   \nTitle here\n\nBody.");
  CHECK(result.document.meta.title == "Title here");
  REQUIRE(result.document.blocks.size() == 1);
}

TEST_CASE("hard-wrapped lines join into one paragraph", "[plaintext]") {
  ReadResult result = read_text("Title\n\nThe first line\nand the second line\n   and the third.\n\nNext.");
  REQUIRE(result.document.blocks.size() == 2);
  CHECK(paragraph_text(result.document, 0) == "The first line and the second line and the third.");
}

TEST_CASE("a title block that runs on gives its other lines to the first paragraph", "[plaintext]") {
  ReadResult result = read_text("Title\nFirst words of the text.\n\nMore.");
  CHECK(result.document.meta.title == "Title");
  REQUIRE(result.document.blocks.size() == 2);
  CHECK(paragraph_text(result.document, 0) == "First words of the text.");
}

TEST_CASE("CRLF, lone CR and a byte-order mark read like LF", "[plaintext]") {
  ReadResult lf = read_text("Title\n\nOne two.\n\nThree.\n");
  ReadResult crlf = read_text("\xEF\xBB\xBFTitle\r\n\r\nOne two.\r\n\r\nThree.\r\n");
  ReadResult cr = read_text("Title\r\rOne two.\r\rThree.\r");
  for (const ReadResult* other : {&crlf, &cr}) {
    CHECK(other->document.meta.title == lf.document.meta.title);
    REQUIRE(other->document.blocks.size() == lf.document.blocks.size());
    CHECK(doc::plain_text(other->document.blocks) == doc::plain_text(lf.document.blocks));
  }
}

TEST_CASE("invalid UTF-8 is read as Windows-1252 with a warning naming the line", "[plaintext]") {
  ReadResult result = read_text("Title\n\nCaf\xE9 \x93quoted\x94 \x80" "5.\n");
  CHECK(paragraph_text(result.document, 0) == "Caf\u00E9 \u201Cquoted\u201D \u20AC5.");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].file == "story.txt");
  CHECK(result.diagnostics[0].line == 3);
}

TEST_CASE("control characters and NUL bytes are removed with a warning; tabs become spaces", "[plaintext]") {
  using namespace std::string_literals;
  ReadResult result = read_text("Title\n\nA\tb\x01"s + "c d\0e."s);
  CHECK(paragraph_text(result.document, 0) == "A bc de.");
  CHECK(result.diagnostics.size() == 2);
}

TEST_CASE("UTF-16 with a byte-order mark is decoded", "[plaintext]") {
  std::string utf16le("\xFF\xFE", 2);
  for (char c : std::string("Title\n\nBody text."))
    utf16le += std::string{c, '\0'};
  ReadResult result = read_text(utf16le);
  CHECK(result.document.meta.title == "Title");
  CHECK(paragraph_text(result.document, 0) == "Body text.");
}

TEST_CASE("a file with no text is an error naming the file", "[plaintext]") {
  CHECK_THROWS_MATCHES(read_text(""), Error, Catch::Matchers::Predicate<Error>([](const Error& error) {
                         return error.file() == "story.txt" && error.kind() == ErrorKind::bad_input;
                       }));
  CHECK_THROWS_AS(read_text(" \n\t\n\r\n"), Error);
}

TEST_CASE("non-Latin scripts pass through untouched", "[plaintext]") {
  ReadResult result = read_text("Заголовок\n\nمرحبا بالعالم. 你好，世界。 Γειά σου κόσμε. 😀\n");
  CHECK(result.document.meta.title == "Заголовок");
  CHECK(paragraph_text(result.document, 0) == "مرحبا بالعالم. 你好，世界。 Γειά σου κόσμε. 😀");
  CHECK(result.diagnostics.empty());
}

TEST_CASE("the format is chosen from the extension, then the content", "[registry]") {
  CHECK(detect_input_format("a.txt", "<?xml version='1.0'?>") == InputFormat::plain);
  CHECK(detect_input_format("a.MD", "") == InputFormat::markdown);
  CHECK(detect_input_format("a.xml", "") == InputFormat::nitf);
  CHECK(detect_input_format("article", "  <?xml version='1.0'?><nitf/>") == InputFormat::nitf);
  CHECK(detect_input_format("article", "Just text") == InputFormat::plain);
}
