#include <catch2/catch.hpp>

#include "galley/errors.hpp"
#include "galley/style.hpp"

using namespace galley;

namespace {

// Runs `body` and returns the galley::Error it throws.
template <class Body>
Error error_from(Body&& body) {
  try {
    body();
  } catch (const Error& error) {
    return error;
  }
  FAIL("no galley::Error thrown");
  throw;
}

}  // namespace

TEST_CASE("the default theme is built in and names its fonts", "[theme]") {
  auto names = style::builtin_theme_names();
  REQUIRE(std::find(names.begin(), names.end(), "article") != names.end());
  style::Theme theme = style::load_theme("article");
  CHECK(theme.name == "article");
  CHECK(theme.body.family == "EB Garamond 12");
  CHECK(theme.headline.family.size() > 0);
  CHECK(theme.code.family == "Noto Sans Mono");
  CHECK(theme.page.width == Approx(595.276));
  CHECK(theme.lang == "en-GB");
}

TEST_CASE("a theme sets sizes, colours and page geometry", "[theme]") {
  style::Theme theme = style::parse_theme(R"(
name = "test"
justify = false
[page]
size = "A5"
margin_top = 40
[body]
family = "Noto Serif"
size = 10
leading = 13
color = "#ff8000"
[caption]
size = 7
)",
                                          "test.toml");
  CHECK_FALSE(theme.justify);
  CHECK(theme.page.width == Approx(419.528));
  CHECK(theme.page.margin_top == 40);
  CHECK(theme.body.size == 10);
  CHECK(theme.body.color.red == Approx(1.0));
  CHECK(theme.body.color.green == Approx(128 / 255.0));
  // A style without a family is set in the body face.
  CHECK(theme.caption.family == "Noto Serif");
  CHECK(theme.caption.size == 7);
}

TEST_CASE("theme errors name the file and the line", "[theme]") {
  Error unknown = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\nsise = 10\n", "house.toml"); });
  CHECK(unknown.file() == "house.toml");
  CHECK(unknown.line() == 3);
  CHECK_THAT(unknown.message(), Catch::Contains("sise") && Catch::Contains("size"));

  Error syntax = error_from([] { style::parse_theme("[body]\nfamily = \n", "broken.toml"); });
  CHECK(syntax.file() == "broken.toml");
  CHECK(syntax.line() == 2);

  Error type = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\nsize = \"big\"\n", "t.toml"); });
  CHECK(type.line() == 3);

  Error geometry = error_from([] {
    style::parse_theme("[body]\nfamily = \"X\"\n[page]\nsize = \"A5\"\nmargin_inner = 200\nmargin_outer = 200\n", "t.toml");
  });
  CHECK_THAT(geometry.message(), Catch::Contains("margins"));

  Error colour = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\ncolor = \"red\"\n", "t.toml"); });
  CHECK(colour.line() == 3);
}

TEST_CASE("an unknown theme name is a usage error listing the built-in ones", "[theme]") {
  Error error = error_from([] { style::load_theme("no-such-theme"); });
  CHECK(error.kind() == ErrorKind::usage);
  CHECK_THAT(error.message(), Catch::Contains("article"));
}
