#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "epub/css.hpp"
#include "epub/font_files.hpp"
#include "galley/errors.hpp"
#include "galley/layout.hpp"
#include "galley/style.hpp"
#include "galley/text.hpp"
#include "render/draw.hpp"
#include "temporary_folder.hpp"

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

// A fresh folder for theme files, removed at the end of the test.
class ThemeFolder {
 public:
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(folder_.path() / name, std::ios::binary) << text;
    return (folder_.path() / name).string();
  }

 private:
  galley::test::TemporaryFolder folder_;
};

doc::Document small_article(int paragraphs) {
  doc::Document document;
  document.meta.title = "Council approves the new bridge after a long debate";
  document.meta.lang = "en-GB";
  const std::string prose =
      "Better late than never, said the chairman as the committee met on Tuesday to consider the proposals, "
      "which had been circulated to members a week earlier and which drew a considerable number of comments "
      "from the public and from local businesses.";
  for (int index = 0; index < paragraphs; ++index)
    document.blocks.emplace_back(doc::Para{doc::inlines_from_text(prose), doc::ParaRole::body});
  return document;
}

std::vector<const layout::GlyphRun*> runs_of(const layout::Page& page) {
  std::vector<const layout::GlyphRun*> runs;
  for (const layout::Item& item : page.items)
    if (const auto* run = std::get_if<layout::GlyphRun>(&item)) runs.push_back(run);
  return runs;
}

// Width and height from a PNG's IHDR chunk.
std::pair<int, int> png_size(const std::string& png) {
  REQUIRE(png.size() > 24);
  REQUIRE(png.compare(1, 3, "PNG") == 0);
  auto big_endian = [&png](std::size_t at) {
    int value = 0;
    for (std::size_t index = 0; index < 4; ++index) value = value * 256 + static_cast<unsigned char>(png[at + index]);
    return value;
  };
  return {big_endian(16), big_endian(20)};
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

TEST_CASE("every built-in theme loads, describes itself and is distinct", "[theme]") {
  const std::vector<std::string> names = style::builtin_theme_names();
  for (const char* wanted : {"article", "broadsheet", "book", "large-print"})
    CHECK(std::find(names.begin(), names.end(), wanted) != names.end());
  for (const std::string& name : names) {
    INFO(name);
    style::Theme theme = style::load_theme(name);
    CHECK(theme.name == name);
    CHECK_FALSE(theme.description.empty());
    CHECK(theme.file == "styles/" + name + ".toml");
    // Every built-in theme is set in fonts Debian ships.
    CHECK(layout::check_theme_fonts(theme).empty());
  }
  style::Theme broadsheet = style::load_theme("broadsheet");
  CHECK(broadsheet.page.columns >= 5);
  CHECK(broadsheet.masthead.enabled);
  CHECK_FALSE(broadsheet.publication.empty());
  CHECK(broadsheet.running_head == style::RunningHead::publication);
  style::Theme book = style::load_theme("book");
  CHECK(book.page.width <= 432.5);
  CHECK(book.page.columns == 1);
  CHECK(book.paragraph_indent > 0);
  CHECK(book.drop_cap.enabled);
  style::Theme large = style::load_theme("large-print");
  CHECK(large.body.size >= 16);
  CHECK_FALSE(large.justify);
  CHECK_FALSE(large.hyphenate);
  CHECK(large.paragraph_spacing > 0);
  CHECK(large.breaking.ragged_stretch.has_value());
}

TEST_CASE("a theme extends a built-in one and changes single keys", "[theme]") {
  ThemeFolder folder;
  std::string path = folder.write("house.toml", "extends = \"article\"\n[body]\nsize = 11\n[page]\nsize = \"A5\"\n");
  style::Theme theme = style::load_theme(path);
  style::Theme article = style::load_theme("article");
  CHECK(theme.name == "house");  // named after its file when it names itself nothing
  CHECK(theme.body.size == 11);
  CHECK(theme.body.leading == article.body.leading);  // the rest of [body] is the base's
  CHECK(theme.body.family == article.body.family);
  CHECK(theme.headline.size == article.headline.size);
  CHECK(theme.page.width == Approx(419.528));
  CHECK(theme.page.margin_top == article.page.margin_top);
}

TEST_CASE("a theme extends a theme file beside it, and the chain's CSS follows", "[theme]") {
  ThemeFolder folder;
  folder.write("base.toml", "name = \"base\"\nparagraph_spacing = 6\n[body]\nfamily = \"Noto Serif\"\nsize = 10\n");
  folder.write("base.css", "p.base-rule { color: red; }\n");
  std::string path = folder.write("child.toml", "name = \"child\"\nextends = \"base.toml\"\ndrop_cap = true\n[body]\nfamily = \"Noto Sans\"\n");
  folder.write("child.css", "p.child-rule { color: blue; }\n");
  style::Theme theme = style::load_theme(path);
  CHECK(theme.name == "child");
  CHECK(theme.paragraph_spacing == 6);
  CHECK(theme.body.family == "Noto Sans");
  CHECK(theme.body.size == 10);
  // Styles without a family take the body's, after every layer is read.
  CHECK(theme.caption.family == "Noto Sans");
  CHECK(theme.drop_cap.enabled);
  CHECK(theme.drop_cap.lines == 3);
  CHECK(theme.extra_css.find("base-rule") < theme.extra_css.find("child-rule"));
  const std::string css = epub::detail::css_from_theme(theme);
  CHECK_THAT(css, Catch::Contains("p.child-rule"));
  CHECK_THAT(css, Catch::Contains("::first-letter"));
}

TEST_CASE("themes that extend each other in a cycle are an error naming the file and line", "[theme]") {
  ThemeFolder folder;
  std::string a = folder.write("a.toml", "name = \"a\"\nextends = \"b.toml\"\n[body]\nfamily = \"X\"\n");
  folder.write("b.toml", "# b\n\nextends = \"a.toml\"\n");
  Error error = error_from([&] { style::load_theme(a); });
  CHECK(error.kind() == ErrorKind::bad_input);
  CHECK_THAT(error.file(), Catch::EndsWith("b.toml"));
  CHECK(error.line() == 3);
  CHECK_THAT(error.message(), Catch::Contains("cycle"));

  std::string self = folder.write("self.toml", "extends = \"self.toml\"\n");
  CHECK_THAT(error_from([&] { style::load_theme(self); }).message(), Catch::Contains("cycle"));
}

TEST_CASE("an unknown base theme is an error with the nearest name", "[theme]") {
  Error error = error_from([] { style::parse_theme("name = \"x\"\n\nextends = \"artcle\"\n", "x.toml"); });
  CHECK(error.file() == "x.toml");
  CHECK(error.line() == 3);
  CHECK_THAT(error.message(), Catch::Contains("did you mean \"article\""));
}

TEST_CASE("an error in a base theme names the base's file", "[theme]") {
  ThemeFolder folder;
  folder.write("base.toml", "[body]\nfamily = \"X\"\n\nleading = \"wide\"\n");
  std::string child = folder.write("child.toml", "extends = \"base.toml\"\n");
  Error error = error_from([&] { style::load_theme(child); });
  CHECK_THAT(error.file(), Catch::EndsWith("base.toml"));
  CHECK(error.line() == 4);
}

TEST_CASE("unknown keys suggest the nearest valid name", "[theme]") {
  Error body = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\nsise = 10\n", "t.toml"); });
  CHECK_THAT(body.message(), Catch::Contains("did you mean 'size'?"));
  Error root = error_from([] { style::parse_theme("paragraph_spaceing = 4\n[body]\nfamily = \"X\"\n", "t.toml"); });
  CHECK(root.line() == 1);
  CHECK_THAT(root.message(), Catch::Contains("did you mean 'paragraph_spacing'?"));
  Error page = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\n[page]\ncolums = 3\n", "t.toml"); });
  CHECK(page.line() == 4);
  CHECK_THAT(page.message(), Catch::Contains("did you mean 'columns'?"));
  Error breaking = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\n[break]\ntolerence = 300\n", "t.toml"); });
  CHECK_THAT(breaking.message(), Catch::Contains("did you mean 'tolerance'?"));
  // Nothing near: no suggestion, only the list.
  Error far = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\nxyzzyplugh = 1\n", "t.toml"); });
  CHECK_THAT(far.message(), !Catch::Contains("did you mean") && Catch::Contains("known keys"));
  CHECK(style::nearest_name("leadng", {"size", "leading", "weight"}) == "leading");
  CHECK(style::nearest_name("qq", {"size", "leading"}).empty());
}

TEST_CASE("every kind of theme error names the file and the line", "[theme]") {
  struct Case {
    const char* toml;
    int line;
    const char* says;
  };
  const Case cases[] = {
      {"[body]\nfamily = \"X\"\nsize = true\n", 3, "number"},
      {"[body]\nfamily = \"X\"\nsize = 1000\n", 3, "outside"},
      {"[body]\nfamily = \"X\"\nitalic = 1\n", 3, "true or false"},
      {"[body]\nfamily = 12\n", 2, "string"},
      {"[body]\nfamily = \"X\"\ncolor = \"#12345\"\n", 3, "#rrggbb"},
      {"body = 3\n", 1, "table"},
      {"[body]\nfamily = \"X\"\n[page]\nsize = \"A9\"\n", 4, "unknown page size"},
      {"[body]\nfamily = \"X\"\n[page]\ncolumns = 0\n", 4, "outside"},
      {"[body]\nfamily = \"X\"\n[page]\nsize = \"A5\"\ncolumns = 8\n", 3, "columns leave"},
      {"[body]\nfamily = \"X\"\n[page]\nmargin_top = 500\nmargin_bottom = 500\n", 3, "margins"},
      {"running_head = \"titel\"\n[body]\nfamily = \"X\"\n", 1, "did you mean \"title\""},
      {"[body]\nfamily = \"X\"\n[drop_cap]\nlines = 9\n", 4, "outside"},
      {"[body]\nfamily = \"X\"\n[drop_cap]\nline = 3\n", 4, "did you mean 'lines'?"},
      {"[body]\nfamily = \"X\"\n[masthead]\nsize = \"huge\"\n", 4, "number"},
      {"[body]\nfamily = \"X\"\n[break]\nspace_shrink = 2\n", 4, "outside"},
      {"extends = 3\n[body]\nfamily = \"X\"\n", 1, "string"},
      {"[body]\nfamily = \"X\"\n[body]\n", 3, ""},
  };
  for (const Case& test : cases) {
    INFO(test.toml);
    Error error = error_from([&] { style::parse_theme(test.toml, "case.toml"); });
    CHECK(error.kind() == ErrorKind::bad_input);
    CHECK(error.file() == "case.toml");
    CHECK(error.line() == test.line);
    CHECK_THAT(error.message(), Catch::Contains(test.says));
  }
}

TEST_CASE("every mistake in a theme is reported in one run, in file order, numbers as written", "[theme]") {
  // Keys in an order toml++ would not sort them into: its tables iterate by name.
  const char* toml =
      "running_head = \"titel\"\n"   // 1
      "[body]\n"                        // 2
      "family = \"X\"\n"              // 3
      "size = -3\n"                     // 4
      "leadng = 14\n"                   // 5
      "[page]\n"                        // 6
      "gutter = 0.25e4\n"               // 7
      "[aside]\n"                       // 8
      "color = \"red\"\n";            // 9
  Error error = error_from([&] { style::parse_theme(toml, "house.toml"); });
  CHECK(error.kind() == ErrorKind::bad_input);
  CHECK(error.file() == "house.toml");
  const std::string& message = error.message();
  INFO(message);
  CHECK_THAT(message, Catch::StartsWith("5 mistakes in the theme:"));
  const std::vector<std::string> expected = {
      "house.toml:1: 'running_head' is \"titel\"",
      "house.toml:4: 'size' is -3, outside 2..400",
      "house.toml:5: unknown key 'leadng' in [body]; did you mean 'leading'?",
      "house.toml:7: 'gutter' is 2500, outside 0..200",
      "house.toml:9: 'color' must be a colour written #rrggbb",
  };
  std::size_t position = 0;
  for (const std::string& line : expected) {
    const std::size_t found = message.find(line, position);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) position = found + line.size();
  }
  CHECK_THAT(message, !Catch::Contains("000000"));
  // One mistake alone is reported as itself, with its line.
  Error alone = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\nsize = 0.5\n", "t.toml"); });
  CHECK(alone.line() == 3);
  CHECK(alone.message() == "'size' is 0.5, outside 2..400");
}

TEST_CASE("a font family fontconfig lacks is a warning naming the substitute", "[theme]") {
  style::Theme theme = style::parse_theme("[body]\nfamily = \"Galley Nonexistent Serif\"\n", "house.toml");
  Diagnostics warnings = layout::check_theme_fonts(theme);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings.front().file == "house.toml");
  CHECK_THAT(warnings.front().message,
             Catch::Contains("Galley Nonexistent Serif") && Catch::Contains("instead") && Catch::Contains("using \""));
}

TEST_CASE("the EPUB CSS follows each theme", "[theme][css]") {
  std::map<std::string, std::string> css;
  for (const std::string& name : style::builtin_theme_names())
    css[name] = epub::detail::css_from_theme(style::load_theme(name));
  for (const auto& [name, text] : css)
    for (const auto& [other, other_text] : css)
      if (name != other) CHECK(text != other_text);
  CHECK_THAT(css["article"], Catch::Contains("\"EB Garamond 12\", serif"));
  CHECK_THAT(css["article"], !Catch::Contains("::first-letter"));
  CHECK_THAT(css["book"], Catch::Contains("::first-letter") && Catch::Contains("\"onum\""));
  CHECK_THAT(css["large-print"], Catch::Contains("\"Noto Sans\", sans-serif") && Catch::Contains("text-align: left") &&
                                     Catch::Contains("hyphens: manual") && Catch::Contains("word-spacing"));
  CHECK_THAT(css["large-print"], Catch::Contains("html {\n  font-size: 142%;"));
  CHECK_THAT(css["article"], Catch::Contains("html {\n  font-size: 104%;"));  // 12.5 points
  CHECK_THAT(css["broadsheet"], Catch::Contains("\"Liberation Serif\", serif") && Catch::Contains("p.subtitle"));
  // Block paragraphs: space between them rather than an indent.
  CHECK_THAT(css["large-print"], Catch::Contains("p + p {\n  text-indent: 0;\n  margin-top: 0.706em;"));
}

TEST_CASE("a drop cap narrows the lines beside it", "[theme][layout]") {
  style::Theme theme = style::load_theme("book");
  layout::PagedDocument pages = layout::layout_document(small_article(4), theme);
  REQUIRE_FALSE(pages.pages.empty());
  std::vector<const layout::GlyphRun*> runs = runs_of(pages.pages.front());
  auto initial = std::find_if(runs.begin(), runs.end(), [](const layout::GlyphRun* run) { return run->text == "B"; });
  REQUIRE(initial != runs.end());
  const double left = theme.page.margin_inner;
  CHECK((*initial)->x == Approx(left).margin(1));
  // The lines beside the initial start after it; the line below it at the margin.
  const double initial_baseline = (*initial)->y;
  int beside = 0, below = 0;
  for (const layout::GlyphRun* run : runs) {
    if (run == *initial || run->y < initial_baseline - 3 * theme.body.leading) continue;
    if (run->y <= initial_baseline + 0.5 && run->y > initial_baseline - 2.5 * theme.body.leading && run->x > left + 10) ++beside;
    if (run->y > initial_baseline + 1 && run->y < initial_baseline + theme.body.leading + 1 &&
        run->x == Approx(left).margin(0.5))
      ++below;
  }
  CHECK(beside >= 3);
  CHECK(below >= 1);
}

TEST_CASE("the broadsheet sets a masthead above the headline and the publication as running head", "[theme][layout]") {
  style::Theme theme = style::load_theme("broadsheet");
  layout::PagedDocument pages = layout::layout_document(small_article(120), theme);
  REQUIRE(pages.pages.size() >= 2);
  std::vector<const layout::GlyphRun*> first = runs_of(pages.pages[0]);
  REQUIRE_FALSE(first.empty());
  std::string top_text;
  for (const layout::GlyphRun* run : first)
    if (run->y < first.front()->y + 1) top_text += run->text;
  CHECK_THAT(top_text, Catch::Contains("Galley"));
  std::string second_text;
  for (const layout::GlyphRun* run : runs_of(pages.pages[1])) second_text += run->text + " ";
  CHECK_THAT(second_text, Catch::Contains("Chronicle"));
}

TEST_CASE("a theme can leave out the running head", "[theme][layout]") {
  style::Theme theme = style::load_theme("article");
  theme.running_head = style::RunningHead::none;
  layout::PagedDocument pages = layout::layout_document(small_article(40), theme);
  REQUIRE(pages.pages.size() >= 2);
  for (const layout::GlyphRun* run : runs_of(pages.pages[1])) CHECK(run->y > theme.page.margin_top - 1);
}

TEST_CASE("paragraph spacing puts space between paragraphs", "[theme][layout]") {
  style::Theme theme = style::load_theme("article");
  auto second_paragraph_top = [](const style::Theme& t) {
    layout::PagedDocument pages = layout::layout_document(small_article(2), t);
    std::vector<double> baselines;
    for (const layout::GlyphRun* run : runs_of(pages.pages.front()))
      if (baselines.empty() || run->y > baselines.back() + 0.1) baselines.push_back(run->y);
    return baselines;
  };
  std::vector<double> without = second_paragraph_top(theme);
  theme.paragraph_spacing = 9;
  std::vector<double> with = second_paragraph_top(theme);
  REQUIRE(with.size() == without.size());
  CHECK(with.back() - without.back() == Approx(9).margin(0.01));
}

TEST_CASE("preview draws the first pages as PNGs of the page's size", "[theme][preview]") {
  style::Theme theme = style::load_theme("book");
  layout::PagedDocument pages = layout::layout_document(small_article(30), theme);
  REQUIRE(pages.pages.size() >= 3);
  std::vector<std::string> pngs = render::render_png_pages(pages, 2, 100, "test.txt");
  REQUIRE(pngs.size() == 2);
  for (const std::string& png : pngs) {
    auto [width, height] = png_size(png);
    CHECK(width == 600);  // 6 in at 100 dpi
    CHECK(height == 900);
  }
  CHECK(render::render_png_pages(pages, 1000, 50, "test.txt").size() == pages.pages.size());
}

TEST_CASE("a theme that embeds its fonts carries each face once with @font-face rules", "[theme][css]") {
  style::Theme theme = style::load_theme("book");
  REQUIRE(theme.embed_fonts);
  std::vector<epub::detail::FontFile> fonts = epub::detail::theme_font_files(theme);
  REQUIRE_FALSE(fonts.empty());
  std::set<std::string> carried;
  bool italic = false;
  for (const epub::detail::FontFile& font : fonts) {
    CHECK_THAT(font.file_name, Catch::StartsWith("fonts/"));
    CHECK((font.media_type == "font/otf" || font.media_type == "font/ttf"));
    if (!font.bytes.empty()) CHECK(carried.insert(font.file_name).second);
    italic = italic || font.italic;
  }
  CHECK(italic);
  const std::string rules = epub::detail::font_face_rules(fonts);
  CHECK_THAT(rules, Catch::Contains("@font-face") && Catch::Contains("font-family: \"EB Garamond 12\"") &&
                        Catch::Contains("format(\"opentype\")"));
  CHECK_FALSE(style::load_theme("article").embed_fonts);
}

TEST_CASE("lengths are read in millimetres, centimetres, inches and points", "[theme][print]") {
  CHECK(style::parse_length("3mm").value() == Approx(8.50394));
  CHECK(style::parse_length("0.125in").value() == Approx(9));
  CHECK(style::parse_length("0.3cm").value() == Approx(8.50394));
  CHECK(style::parse_length("9pt").value() == Approx(9));
  CHECK(style::parse_length("9").value() == Approx(9));
  CHECK_FALSE(style::parse_length("mm"));
  CHECK_FALSE(style::parse_length("3 furlongs"));
  CHECK_FALSE(style::parse_length(""));
  CHECK_FALSE(style::parse_length("nan"));
}

TEST_CASE("a theme sets bleed, marks and binding; the book is bound on the left", "[theme][print]") {
  style::Theme theme =
      style::parse_theme("[body]\nfamily = \"X\"\n[page]\nbleed = \"3mm\"\nmarks = true\nbinding = \"right\"\n", "t.toml");
  CHECK(theme.page.bleed == Approx(8.50394));
  CHECK(theme.page.marks);
  CHECK(theme.page.binding == style::Binding::right);
  CHECK(theme.page.inner_on_right(1));
  CHECK_FALSE(theme.page.inner_on_right(2));
  const style::Theme book = style::load_theme("book");
  CHECK(book.page.binding == style::Binding::left);
  CHECK_FALSE(book.page.inner_on_right(1));
  CHECK(book.page.inner_on_right(2));
  CHECK(book.page.bleed == 0);
  CHECK_FALSE(style::load_theme("article").page.inner_on_right(2));
  Error error = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\n[page]\nbinding = \"top\"\n", "t.toml"); });
  CHECK(error.line() == 4);
  error = error_from([] { style::parse_theme("[body]\nfamily = \"X\"\n[page]\nbleed = 100\n", "t.toml"); });
  CHECK(error.line() == 4);
}

TEST_CASE("a bound theme mirrors the margins of versos and sets the folios outside", "[theme][layout][print]") {
  const style::Theme book = style::load_theme("book");
  doc::Document document;
  document.meta.title = "Facing pages";
  for (int index = 0; index < 40; ++index)
    document.blocks.push_back(doc::Para{doc::inlines_from_text(
        "A paragraph long enough to fill a few lines of a book page, said over and over so the article runs "
        "onto a verso and the recto after it, where the margins should mirror each other.")});
  const layout::PagedDocument pages = layout::layout_document(document, book);
  REQUIRE(pages.pages.size() >= 3);
  auto leftmost = [](const layout::Page& page) {
    double left = page.width;
    for (const layout::Item& item : page.items)
      if (const auto* run = std::get_if<layout::GlyphRun>(&item)) left = std::min(left, run->x);
    return left;
  };
  CHECK(leftmost(pages.pages[1]) == Approx(book.page.margin_outer).margin(0.5));
  CHECK(leftmost(pages.pages[2]) == Approx(book.page.margin_inner).margin(0.5));
}

TEST_CASE("a theme's columns must leave room for text", "[theme]") {
  CHECK_THROWS_AS(style::parse_theme("[body]\nfamily = \"X\"\n[page]\nsize = \"A5\"\ncolumns = 8\n", "t.toml"), Error);
  style::Theme theme = style::parse_theme("[body]\nfamily = \"X\"\n[page]\ncolumns = 3\ngutter = 14\n", "t.toml");
  CHECK(theme.page.columns == 3);
  CHECK(theme.page.gutter == 14);
}
