#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "galley/galley.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"

using namespace galley;

namespace {

std::string html_fixture(const std::string& name) {
  std::ifstream file(std::string(GALLEY_TEST_DATA_DIR) + "/html/" + name, std::ios::binary);
  REQUIRE(file);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

std::string html_fixture_path(const std::string& name) { return std::string(GALLEY_TEST_DATA_DIR) + "/html/" + name; }

ReadResult read_page(std::string_view bytes, const std::string& name = "page.html") {
  return read_document(InputFormat::html, {name, "en-GB"}, bytes);
}

// Every word of the document, blocks and footnotes, as one text.
std::string all_text(const doc::Document& document) {
  std::string text;
  doc::for_each_block(document, [&text](const doc::Block& block) { text += doc::plain_text(block) + "\n"; });
  return text;
}

template <class Kind>
std::vector<const Kind*> blocks_of(const doc::Document& document) {
  std::vector<const Kind*> found;
  doc::for_each_block(document, [&found](const doc::Block& block) {
    if (const auto* kind = std::get_if<Kind>(&block)) found.push_back(kind);
  });
  return found;
}

// A page of `paragraphs` paragraphs inside navigation and a footer, for
// tests that need an article the search can find.
std::string page_around(const std::string& head, const std::string& article) {
  return "<!DOCTYPE html><html><head>" + head + "</head><body><nav class=\"menu\"><a href=\"/\">Home</a></nav>" +
         "<div class=\"article-body\">" + article + "</div><footer class=\"footer\">Footer text</footer></body></html>";
}

const std::string enough_text =
    "<p>The lifeboat was launched twice on Sunday, first to a yacht that had lost its rudder off the point, and "
    "then to a walker cut off by the tide below the cliffs, who was brought back to the harbour unhurt.</p>"
    "<p>The crew, all of them volunteers, had been at sea for nine hours by the time the second call came, and "
    "the coxswain said afterwards that it had been one of the longest days he could remember.</p>"
    "<p>The station is raising money for a new boathouse, and hopes to start building next spring, once the "
    "council has agreed the plans and the last of the money has been found.</p>";

}  // namespace

TEST_CASE("html: the article is found among navigation, ads, share bars, comments and footers", "[html]") {
  ReadResult result = read_page(html_fixture("news-page.html"), html_fixture_path("news-page.html"));
  std::string text = all_text(result.document);
  CHECK(text.find("A section of the Victorian harbour wall") != std::string::npos);
  CHECK(text.find("A public meeting will be held") != std::string::npos);
  for (const char* junk : {"SCRIPT_TEXT_MUST_NOT_APPEAR", "HIDDEN_TEXT_MUST_NOT_APPEAR", "COMMENT_TEXT_MUST_NOT_APPEAR",
                           "We use cookies", "Most read", "Copy link", "All rights reserved", "Share on Social",
                           "Get the morning briefing", "Read more", "Sign up"})
    CHECK(text.find(junk) == std::string::npos);
  // The headline is the metadata's, not a paragraph; the byline element is not body text.
  CHECK(text.find("By Morwenna Tregear") == std::string::npos);
}

TEST_CASE("html: JSON-LD in a @graph gives the metadata, the site name the publisher", "[html]") {
  ReadResult result = read_page(html_fixture("news-page.html"), html_fixture_path("news-page.html"));
  const doc::Meta& meta = result.document.meta;
  CHECK(meta.title == "Harbour wall gives way after the storm");
  CHECK(meta.authors == std::vector<std::string>{"Morwenna Tregear", "Idris Powell"});
  REQUIRE(meta.date);
  CHECK(meta.date->year == 2024);
  CHECK(meta.date->month == 3);
  CHECK(meta.date->day == 14);
  CHECK(meta.publisher == "The Coast Gazette");
  CHECK(meta.section == "Local news");
  CHECK(meta.lang == "en-GB");
  CHECK(meta.source == "https://gazette.example/news/2024/03/harbour-wall");
  CHECK(meta.keywords == std::vector<std::string>{"storms", "harbours", "Port Ellery"});
  CHECK(meta.description == "A section of the Victorian harbour wall at Port Ellery collapsed overnight.");
}

TEST_CASE("html: structure becomes the model's headings, lists, quotes, tables and figures", "[html]") {
  ReadResult result = read_page(html_fixture("news-page.html"), html_fixture_path("news-page.html"));
  const doc::Document& document = result.document;
  auto headings = blocks_of<doc::Heading>(document);
  REQUIRE(headings.size() == 2);
  CHECK(doc::plain_text(headings[0]->body) == "What happened overnight?");
  CHECK(headings[0]->level == 2);
  auto lists = blocks_of<doc::List>(document);
  REQUIRE(lists.size() == 1);
  CHECK(lists[0]->items.size() == 3);
  auto quotes = blocks_of<doc::Quote>(document);
  REQUIRE(quotes.size() == 1);
  CHECK(doc::plain_text(quotes[0]->body).find("a hundred and forty years") != std::string::npos);
  auto tables = blocks_of<doc::Table>(document);
  REQUIRE(tables.size() == 1);
  CHECK(tables[0]->header_rows.size() == 1);
  CHECK(tables[0]->body_rows.size() == 3);
  CHECK(doc::plain_text(tables[0]->caption) == "Storms recorded at Port Ellery");
  CHECK(doc::plain_text(tables[0]->body_rows[2][2].body) == "6.2 m");
  // Emphasis survives.
  bool emphasis = false;
  for (const doc::Para* para : blocks_of<doc::Para>(document))
    for (const doc::Inline& inline_ : para->body)
      if (const auto* emph = std::get_if<doc::Emph>(&inline_))
        emphasis = emphasis || doc::plain_text(emph->body) == "three fishing boats";
  CHECK(emphasis);
}

TEST_CASE("html: a figure keeps its local image, caption and credit; remote images keep their description", "[html]") {
  ReadResult result = read_page(html_fixture("news-page.html"), html_fixture_path("news-page.html"));
  auto figures = blocks_of<doc::Figure>(result.document);
  REQUIRE(figures.size() == 3);
  CHECK(figures[0]->src == "news-page_files/harbour.jpg");
  CHECK(doc::plain_text(figures[0]->caption) == "The gap in the wall, seen from the lifeboat slipway.");
  CHECK(doc::plain_text(figures[0]->credit) == "Jenna Carne");
  CHECK(figures[0]->credit_label == "Photo");
  CHECK(figures[0]->alt == "The broken harbour wall at low tide");
  // <picture> with only remote sources: no image, the alt text as its description, and a warning.
  CHECK(figures[1]->src.empty());
  CHECK(doc::plain_text(figures[1]->caption) == "Boats resting on the mud inside the harbour");
  bool warned = false;
  for (const Diagnostic& warning : result.diagnostics)
    warned = warned || (warning.message.find("never fetched") != std::string::npos && warning.line == 71);
  CHECK(warned);
  // A data: URI is decoded and carried by the document.
  REQUIRE_FALSE(figures[2]->src.empty());
  auto embedded = result.document.embedded_images.find(figures[2]->src);
  REQUIRE(embedded != result.document.embedded_images.end());
  CHECK(embedded->second.substr(1, 3) == "PNG");
}

TEST_CASE("html: an embedded video becomes a linked note", "[html]") {
  ReadResult result = read_page(html_fixture("news-page.html"), html_fixture_path("news-page.html"));
  auto asides = blocks_of<doc::Aside>(result.document);
  REQUIRE(asides.size() == 1);
  CHECK(doc::plain_text(asides[0]->body) == "Video: Drone footage of the harbour at dawn");
  const auto& para = std::get<doc::Para>(asides[0]->body.front());
  const auto* link = std::get_if<doc::Link>(&para.body.back());
  REQUIRE(link);
  CHECK(link->url == "https://www.youtube.com/embed/abc123XYZ");
}

TEST_CASE("html: a fragment (a CMS export) is taken whole, its first heading the headline", "[html]") {
  ReadResult result = read_page(html_fixture("fragment.html"));
  CHECK(result.document.meta.title == "Ferry timetable changes from Monday");
  CHECK(result.document.meta.byline == "By Idris Powell");
  CHECK(result.document.meta.authors == std::vector<std::string>{"Idris Powell"});
  std::string text = all_text(result.document);
  CHECK(text.find("two extra sailings") != std::string::npos);
  CHECK(text.find("fuel costs could force a rise") != std::string::npos);
  CHECK(text.find("SCRIPT_TEXT") == std::string::npos);
  CHECK(text.find("Share") == std::string::npos);
  // An absolute link stays a link.
  bool linked = false;
  for (const doc::Para* para : blocks_of<doc::Para>(result.document))
    for (const doc::Inline& inline_ : para->body)
      if (const auto* link = std::get_if<doc::Link>(&inline_)) linked = link->url == "https://ferry.example/timetable";
  CHECK(linked);
}

TEST_CASE("html: the encoding declared by http-equiv decodes the page", "[html]") {
  ReadResult result = read_page(html_fixture("latin1.html"));
  CHECK(result.document.meta.title == "La f\u00EAte du port");
  CHECK(result.document.meta.lang == "fr");
  std::string text = all_text(result.document);
  CHECK(text.find("comit\u00E9 des f\u00EAtes") != std::string::npos);
  CHECK(text.find("d\u2019ao\u00FBt") != std::string::npos);
  // French spacing from the one typography pass: a narrow no-break space inside guillemets.
  CHECK(text.find("\u00AB\u202FNous attendons") != std::string::npos);
}

TEST_CASE("html: undeclared bytes that are not UTF-8 are read as Windows-1252, with a warning", "[html]") {
  std::string page = page_around("", enough_text + "<p>Caf\xE9 au lait, na\xEFve \x93quotes\x94.</p>");
  ReadResult result = read_page(page);
  CHECK(all_text(result.document).find("Caf\u00E9 au lait, na\u00EFve \u201Cquotes\u201D.") != std::string::npos);
  CHECK_FALSE(result.diagnostics.empty());
}

TEST_CASE("html: a UTF-8 byte-order mark wins over a wrong declaration", "[html]") {
  std::string page = "\xEF\xBB\xBF" + page_around("<meta charset=\"windows-1252\">", enough_text + "<p>Na\u00EFve.</p>");
  CHECK(all_text(read_page(page).document).find("Na\u00EFve.") != std::string::npos);
}

TEST_CASE("html: JSON-LD as an array, with string authors and broken JSON repaired", "[html]") {
  std::string head =
      "<title>Site | Other title</title><script type=\"application/ld+json\">[{\"@type\": \"WebPage\"}, "
      "{\"@type\": \"ReportageNewsArticle\", \"headline\": \"The real headline\", \"author\": \"Ann Example\",\n"
      "\"datePublished\": \"2021-07-02\", \"description\": \"Two\nlines\",}]</script>";
  ReadResult result = read_page(page_around(head, enough_text));
  CHECK(result.document.meta.title == "The real headline");
  CHECK(result.document.meta.authors == std::vector<std::string>{"Ann Example"});
  REQUIRE(result.document.meta.date);
  CHECK(result.document.meta.date->year == 2021);
  CHECK(result.document.meta.description == "Two lines");
}

TEST_CASE("html: without JSON-LD, OpenGraph and meta tags give the metadata, the title loses its site name", "[html]") {
  std::string head =
      "<title>Lifeboat launched twice in a day | Harbour News</title>"
      "<meta property=\"og:site_name\" content=\"Harbour News\">"
      "<meta property=\"og:title\" content=\"Lifeboat launched twice in a day | Harbour News\">"
      "<meta name=\"author\" content=\"Jo Bloggs\">"
      "<meta property=\"article:published_time\" content=\"2019-11-05T10:00:00Z\">"
      "<meta property=\"article:section\" content=\"Coast\">";
  ReadResult result = read_page(page_around(head, enough_text));
  const doc::Meta& meta = result.document.meta;
  CHECK(meta.title == "Lifeboat launched twice in a day");
  CHECK(meta.publisher == "Harbour News");
  CHECK(meta.byline == "Jo Bloggs");
  CHECK(meta.section == "Coast");
  REQUIRE(meta.date);
  CHECK(meta.date->year == 2019);
  CHECK(meta.date->day == 5);
}

TEST_CASE("html: the title comes from <title> without its site name, and <time datetime> gives the date", "[html]") {
  std::string head = "<title>Lifeboat launched twice in a day - Harbour News</title>";
  ReadResult result = read_page(page_around(head, "<time datetime=\"2020-02-29\">Saturday</time>" + enough_text));
  CHECK(result.document.meta.title == "Lifeboat launched twice in a day");
  REQUIRE(result.document.meta.date);
  CHECK(result.document.meta.date->month == 2);
  CHECK(result.document.meta.date->day == 29);
}

TEST_CASE("html: a page without an article is refused, saying what was found", "[html]") {
  for (const char* name : {"home.html", "login.html"}) {
    INFO(name);
    try {
      read_page(html_fixture(name), name);
      FAIL("no error");
    } catch (const Error& error) {
      CHECK(error.kind() == ErrorKind::bad_input);
      CHECK(std::string(error.what()).find("no article found") != std::string::npos);
      CHECK(std::string(error.what()).find("largest text block:") != std::string::npos);
    }
  }
  CHECK_THROWS_AS(read_page(""), Error);
  CHECK_THROWS_AS(read_page("<html><body><script>x()</script></body></html>"), Error);
}

TEST_CASE("html: a short article is still an article", "[html]") {
  ReadResult result = read_page("<!DOCTYPE html><html><body><p>Tide tables are on page 12.</p></body></html>");
  CHECK(all_text(result.document).find("Tide tables are on page 12.") != std::string::npos);
}

TEST_CASE("html: event attributes, scripts and styles never reach the model", "[html]") {
  std::string article = enough_text +
                        "<p onclick=\"steal('ONCLICK_TEXT')\">Clicked <a href=\"javascript:alert('JS_LINK')\">here</a>."
                        "<style>p{color:red} STYLE_TEXT</style><script>SCRIPT_TEXT</script></p>";
  std::string text = all_text(read_page(page_around("", article)).document);
  for (const char* junk : {"ONCLICK_TEXT", "JS_LINK", "STYLE_TEXT", "SCRIPT_TEXT", "color:red"})
    CHECK(text.find(junk) == std::string::npos);
  CHECK(text.find("Clicked here.") != std::string::npos);
}

TEST_CASE("html: lazy images take their real source from data-src or a noscript copy", "[html]") {
  std::string folder = std::string(GALLEY_TEST_DATA_DIR) + "/html/page.html";
  std::string article = enough_text +
                        "<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" "
                        "data-src=\"news-page_files/harbour.jpg\" alt=\"Lazy\"><figcaption>Lazy one</figcaption></figure>"
                        "<figure><img class=\"lazy\" alt=\"Placeholder\"><noscript><img src=\"news-page_files/harbour.jpg\" "
                        "alt=\"Real\"></noscript><figcaption>Noscript one</figcaption></figure>";
  ReadResult result = read_page(page_around("", article), folder);
  auto figures = blocks_of<doc::Figure>(result.document);
  REQUIRE(figures.size() == 2);
  CHECK(figures[0]->src == "news-page_files/harbour.jpg");
  CHECK(doc::plain_text(figures[0]->caption) == "Lazy one");
  CHECK(figures[1]->src == "news-page_files/harbour.jpg");
  CHECK(figures[1]->alt == "Real");
}

TEST_CASE("html: an image with a noscript copy is shown once, and the words after it are kept", "[html]") {
  std::string folder = std::string(GALLEY_TEST_DATA_DIR) + "/html/page.html";
  std::string article = enough_text +
                        "<p>Before the picture. <img src=\"news-page_files/harbour.jpg\" alt=\"Own\"><noscript><img "
                        "src=\"news-page_files/harbour.jpg\" alt=\"Copy\"></noscript>After the picture, in the same "
                        "paragraph.</p><div><img src=\"news-page_files/harbour.jpg\" alt=\"Second\"><noscript><img "
                        "src=\"news-page_files/harbour.jpg\" alt=\"Second copy\"></noscript><p>A paragraph after "
                        "it.</p></div>";
  ReadResult result = read_page(page_around("", article), folder);
  std::string text = all_text(result.document);
  CHECK(text.find("After the picture, in the same paragraph.") != std::string::npos);
  CHECK(text.find("A paragraph after it.") != std::string::npos);
  auto figures = blocks_of<doc::Figure>(result.document);
  REQUIRE(figures.size() == 2);
  CHECK(figures[0]->alt == "Own");
  CHECK(figures[1]->alt == "Second");
}

TEST_CASE("html: deep nesting is read without recursion, every word kept", "[html]") {
  std::string page = "<!DOCTYPE html><html><body>";
  for (int level = 0; level < 3'000; ++level) page += "<div><span><em>";
  page += "deepest words here";
  page += "</body></html>";
  ReadResult result = read_page(page);
  CHECK(all_text(result.document).find("deepest words here") != std::string::npos);
}

TEST_CASE("html: nesting that would hang the parser is refused with a clear error", "[html]") {
  std::string page = "<!DOCTYPE html><html><body>";
  for (int level = 0; level < 100'000; ++level) page += "<div><span><em>";
  page += "deepest words here</body></html>";
  try {
    read_page(page);
    FAIL("accepted");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::bad_input);
    CHECK(std::string(error.what()).find("nested too deeply") != std::string::npos);
  }
  // Paragraphs and list items left open do not nest: a page of many is read.
  std::string open_paragraphs = "<!DOCTYPE html><html><body>";
  for (int index = 0; index < 50'000; ++index) open_paragraphs += "<p>Tide at noon, " + std::to_string(index) + ".";
  CHECK(all_text(read_page(open_paragraphs).document).find("Tide at noon, 49999.") != std::string::npos);
}

TEST_CASE("html: a byte sequence of any kind parses (HTML5 has no fatal errors)", "[html]") {
  std::string bytes;
  for (int index = 0; index < 4096; ++index) bytes += static_cast<char>((index * 7919) % 256);
  try {
    ReadResult result = read_page(bytes);
    for (const char c : all_text(result.document)) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::bad_input);
  }
}

TEST_CASE("registry: .html, .htm and .xhtml are HTML; pages without an extension are sniffed", "[html]") {
  CHECK(detect_input_format("a.html", "") == InputFormat::html);
  CHECK(detect_input_format("a.HTM", "") == InputFormat::html);
  CHECK(detect_input_format("a.xhtml", "") == InputFormat::html);
  CHECK(detect_input_format("saved", "\n<!DOCTYPE html><html>") == InputFormat::html);
  CHECK(detect_input_format("saved", "<HTML lang=en>") == InputFormat::html);
}

TEST_CASE("registry: files galley does not read are refused as unsupported", "[html]") {
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"report.pdf", "%PDF-1.7\n"},
           {"photo.jpeg", "\xFF\xD8\xFF\xE0"},
           {"scan", "\x89PNG\r\n\x1A\n"},
           {"story.txt.gz", "\x1F\x8B\x08"}}) {
    INFO(name);
    try {
      detect_input_format(name, bytes);
      FAIL("accepted");
    } catch (const Error& error) {
      CHECK(error.kind() == ErrorKind::bad_input);
      CHECK(std::string(error.what()).find("unsupported input format") != std::string::npos);
    }
  }
}
