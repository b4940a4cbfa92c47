// derive_identifier: name-based UUIDs that anyone can recompute.
#include <catch2/catch.hpp>

#include <string>

#include "galley/galley.hpp"
#include "galley/text.hpp"

namespace {

galley::doc::Document article(std::string title, std::vector<std::string> paragraphs) {
  galley::doc::Document document;
  document.meta.title = std::move(title);
  for (const std::string& text : paragraphs)
    document.blocks.emplace_back(galley::doc::Para{galley::doc::inlines_from_text(text)});
  return document;
}

}  // namespace

TEST_CASE("an identifier from a source URL is RFC 4122's version-5 UUID in the URL namespace", "[identifier]") {
  galley::doc::Document document = article("Headline", {"Body."});
  document.meta.source = "https://example.com/news/1";
  // The value Python's uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/news/1") gives.
  CHECK(galley::derive_identifier(document) == "urn:uuid:663a6357-ab45-5a92-b932-23a95cacfbac");
}

TEST_CASE("without a source the identifier comes from the title and the text", "[identifier]") {
  const galley::doc::Document document = article("Headline", {"First para.", "Second para."});
  // uuid5(uuid5(NAMESPACE_URL, "urn:galley:document-text"), "Headline\nFirst para. Second para.")
  CHECK(galley::derive_identifier(document) == "urn:uuid:c2554efd-823c-55ae-b534-2e39c169ffe2");
}

TEST_CASE("the source wins over the text, so edits to the text keep the id", "[identifier]") {
  galley::doc::Document first = article("Headline", {"First draft."});
  galley::doc::Document second = article("Headline, revised", {"Second draft."});
  first.meta.source = second.meta.source = "https://example.com/story";
  CHECK(galley::derive_identifier(first) == galley::derive_identifier(second));
}

TEST_CASE("different text gives a different identifier, the same text the same one", "[identifier]") {
  CHECK(galley::derive_identifier(article("A", {"one"})) == galley::derive_identifier(article("A", {"one"})));
  CHECK(galley::derive_identifier(article("A", {"one"})) != galley::derive_identifier(article("A", {"two"})));
  // The separator keeps the title and the text from running together.
  CHECK(galley::derive_identifier(article("AB", {"C"})) != galley::derive_identifier(article("A", {"BC"})));
}

TEST_CASE("identifiers have the UUID version 5 and RFC 4122 variant bits", "[identifier]") {
  for (const char* title : {"", "x", "Ünïcödé headline", "a much longer headline than the others"}) {
    const std::string id = galley::derive_identifier(article(title, {"text"}));
    REQUIRE(id.size() == 45);
    CHECK(id.substr(0, 9) == "urn:uuid:");
    const std::string uuid = id.substr(9);
    CHECK(uuid[8] == '-');
    CHECK(uuid[13] == '-');
    CHECK(uuid[18] == '-');
    CHECK(uuid[23] == '-');
    CHECK(uuid[14] == '5');
    CHECK(std::string("89ab").find(uuid[19]) != std::string::npos);
    CHECK(uuid.find_first_not_of("0123456789abcdef-") == std::string::npos);
  }
}
