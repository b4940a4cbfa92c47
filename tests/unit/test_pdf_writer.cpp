// The PDF writer's promises about the whole file: its version, its
// metadata and its bytes, the same on every run.
#include <catch2/catch.hpp>

#include <string>

#include "galley/galley.hpp"
#include "galley/text.hpp"
#include "pdf/postprocess.hpp"

using namespace galley;

namespace {

doc::Document committee_article() {
  doc::Document document;
  document.meta.title = "A headline for the test";
  document.meta.lang = "en-GB";
  const std::string paragraph =
      "The committee met on Tuesday to consider the proposals, which had been circulated to members a week "
      "earlier and which drew a considerable number of comments from the public and from local businesses.";
  for (int index = 0; index < 3; ++index)
    document.blocks.emplace_back(doc::Para{doc::inlines_from_text(paragraph), doc::ParaRole::body});
  return document;
}

}  // namespace

TEST_CASE("a PDF is written with the title and without the clock", "[pdf]") {
  style::Theme theme = style::load_theme("article");
  WriteOptions options;
  options.theme = &theme;
  options.modified_time = 86400 * 365;  // 1971-01-01
  const doc::Document three_paragraphs = committee_article();
  std::string first = write_pdf(options, three_paragraphs);
  std::string second = write_pdf(options, three_paragraphs);
  CHECK(first.rfind("%PDF-1.5", 0) == 0);
  CHECK(first == second);
  CHECK(pdf::detail::pdf_date(options.modified_time) == "D:19710101000000Z");
}

