#include <catch2/catch.hpp>

#include "read/plaintext_rules.hpp"

using namespace galley::read::detail;

TEST_CASE("captions end in a credit, which is split off", "[plaintext-rules]") {
  auto check = [](std::string_view line, std::string_view caption, std::string_view credit) {
    std::optional<CaptionParts> parts = split_credit(line);
    REQUIRE(parts);
    CHECK(parts->caption == caption);
    CHECK(parts->credit == credit);
  };
  check("An Afghan fighter after an attack in Kabul in 2020. Credit: AP", "An Afghan fighter after an attack in Kabul in 2020.", "AP");
  check("A Taliban fighter at a checkpoint in Kabul, Afghanistan Credit: Khwaja Tawfiq Sediqi/AP",
        "A Taliban fighter at a checkpoint in Kabul, Afghanistan", "Khwaja Tawfiq Sediqi/AP");
  check("The convention floor, shortly after opening Friday. Image: Nick Moreau.",
        "The convention floor, shortly after opening Friday.", "Nick Moreau");
  check("Looking back: Columbia lifts off from Launch Pad 39A. Image: NASA.",
        "Looking back: Columbia lifts off from Launch Pad 39A.", "NASA");
  check("Crowds at the gates on Sunday. Photo: Jane Doe/Reuters", "Crowds at the gates on Sunday.", "Jane Doe/Reuters");
  check("Picture: Jane Doe", "", "Jane Doe");
  check("Fans queue outside the stadium (Getty Images)", "Fans queue outside the stadium", "Getty Images");
  check("The president speaks. (AP Photo/Evan Vucci)", "The president speaks.", "AP Photo/Evan Vucci");
  check("The harbour at dawn. \u00A9 Jane Doe", "The harbour at dawn.", "Jane Doe");
  check("Opening night of the exhibit. Video: Miharris & Acphillips.", "Opening night of the exhibit.", "Miharris & Acphillips");
}

TEST_CASE("prose with a colon or brackets is no caption", "[plaintext-rules]") {
  CHECK_FALSE(split_credit("He explained the picture: a city in ruins, and nobody to rebuild it."));
  CHECK_FALSE(split_credit("ITV News Global Security Editor Rohit Kachroo explains: \"ISIS-K has operated for six years.\""));
  CHECK_FALSE(split_credit("The figures come from the ministry (which declined to comment)."));
  CHECK_FALSE(split_credit("Source: the report says that nobody knew what was happening in the city that night, or why."));
  CHECK_FALSE(split_credit("The study was published on Monday, according to one Source: an official."));
}

TEST_CASE("subheadings: short questions and title phrases", "[plaintext-rules]") {
  auto heading = [](std::string_view line) { return looks_like_subheading(shape_of(line)); };
  CHECK(heading("Who are ISIS-K?"));
  CHECK(heading("What is ISIS-K's relationship with the Taliban and terrorist group al Qaida?"));
  CHECK(heading("Displays of charity at event"));
  CHECK(heading("DEFENSE & SECURITY"));
  CHECK(heading("Video games, movies, and more"));
  // A question inside prose, a long question, a sentence, a teaser:
  CHECK_FALSE(heading("The foreign secretary has also not ruled out such strikes against ISIS-K, so who are they and why do the two groups of militants disagree?"));
  CHECK_FALSE(heading("Estimates suggest 8000 migrants may be at sea."));
  CHECK_FALSE(heading("Terror attacks are usually unexpected - but this recent one was not, Rohit Kachroo explains"));
  CHECK_FALSE(heading("'We will get to their homes and attack them', ISIS-K commander tells ITV News"));
  CHECK_FALSE(heading("\"Why now?\""));
  CHECK_FALSE(heading("and then the rest of it"));
}

TEST_CASE("teasers: unpunctuated lines that are no heading", "[plaintext-rules]") {
  auto teaser = [](std::string_view line) { return looks_like_teaser(shape_of(line)); };
  CHECK(teaser("Terror attacks are usually unexpected - but this recent one was not, Rohit Kachroo explains"));
  CHECK(teaser("'We will get to their homes and attack them', ISIS-K commander tells ITV News"));
  CHECK_FALSE(teaser("A one-line paragraph that ends properly."));
  CHECK_FALSE(teaser("With this approval, Nation has permitted 15 gigawatts of offshore wind capacity, as progress continues toward President Biden’s goal of deploying 30 gigawatts by 2030"));
}

TEST_CASE("list markers", "[plaintext-rules]") {
  for (std::string_view line : {"- first", "* first", "\u2022 first", "\u2013 first"}) {
    std::optional<ListMarker> marker = list_marker(line);
    REQUIRE(marker);
    CHECK(marker->text == "first");
    CHECK_FALSE(marker->ordered);
  }
  std::optional<ListMarker> numbered = list_marker("12. twelfth");
  REQUIRE(numbered);
  CHECK(numbered->ordered);
  CHECK(numbered->number == 12);
  REQUIRE(list_marker("3) third"));
  CHECK(list_marker("3) third")->ordered);
  CHECK_FALSE(list_marker("-5 degrees"));
  CHECK_FALSE(list_marker("2015 was a year"));
}

TEST_CASE("bylines", "[plaintext-rules]") {
  std::optional<Byline> by = parse_byline("By Jane Doe and John Roe");
  REQUIRE(by);
  CHECK(by->authors == std::vector<std::string>{"Jane Doe", "John Roe"});
  std::optional<Byline> role = parse_byline("Jane Doe, Political Editor");
  REQUIRE(role);
  CHECK(role->authors == std::vector<std::string>{"Jane Doe"});
  CHECK(role->text == "Jane Doe, Political Editor");
  std::optional<Byline> by_role = parse_byline("By Jane Doe, Political Editor");
  REQUIRE(by_role);
  CHECK(by_role->authors == std::vector<std::string>{"Jane Doe"});
  CHECK_FALSE(parse_byline("By the end of the week, nobody was left."));
  CHECK_FALSE(parse_byline("Washington, a city in turmoil"));
}

TEST_CASE("datelines open the first paragraph", "[plaintext-rules]") {
  std::optional<Dateline> reuters = split_dateline("LONDON (Reuters) - Britain said on Monday it would act.");
  REQUIRE(reuters);
  CHECK(reuters->place == "LONDON (Reuters)");
  CHECK(reuters->rest == "Britain said on Monday it would act.");
  std::optional<Dateline> places = split_dateline("Evansville, Indiana, United States - This past week marked the opening.");
  REQUIRE(places);
  CHECK(places->place == "Evansville, Indiana, United States");
  CHECK_FALSE(split_dateline("Boris Johnson - the former prime minister - said so."));
  CHECK_FALSE(split_dateline("The minister said - in a statement - that it was over."));
}

TEST_CASE("pull quotes end with the speaker's name", "[plaintext-rules]") {
  std::optional<Attribution> quote =
      split_attribution("It was a misguided decision. John Cornyn, U.S. Senator (R-Texas)");
  REQUIRE(quote);
  CHECK(quote->quote == "It was a misguided decision.");
  CHECK(quote->attribution == "John Cornyn, U.S. Senator (R-Texas)");
  CHECK_FALSE(split_attribution("It was a misguided decision. and then it ended"));
}
