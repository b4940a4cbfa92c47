#include <catch2/catch.hpp>

#include "galley/edition.hpp"

using namespace galley;

namespace {

const char* toml_manifest = R"(title = "The Daily Planet"
issue = "No. 4,512"
date = 2026-11-28
publisher = "Planet Media"
cover = "front.jpg"
theme = "broadsheet"

[[sections]]
title = "News"
articles = ["storm.txt", "budget.md"]

[[sections]]
title = "Sport"
articles = ["cup/final.xml"]
)";

const char* yaml_manifest = R"(title: The Daily Planet
issue: No. 4,512
date: 2026-11-28
publisher: Planet Media
cover: front.jpg
theme: broadsheet
sections:
  - title: News
    articles: [storm.txt, budget.md]
  - title: Sport
    articles:
      - cup/final.xml
)";

int error_line(const std::string& file, const std::string& text) {
  try {
    read_edition_manifest(file, text);
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::bad_input);
    return error.line();
  }
  FAIL("no error for " << text);
  return -1;
}

}  // namespace

TEST_CASE("a TOML and a YAML manifest saying the same make the same plan", "[edition]") {
  for (const auto& [file, text] : {std::pair{"day/edition.toml", toml_manifest}, std::pair{"day/edition.yaml", yaml_manifest}}) {
    EditionPlan plan = read_edition_manifest(file, text);
    INFO(file);
    CHECK(plan.meta.title == "The Daily Planet");
    CHECK(plan.meta.series == "The Daily Planet");  // no series of its own: the title
    CHECK(plan.meta.issue == "No. 4,512");
    REQUIRE(plan.meta.issue_number);
    CHECK(*plan.meta.issue_number == 4512);
    REQUIRE(plan.meta.date);
    CHECK(plan.meta.date->year == 2026);
    CHECK(plan.meta.date->month == 11);
    CHECK(plan.meta.date->day == 28);
    CHECK(plan.meta.publisher == "Planet Media");
    CHECK(plan.meta.style == "broadsheet");
    CHECK(plan.meta.cover_image == std::filesystem::path("day/front.jpg"));
    REQUIRE(plan.sections.size() == 2);
    CHECK(plan.sections[0].title == "News");
    CHECK(plan.sections[0].articles ==
          std::vector<std::filesystem::path>{"day/storm.txt", "day/budget.md"});
    CHECK(plan.sections[1].articles == std::vector<std::filesystem::path>{"day/cup/final.xml"});
    CHECK(plan.diagnostics.empty());
  }
}

TEST_CASE("a manifest's mistakes name their line", "[edition]") {
  CHECK(error_line("e.toml", "title = \"x\"\nissue = [1, 2]\n") == 2);
  CHECK(error_line("e.toml", "title = \"x\n") == 1);
  CHECK(error_line("e.toml", "[[sections]]\ntitle = \"A\"\narticles = [\"a.txt\"]\n[[sections]]\ntitle = \"B\"\n"
                             "articles = [\"a.txt\"]\n") == 6);
  CHECK(error_line("e.toml", "[[sections]]\ntitle = \"Empty\"\narticles = []\n") == 1);
  CHECK(error_line("e.toml", "date = \"soon\"\n") == 1);
  CHECK(error_line("e.yaml", "title: x\nsections:\n  - title: A\n    articles: a.txt\n") == 4);
  CHECK(error_line("e.yaml", "title: [unclosed\n") > 0);
  CHECK(error_line("e.yaml", "- just\n- a list\n") == 1);
  // An unknown key is a warning with its line, not an error.
  EditionPlan plan = read_edition_manifest("e.toml", "title = \"x\"\nmasthead_colour = \"red\"\n");
  REQUIRE(plan.diagnostics.size() == 1);
  CHECK(plan.diagnostics[0].line == 2);
  // A date in words is shown as written.
  plan = read_edition_manifest("e.yaml", "date: Saturday, 28 November 2026\n");
  CHECK(plan.meta.date_text == "Saturday, 28 November 2026");
  // An issue that is not a number is kept but has no place in a series.
  plan = read_edition_manifest("e.yaml", "issue: Winter special\n");
  CHECK(plan.meta.issue == "Winter special");
  CHECK_FALSE(plan.meta.issue_number);
}

TEST_CASE("article keys: place in the edition and a safe file name", "[edition]") {
  Edition edition;
  edition.sections.push_back({"News", {}});
  edition.sections.push_back({"", {}});
  edition.sections[0].articles.push_back({{}, "in/Storm Hits Coast!.txt", {}, {}, true});
  edition.sections[0].articles.push_back({{}, "in/über.md", {}, {}, true});
  edition.sections[1].articles.push_back({{}, "in/storm-hits-coast.txt", {}, {}, true});
  assign_article_keys(edition);
  std::vector<const EditionArticle*> order = articles_in_order(edition);
  REQUIRE(order.size() == 3);
  CHECK(order[0]->key == "a-01-storm-hits-coast");
  CHECK(order[1]->key == "a-02-ber");
  CHECK(order[2]->key == "a-03-storm-hits-coast");  // the same name, a different key
}

TEST_CASE("one line about an article: description, standfirst, else first sentence, cut at a word", "[edition]") {
  doc::Document document;
  document.blocks.push_back(doc::Para{{doc::Str{"First."}, doc::Space{}, doc::Str{"Second."}}});
  CHECK(one_line_description(document) == "First.");
  document.meta.subtitle = "The standfirst";
  CHECK(one_line_description(document) == "The standfirst");
  document.meta.description = "A description that runs on and on and on";
  CHECK(one_line_description(document) == document.meta.description);
  CHECK(one_line_description(document, 20) == "A description that\u2026");
}
