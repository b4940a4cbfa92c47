#include <catch2/catch.hpp>

#include "typo/typography.hpp"

using galley::typo::apply_typography;
using galley::typo::typography_for;

namespace {
std::string smart(std::string_view text, std::string_view lang = "en-GB") {
  return apply_typography(text, typography_for(lang));
}
}  // namespace

TEST_CASE("English quotes, nested quotes and apostrophes", "[typography]") {
  CHECK(smart("He said \"yes\".") == "He said \u201Cyes\u201D.");
  CHECK(smart("\"She said 'no' twice,\" he added.") == "\u201CShe said \u2018no\u2019 twice,\u201D he added.");
  CHECK(smart("It's the group's flag") == "It\u2019s the group\u2019s flag");
  CHECK(smart("back in the '90s") == "back in the \u201990s");
  CHECK(smart("rock 'n' roll") == "rock \u2019n\u2019 roll");
  CHECK(smart("'We will get to their homes', he said") == "\u2018We will get to their homes\u2019, he said");
  CHECK(smart("the Jameses' house") == "the Jameses\u2019 house");
  CHECK(smart("(\"quoted\")") == "(\u201Cquoted\u201D)");
}

TEST_CASE("dashes follow the British and American styles", "[typography]") {
  CHECK(smart("unexpected - but not this") == "unexpected\u00A0\u2013 but not this");
  CHECK(smart("unexpected - but not this", "en-US") == "unexpected\u2014but not this");
  CHECK(smart("wait -- what") == "wait\u00A0\u2013 what");
  CHECK(smart("wait -- what", "en-US") == "wait\u2014what");
  CHECK(smart("wait---what") == "wait\u2014what");
  CHECK(smart("so-called co-operation") == "so-called co-operation");
}

TEST_CASE("ellipses and short items kept from being stranded", "[typography]") {
  CHECK(smart("province... and") == "province\u2026 and");
  CHECK(smart("ISIS-K launched") == "ISIS-K launched");
}

TEST_CASE("quotation marks for other languages", "[typography]") {
  CHECK(smart("Er sagte \"ja\" und 'nein'.", "de") == "Er sagte \u201Eja\u201C und \u201Anein\u2018.");
  CHECK(smart("Il a dit \"oui\" ; vraiment ?", "fr") ==
        "Il a dit \u00AB\u202Foui\u202F\u00BB\u202F; vraiment\u202F?");
  CHECK(smart("Dijo \"s\u00ED\".", "es") == "Dijo \u00ABs\u00ED\u00BB.");
  CHECK(smart("Он сказал \"да\".", "ru") == "Он сказал \u00ABда\u00BB.");
  CHECK(smart("Powiedzia\u0142 \"tak\".", "pl") == "Powiedzia\u0142 \u201Etak\u201D.");
  CHECK(smart("Han sa \"ja\".", "sv") == "Han sa \u201Dja\u201D.");
  CHECK(smart("Han sagde \"ja\".", "da") == "Han sagde \u00BBja\u00AB.");
  CHECK(smart("Hij zei \"ja\".", "nl") == "Hij zei \u201Cja\u201D.");
  CHECK(smart("Disse \"s\u00EC\".", "it") == "Disse \u00ABs\u00EC\u00BB.");
  CHECK(smart("Han sa \"ja\".", "nb") == "Han sa \u00ABja\u00BB.");
  CHECK(smart("l'homme", "fr") == "l\u2019homme");
}

TEST_CASE("no word is lost or added", "[typography]") {
  std::string text = "A \"quoted\" word - and 'another' ... done.";
  std::string result = smart(text);
  for (const char* word : {"A", "quoted", "word", "and", "another", "done"})
    CHECK(result.find(word) != std::string::npos);
}

// ---------------------------------------------------------------- one pass on the model (issue #20)

#include "galley/galley.hpp"
#include "galley/text.hpp"

namespace {
std::string first_paragraph(galley::InputFormat format, const std::string& name, std::string_view bytes) {
  galley::ReadResult result = galley::read_document(format, {name, "en-GB"}, bytes);
  for (const galley::doc::Block& block : result.document.blocks)
    if (std::holds_alternative<galley::doc::Para>(block)) return galley::doc::plain_text(block);
  return {};
}
}  // namespace

TEST_CASE("spaced hyphens, quotes and ellipses come out the same from every reader", "[typography]") {
  using galley::InputFormat;
  const std::string expected = "He said \u201Cyes\u201D\u00A0\u2013 and left\u2026";
  CHECK(first_paragraph(InputFormat::plain, "a.txt", "Title\n\nHe said \"yes\" - and left...\n") == expected);
  CHECK(first_paragraph(InputFormat::markdown, "a.md", "# Title\n\nHe said \"yes\" - and left...\n") == expected);
  CHECK(first_paragraph(InputFormat::nitf, "a.xml",
                        "<nitf><body><body.content><p>He said \"yes\" - and left...</p></body.content></body></nitf>") ==
        expected);
  CHECK(first_paragraph(InputFormat::html, "a.html", "<h1>Title</h1><p>He said \"yes\" - and left...</p>") == expected);
}

TEST_CASE("the pass pairs quotes around emphasis, follows the language and leaves code alone", "[typography]") {
  using galley::InputFormat;
  CHECK(first_paragraph(InputFormat::markdown, "a.md", "# T\n\nShe wrote \"*Hello*\" and `\"raw\"`.\n") ==
        "She wrote \u201CHello\u201D and \"raw\".");
  CHECK(first_paragraph(InputFormat::markdown, "a.md", "---\nlang: de\n---\n\nEr sagte \"ja\".\n") ==
        "Er sagte \u201Eja\u201C.");
}
