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

namespace {

// The kinds of the body blocks, in order: "p h2 fig aside list rule pq".
std::string kinds(const doc::Document& document) {
  std::string out;
  for (const doc::Block& block : document.blocks) {
    if (!out.empty()) out += ' ';
    out += std::visit(
        [](const auto& node) -> std::string {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, doc::Para>) return "p";
          if constexpr (std::is_same_v<Node, doc::Heading>) return "h" + std::to_string(node.level);
          if constexpr (std::is_same_v<Node, doc::Figure>) return "fig";
          if constexpr (std::is_same_v<Node, doc::Aside>) return "aside";
          if constexpr (std::is_same_v<Node, doc::List>) return "list" + std::to_string(node.items.size());
          if constexpr (std::is_same_v<Node, doc::Rule>) return "rule";
          if constexpr (std::is_same_v<Node, doc::PullQuote>) return "pq";
          return "other";
        },
        block);
  }
  return out;
}

}  // namespace

TEST_CASE("a news page: headline, date, caption, subheadings, teaser", "[plaintext]") {
  ReadResult result = read_text(
      "Storm batters coast as thousands lose power\n\n"
      "Wednesday, September 7, 2016\n\n"
      "By Jane Doe and John Roe\n\n"
      "Waves break over the sea wall at Hove on Tuesday. Credit: Jane Doe/PA\n\n"
      "BRIGHTON (Reuters) - Thousands of homes lost power on Tuesday night as the storm reached the coast.\n\n"
      "Engineers worked through the night, and most homes had power again by morning.\n\n"
      "What happens next?\n\n"
      "The Met Office said the worst was over, but warned of more rain.\n\n"
      "Watch: the moment a wave swept a car off the promenade\n\n"
      "Residents were told to stay indoors.\n");
  const doc::Meta& meta = result.document.meta;
  CHECK(meta.title == "Storm batters coast as thousands lose power");
  REQUIRE(meta.date);
  CHECK(meta.date->year == 2016);
  CHECK(meta.date_text == "Wednesday, September 7, 2016");
  CHECK(meta.authors == std::vector<std::string>{"Jane Doe", "John Roe"});
  CHECK(meta.dateline == "BRIGHTON (Reuters)");
  CHECK(kinds(result.document) == "fig p p h2 p aside p");
  const auto& figure = std::get<doc::Figure>(result.document.blocks[0]);
  CHECK(doc::plain_text(figure.caption) == "Waves break over the sea wall at Hove on Tuesday.");
  CHECK(doc::plain_text(figure.credit) == "Jane Doe/PA");
  const auto& lede = std::get<doc::Para>(result.document.blocks[1]);
  CHECK(lede.role == doc::ParaRole::lede);
  CHECK(doc::plain_text(lede.body) == "Thousands of homes lost power on Tuesday night as the storm reached the coast.");
}

TEST_CASE("traps: a question inside prose, a one-line paragraph, an award list", "[plaintext]") {
  ReadResult result = read_text(
      "Awards night\n\n"
      "The jury met for a week, and the question everyone asked was simple: who would take the top prize this year?\n\n"
      "It was close.\n\n"
      "The winners were:\n\n"
      "Best Picture: Nomadland\n\n"
      "Best Director: Chlo\u00E9 Zhao\n\n"
      "Best Actress: Frances McDormand\n\n"
      "The ceremony ended at midnight.\n");
  CHECK(kinds(result.document) == "p p p list3 p");
  const auto& list = std::get<doc::List>(result.document.blocks[3]);
  CHECK(doc::plain_text(list.items[1]) == "Best Director: Chlo\u00E9 Zhao");
}

TEST_CASE("lists: bullets, numbers, and lines of one shape", "[plaintext]") {
  ReadResult result = read_text(
      "Title\n\nIntro paragraph here.\n\n- one\n- two\n  continues\n\n- three\n\n1. first\n2. second\n\n"
      "Milk\nEggs\nFlour\nSugar\n\nEnd.\n");
  CHECK(kinds(result.document) == "p list3 list2 list4 p");
  const auto& bullets = std::get<doc::List>(result.document.blocks[1]);
  CHECK_FALSE(bullets.ordered);
  CHECK(doc::plain_text(bullets.items[1]) == "two continues");
  CHECK(std::get<doc::List>(result.document.blocks[2]).ordered);
}

TEST_CASE("front matter gives the metadata", "[plaintext]") {
  ReadResult yaml = read_text(
      "---\ntitle: \"Storm: the aftermath\"\nauthor: [Jane Doe, John Roe]\ndate: 2024-01-15\nlang: en-US\n"
      "keywords: weather, coast\n---\nThe storm passed. Now the clean-up - and the bill.\n");
  CHECK(yaml.document.meta.title == "Storm: the aftermath");
  CHECK(yaml.document.meta.authors.size() == 2);
  CHECK(yaml.document.meta.lang == "en-US");
  CHECK(yaml.document.meta.keywords == std::vector<std::string>{"weather", "coast"});
  REQUIRE(yaml.document.blocks.size() == 1);
  // American English: a closed-up em dash.
  CHECK(doc::plain_text(yaml.document.blocks[0]) == "The storm passed. Now the clean-up\u2014and the bill.");

  ReadResult keys = read_text("Title: Who: the band\nAuthor: Jane Doe\n\nIt was loud.\n");
  CHECK(keys.document.meta.title == "Who: the band");
  CHECK(keys.document.meta.authors == std::vector<std::string>{"Jane Doe"});
  CHECK(kinds(keys.document) == "p");
}

TEST_CASE("broken front matter is an error naming the file and line", "[plaintext]") {
  try {
    read_text("---\ntitle: ok\nauthor: [unclosed\n---\nBody.\n");
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.file() == "story.txt");
    CHECK(error.line() >= 3);
  }
}

TEST_CASE("typography follows the document's language", "[plaintext]") {
  ReadResult british = read_text("Title\n\nHe said \"it's over\" - and left...\n");
  CHECK(doc::plain_text(british.document.blocks[0]) == "He said \u201Cit\u2019s over\u201D\u00A0\u2013 and left\u2026");
  ReadResult german = read_document(InputFormat::plain, {"story.txt", "de"}, "Titel\n\nEr sagte \"ja\".\n");
  CHECK(doc::plain_text(german.document.blocks[0]) == "Er sagte \u201Eja\u201C.");
}

TEST_CASE("no word is dropped or duplicated", "[plaintext]") {
  std::string text =
      "Headline words here\n\nMonday, May 18, 2015\n\nA caption for a photo. Image: Some Body.\n\n"
      "First paragraph of text.\n\nA Subheading\n\nSecond paragraph.\n\n- item one\n- item two\n\n"
      "A teaser line without a stop, about the video\n\nLast words.\n";
  ReadResult result = read_text(text);
  std::string all = result.document.meta.title + " " + result.document.meta.date_text;
  for (const doc::Block& block : result.document.blocks) {
    all += " " + doc::plain_text(block);
    if (const auto* figure = std::get_if<doc::Figure>(&block)) all += " " + doc::plain_text(figure->credit);
  }
  for (std::string_view word : {"Headline", "Monday", "caption", "Some", "Body", "First", "Subheading", "Second",
                                "item", "teaser", "video", "Last"})
    CHECK(all.find(word) != std::string::npos);
  CHECK(all.find("Image") == std::string::npos);  // the credit's label is not a word of the article
  std::size_t first = all.find("Second paragraph");
  CHECK(all.find("Second paragraph", first + 1) == std::string::npos);
}
