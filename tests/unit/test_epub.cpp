// The EPUB writer, read back the way a reading system reads it: the archive
// with libzip, the XML with pugixml.
#include <catch2/catch.hpp>

#include <pugixml.hpp>
#include <zip.h>

#include <array>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "epub/css.hpp"
#include "epub/timestamp.hpp"
#include "epub/xhtml.hpp"
#include "epub_reading.hpp"
#include "galley/galley.hpp"
#include "galley/text.hpp"

namespace {

using namespace galley;
using namespace galley::test;
using doc::inlines_from_text;

// ---------------------------------------------------------------- inputs written for the tests

doc::Inlines text(std::string_view words) { return inlines_from_text(words); }

doc::Inlines concat(std::initializer_list<doc::Inlines> parts) {
  doc::Inlines out;
  for (const doc::Inlines& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// A document with every block and every inline type of the model.
doc::Document full_document() {
  doc::Document document;
  doc::Meta& meta = document.meta;
  meta.title = "Harbour & Rails: a <city> rebuilds";
  meta.subtitle = "After the flood, the port town bets on trains";
  meta.authors = {"Ada Lovelace", "Charles Babbage", "Mary Somerville"};
  meta.date = doc::Date{2024, 3, 5};
  meta.dateline = "LONDON (Reuters)";
  meta.lang = "en-GB";
  meta.publisher = "The Daily Galley";
  meta.source = "https://example.com/news/harbour-rails";
  meta.rights = "© 2024 The Daily Galley";
  meta.description = "How a port town rebuilt its railway after the flood.";
  meta.section = "World";
  meta.keywords = {"transport", "floods"};

  doc::Blocks& blocks = document.blocks;
  blocks.emplace_back(doc::Para{text("The lede paragraph sets the scene."), doc::ParaRole::lede});
  blocks.emplace_back(doc::Para{concat({text("Plain,"), doc::Inlines{doc::Space{}, doc::Emph{text("emphasised")}, doc::Space{},
                                                         doc::Strong{text("strong")}, doc::Space{},
                                                         doc::Strikeout{text("struck")}, doc::Space{},
                                                         doc::Code{"x < y && z"}, doc::SoftBreak{},
                                                         doc::Link{text("a link"), "https://example.com/a b"},
                                                         doc::LineBreak{}, doc::Str{"after"}, doc::Space{},
                                                         doc::Link{text("the results"), "#results"},
                                                         doc::NoteRef{"one"}, doc::Space{},
                                                         doc::Link{text("nowhere"), "#missing"},
                                                         doc::Space{}, doc::Link{text("relative"), "other.html"},
                                                         doc::NoteRef{"two"}}}),
                                doc::ParaRole::body});
  blocks.emplace_back(doc::Para{concat({text("A second paragraph refers again"), doc::Inlines{doc::NoteRef{"one"}}})});
  blocks.emplace_back(doc::Heading{2, text("Results"), "results"});
  blocks.emplace_back(doc::Heading{3, text("In detail"), ""});
  blocks.emplace_back(doc::Heading{2, text("Results"), ""});
  blocks.emplace_back(doc::Figure{"", "", text("The new station at dawn."), text("Jane Photographer/Agency"), "", "", {}, false});
  blocks.emplace_back(doc::Figure{"photos/harbour.jpg", "The harbour", text("The harbour."), {}, "", "", {}, false});
  blocks.emplace_back(doc::Quote{{doc::Para{text("We will rebuild.")}}, text("The mayor")});
  blocks.emplace_back(doc::Quote{{doc::Para{text("An unattributed quotation.")}}, {}});
  blocks.emplace_back(doc::PullQuote{text("Trains are the future"), text("A commuter")});
  blocks.emplace_back(doc::Aside{{doc::Para{text("Watch the video on our site.")}, doc::Para{text("Second line.")}}});
  blocks.emplace_back(doc::List{true, 3, {{doc::Para{text("third")}}, {doc::Para{text("fourth")}, doc::Para{text("more")}}}});
  blocks.emplace_back(doc::List{false, 1, {{doc::Para{text("bullet")}}}});
  blocks.emplace_back(doc::CodeBlock{"C++", "int main() {\n  return 0;\n}"});
  doc::Table table;
  table.caption = text("Passengers by year");
  table.alignments = {doc::Alignment::left, doc::Alignment::right};
  table.header_rows = {{doc::TableCell{{doc::Para{text("Year")}}}, doc::TableCell{{doc::Para{text("Passengers")}}}}};
  table.body_rows = {{doc::TableCell{{doc::Para{text("2023")}}}, doc::TableCell{{doc::Para{text("1,200")}}}},
                     {doc::TableCell{{doc::Para{text("2024")}}}, doc::TableCell{{doc::Para{text("3,400")}}}}};
  blocks.emplace_back(std::move(table));
  blocks.emplace_back(doc::Rule{});
  blocks.emplace_back(doc::Para{text("The end.")});

  document.footnotes.push_back(doc::Footnote{"one", {doc::Para{text("The first note.")}}});
  document.footnotes.push_back(doc::Footnote{"two", {doc::Para{text("The second note.")}}});
  return document;
}

constexpr std::int64_t march_5_2024_noon = 1709640000;  // 2024-03-05T12:00:00Z

std::string write(const doc::Document& document, const style::Theme& theme, std::int64_t time = march_5_2024_noon) {
  WriteOptions options;
  options.theme = &theme;
  options.modified_time = time;
  return write_epub(options, document);
}

struct Written {
  std::string bytes;
  std::vector<Entry> entries;
  pugi::xml_document opf, chapter, nav, ncx;
  std::string css;
};

std::unique_ptr<Written> write_and_read(const doc::Document& document) {
  const style::Theme theme = test_theme();
  auto written = std::make_unique<Written>();
  written->bytes = write(document, theme);
  written->entries = read_archive(written->bytes);
  written->opf = parse(entry(written->entries, "EPUB/package.opf"));
  written->chapter = parse(entry(written->entries, "EPUB/article.xhtml"));
  written->nav = parse(entry(written->entries, "EPUB/nav.xhtml"));
  written->ncx = parse(entry(written->entries, "EPUB/toc.ncx"));
  written->css = entry(written->entries, "EPUB/style.css");
  return written;
}

std::uint16_t little_endian_16(const std::string& bytes, std::size_t offset) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[offset]) |
                                    (static_cast<unsigned char>(bytes[offset + 1]) << 8));
}

}  // namespace

// ---------------------------------------------------------------- the container

TEST_CASE("mimetype is the first entry, stored, with no extra field", "[epub]") {
  const std::string bytes = write(full_document(), test_theme());
  // The OCF rule that lets tools recognise an EPUB by its first bytes.
  REQUIRE(bytes.size() > 58);
  CHECK(bytes.substr(0, 4) == std::string("PK\x03\x04", 4));
  CHECK(little_endian_16(bytes, 8) == 0);   // compression method: stored
  CHECK(little_endian_16(bytes, 26) == 8);  // name length
  CHECK(little_endian_16(bytes, 28) == 0);  // extra field length
  CHECK(bytes.substr(30, 8) == "mimetype");
  CHECK(bytes.substr(38, 20) == "application/epub+zip");

  const std::vector<Entry> entries = read_archive(bytes);
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.front().name == "mimetype");
  CHECK(entries.front().compression == ZIP_CM_STORE);
  CHECK(entries.front().contents == "application/epub+zip");
}

TEST_CASE("the archive holds the container, package, navigation, style sheet, cover and article", "[epub]") {
  const std::vector<Entry> entries = read_archive(write(full_document(), test_theme()));
  std::vector<std::string> names;
  for (const Entry& item : entries) names.push_back(item.name);
  CHECK(names == std::vector<std::string>{"mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml",
                                          "EPUB/toc.ncx", "EPUB/style.css", "EPUB/cover.xhtml", "EPUB/article.xhtml",
                                          "EPUB/images/cover.png"});
  // Text is deflated; the PNG is compressed already and stored.
  for (std::size_t i = 1; i < entries.size(); ++i)
    CHECK(entries[i].compression == (entries[i].name.ends_with(".png") ? ZIP_CM_STORE : ZIP_CM_DEFLATE));

  const pugi::xml_document container = parse(entry(entries, "META-INF/container.xml"));
  const pugi::xml_node rootfile = container.select_node("/container/rootfiles/rootfile").node();
  CHECK(std::string(rootfile.attribute("full-path").value()) == "EPUB/package.opf");
  CHECK(std::string(rootfile.attribute("media-type").value()) == "application/oebps-package+xml");
}

TEST_CASE("every zip entry carries the modification time as its UTC calendar time", "[epub]") {
  const std::string bytes = write(full_document(), test_theme(), march_5_2024_noon + 1);
  // Walk the local headers: the DOS time and date sit at offsets 10 and 12.
  std::size_t offset = 0;
  int headers = 0;
  while (bytes.compare(offset, 4, std::string("PK\x03\x04", 4)) == 0) {
    CHECK(little_endian_16(bytes, offset + 10) == ((12 << 11) | (0 << 5) | 0));  // 12:00:00 (two-second steps)
    CHECK(little_endian_16(bytes, offset + 12) == (((2024 - 1980) << 9) | (3 << 5) | 5));
    CHECK(little_endian_16(bytes, offset + 28) == 0);  // no extra field anywhere
    const std::uint32_t compressed = little_endian_16(bytes, offset + 18) | (little_endian_16(bytes, offset + 20) << 16);
    offset += 30 + little_endian_16(bytes, offset + 26) + little_endian_16(bytes, offset + 28) + compressed;
    ++headers;
  }
  CHECK(headers == 9);
}

TEST_CASE("identical input gives identical bytes, whatever the time zone and locale", "[epub]") {
  const doc::Document document = full_document();
  const style::Theme theme = test_theme();
  const std::string first = write(document, theme);
  CHECK(write(document, theme) == first);

  const char* old_tz = std::getenv("TZ");
  const std::optional<std::string> saved_tz = old_tz ? std::optional<std::string>(old_tz) : std::nullopt;
  const std::string saved_locale = std::setlocale(LC_ALL, nullptr);
  for (const char* zone : {"America/New_York", "Asia/Kolkata", "Pacific/Kiritimati", "UTC"}) {
    INFO("TZ=" << zone);
    ::setenv("TZ", zone, 1);
    ::tzset();
    CHECK(write(document, theme) == first);
  }
  // A decimal-comma locale, where one is installed, must not reach the CSS numbers.
  for (const char* locale : {"de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"}) {
    if (std::setlocale(LC_ALL, locale) == nullptr) continue;
    INFO("locale " << locale);
    CHECK(write(document, theme) == first);
  }
  std::setlocale(LC_ALL, saved_locale.c_str());
  if (saved_tz) ::setenv("TZ", saved_tz->c_str(), 1);
  else ::unsetenv("TZ");
  ::tzset();

  // ... and a different time gives different bytes: the time is really used.
  CHECK(write(document, theme, march_5_2024_noon + 86400) != first);
}

// ---------------------------------------------------------------- the package document

TEST_CASE("the package document carries the article's metadata", "[epub]") {
  const auto written = write_and_read(full_document());
  const pugi::xml_document& opf = written->opf;
  const pugi::xml_node package = opf.child("package");
  CHECK(std::string(package.attribute("version").value()) == "3.0");
  CHECK(std::string(package.attribute("unique-identifier").value()) == "pub-id");
  const pugi::xml_node metadata = package.child("metadata");

  const pugi::xml_node identifier = metadata.find_child_by_attribute("dc:identifier", "id", "pub-id");
  CHECK(text_of(identifier) == derive_identifier(full_document()));
  CHECK(text_of(metadata.find_child_by_attribute("dc:title", "id", "title")) == "Harbour & Rails: a <city> rebuilds");
  CHECK(text_of(metadata.find_child_by_attribute("dc:title", "id", "subtitle")) ==
        "After the flood, the port town bets on trains");
  CHECK(text_of(metadata.child("dc:language")) == "en-GB");
  CHECK(text_of(metadata.child("dc:publisher")) == "The Daily Galley");
  CHECK(text_of(metadata.child("dc:date")) == "2024-03-05");
  CHECK(text_of(metadata.child("dc:source")) == "https://example.com/news/harbour-rails");
  CHECK(text_of(metadata.child("dc:rights")) == "© 2024 The Daily Galley");
  CHECK(text_of(metadata.child("dc:description")) == "How a port town rebuilt its railway after the flood.");

  std::vector<std::string> subjects;
  for (pugi::xml_node subject : metadata.children("dc:subject")) subjects.push_back(text_of(subject));
  CHECK(subjects == std::vector<std::string>{"transport", "floods"});

  // Each author is a creator whose role, refined by id, is author.
  std::vector<std::string> creators;
  for (pugi::xml_node creator : metadata.children("dc:creator")) {
    creators.push_back(text_of(creator));
    const std::string refines = "#" + std::string(creator.attribute("id").value());
    const pugi::xml_node role = metadata.find_child_by_attribute("meta", "refines", refines.c_str());
    CHECK(std::string(role.attribute("property").value()) == "role");
    CHECK(std::string(role.attribute("scheme").value()) == "marc:relators");
    CHECK(text_of(role) == "aut");
  }
  CHECK(creators == std::vector<std::string>{"Ada Lovelace", "Charles Babbage", "Mary Somerville"});

  CHECK(text_of(metadata.find_child_by_attribute("meta", "property", "dcterms:modified")) == "2024-03-05T12:00:00Z");

  std::multimap<std::string, std::string> accessibility;
  for (pugi::xml_node meta : metadata.children("meta")) {
    const std::string property = meta.attribute("property").value();
    if (property.rfind("schema:", 0) == 0) accessibility.emplace(property, text_of(meta));
  }
  auto has = [&](const char* property, const char* value) {
    auto [begin, end] = accessibility.equal_range(property);
    for (auto it = begin; it != end; ++it)
      if (it->second == value) return true;
    return false;
  };
  CHECK(has("schema:accessMode", "textual"));
  CHECK(has("schema:accessModeSufficient", "textual"));
  CHECK(has("schema:accessibilityFeature", "structuralNavigation"));
  CHECK(has("schema:accessibilityFeature", "tableOfContents"));
  CHECK(has("schema:accessibilityFeature", "readingOrder"));
  CHECK(has("schema:accessibilityHazard", "none"));
  CHECK(accessibility.count("schema:accessibilitySummary") == 1);
}

TEST_CASE("manifest and spine list every file, with the NCX named by the spine", "[epub]") {
  const auto written = write_and_read(full_document());
  const pugi::xml_node package = written->opf.child("package");
  std::map<std::string, std::pair<std::string, std::string>> items;  // href -> media type, properties
  for (pugi::xml_node item : package.child("manifest").children("item"))
    items[item.attribute("href").value()] = {item.attribute("media-type").value(), item.attribute("properties").value()};
  CHECK(items["nav.xhtml"] == std::pair<std::string, std::string>{"application/xhtml+xml", "nav"});
  CHECK(items["toc.ncx"].first == "application/x-dtbncx+xml");
  CHECK(items["style.css"].first == "text/css");
  CHECK(items["article.xhtml"].first == "application/xhtml+xml");
  CHECK(items["cover.xhtml"].first == "application/xhtml+xml");
  CHECK(items["images/cover.png"] == std::pair<std::string, std::string>{"image/png", "cover-image"});
  CHECK(items.size() == 6);

  const pugi::xml_node spine = package.child("spine");
  const std::string toc_id = spine.attribute("toc").value();
  CHECK(std::string(package.child("manifest").find_child_by_attribute("item", "id", toc_id.c_str()).attribute("href").value()) ==
        "toc.ncx");
  // The cover page opens the book, then the article.
  const pugi::xml_node first = spine.child("itemref");
  auto href_of = [&](pugi::xml_node itemref) {
    return std::string(package.child("manifest")
                           .find_child_by_attribute("item", "id", itemref.attribute("idref").value())
                           .attribute("href")
                           .value());
  };
  CHECK(href_of(first) == "cover.xhtml");
  CHECK(href_of(first.next_sibling("itemref")) == "article.xhtml");
}

TEST_CASE("the identifier and language come from the article, then the theme, then defaults", "[epub]") {
  doc::Document document = full_document();
  document.meta.identifier = "urn:isbn:9780000000002";
  document.meta.lang.clear();
  style::Theme theme = test_theme();
  theme.lang = "de-CH";
  pugi::xml_document opf = parse(entry(read_archive(write(document, theme)), "EPUB/package.opf"));
  CHECK(text_of(opf.select_node("//dc:identifier").node()) == "urn:isbn:9780000000002");
  CHECK(text_of(opf.select_node("//dc:language").node()) == "de-CH");

  theme.lang.clear();
  const std::vector<Entry> entries = read_archive(write(document, theme));
  opf = parse(entry(entries, "EPUB/package.opf"));
  CHECK(text_of(opf.select_node("//dc:language").node()) == "en");
  const pugi::xml_document ncx = parse(entry(entries, "EPUB/toc.ncx"));
  CHECK(std::string(ncx.select_node("//meta[@name='dtb:uid']").node().attribute("content").value()) ==
        "urn:isbn:9780000000002");
}

TEST_CASE("dcterms:modified is UTC calendar time computed without the C library's zone", "[epub]") {
  using epub::detail::format_utc_timestamp;
  CHECK(format_utc_timestamp(0) == "1970-01-01T00:00:00Z");
  CHECK(format_utc_timestamp(-1) == "1969-12-31T23:59:59Z");
  CHECK(format_utc_timestamp(951782400) == "2000-02-29T00:00:00Z");
  CHECK(format_utc_timestamp(1709640000) == "2024-03-05T12:00:00Z");
  CHECK(format_utc_timestamp(4107542399) == "2100-02-28T23:59:59Z");  // 2100 is not a leap year
  CHECK(format_utc_timestamp(4107542400) == "2100-03-01T00:00:00Z");
  CHECK(format_utc_timestamp(253402300799) == "9999-12-31T23:59:59Z");
  CHECK_THROWS_AS(format_utc_timestamp(253402300800), Error);

  const epub::detail::DosTime before_dos = epub::detail::dos_time_from_unix(0);
  CHECK(before_dos.date == ((0 << 9) | (1 << 5) | 1));  // clamped to 1980-01-01
  CHECK(before_dos.time == 0);
}

// ---------------------------------------------------------------- the article

TEST_CASE("the article is XHTML with language, title and the style sheet", "[epub]") {
  const auto written = write_and_read(full_document());
  const std::string raw = entry(written->entries, "EPUB/article.xhtml");
  CHECK(raw.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html", 0) == 0);
  const pugi::xml_node html = written->chapter.child("html");
  CHECK(std::string(html.attribute("xmlns").value()) == "http://www.w3.org/1999/xhtml");
  CHECK(std::string(html.attribute("xmlns:epub").value()) == "http://www.idpf.org/2007/ops");
  CHECK(std::string(html.attribute("lang").value()) == "en-GB");
  CHECK(std::string(html.attribute("xml:lang").value()) == "en-GB");
  CHECK(text_of(html.child("head").child("title")) == "Harbour & Rails: a <city> rebuilds");
  CHECK(std::string(html.child("head").child("link").attribute("href").value()) == "style.css");
}

TEST_CASE("the article head has headline, standfirst, byline, date and dateline", "[epub]") {
  const auto written = write_and_read(full_document());
  const pugi::xml_node header = written->chapter.select_node("/html/body/article/header").node();
  REQUIRE(header);
  CHECK(text_of(header.child("h1")) == "Harbour & Rails: a <city> rebuilds");
  const pugi::xml_node subtitle = header.find_child_by_attribute("p", "role", "doc-subtitle");
  CHECK(text_of(subtitle) == "After the flood, the port town bets on trains");
  CHECK(all_text(header.find_child_by_attribute("p", "class", "byline")) ==
        "By Ada Lovelace, Charles Babbage and Mary Somerville");
  const pugi::xml_node time = header.find_child_by_attribute("p", "class", "date").child("time");
  CHECK(std::string(time.attribute("datetime").value()) == "2024-03-05");
  CHECK(text_of(time) == "5 March 2024");
  CHECK(text_of(header.find_child_by_attribute("p", "class", "dateline")) == "LONDON (Reuters)");
  CHECK(text_of(header.find_child_by_attribute("p", "class", "section")) == "World");
}

TEST_CASE("blocks become their HTML elements", "[epub]") {
  const auto written = write_and_read(full_document());
  const pugi::xml_document& xml = written->chapter;

  const pugi::xml_node lede = xml.select_node("//article/p[1]").node();
  CHECK(std::string(lede.attribute("class").value()) == "lede");
  CHECK(text_of(lede) == "The lede paragraph sets the scene.");

  // Headings keep given ids, get readable ones when they have none, and never share one.
  const std::vector<pugi::xml_node> headings = select(xml, "//article/*[self::h2 or self::h3]");
  REQUIRE(headings.size() == 3);
  CHECK(std::string(headings[0].attribute("id").value()) == "results");
  CHECK(std::string(headings[1].name()) == "h3");
  CHECK(std::string(headings[1].attribute("id").value()) == "in-detail");
  CHECK(std::string(headings[2].attribute("id").value()) == "results-2");

  // A figure without an image has a caption and a credit and no <img>.
  const std::vector<pugi::xml_node> figures = select(xml, "//article/figure[not(@class)]");
  REQUIRE(figures.size() == 2);
  CHECK_FALSE(figures[0].child("img"));
  CHECK(all_text(figures[0].child("figcaption")) == "The new station at dawn. Jane Photographer/Agency");
  CHECK(text_of(figures[0].child("figcaption").find_child_by_attribute("span", "class", "credit")) ==
        "Jane Photographer/Agency");
  CHECK(select(xml, "//img").empty());  // images are not embedded yet, so none is referenced

  const pugi::xml_node quote = xml.select_node("//figure[@class='quote']").node();
  CHECK(text_of(quote.child("blockquote").child("p")) == "We will rebuild.");
  CHECK(all_text(quote.child("figcaption")) == "\u2014\u00a0The mayor");
  CHECK(text_of(xml.select_node("//article/blockquote/p").node()) == "An unattributed quotation.");

  const pugi::xml_node pull = xml.select_node("//aside[@class='pullquote']").node();
  CHECK(std::string(pull.attribute("role").value()) == "doc-pullquote");
  CHECK(text_of(pull.child("p")) == "Trains are the future");
  CHECK(select(xml, "//article/aside[not(@class)]/p").size() == 2);

  const pugi::xml_node ordered = xml.select_node("//article/ol").node();
  CHECK(std::string(ordered.attribute("start").value()) == "3");
  const std::vector<pugi::xml_node> items = select(xml, "//article/ol/li");
  REQUIRE(items.size() == 2);
  CHECK(text_of(items[0]) == "third");  // a lone paragraph is written bare
  CHECK(items[1].select_nodes("p").size() == 2);
  CHECK(text_of(xml.select_node("//article/ul/li").node()) == "bullet");
  CHECK_FALSE(xml.select_node("//article/ul").node().attribute("start"));

  const pugi::xml_node code = xml.select_node("//article/pre/code").node();
  CHECK(std::string(code.attribute("class").value()) == "language-cpp");
  CHECK(text_of(code) == "int main() {\n  return 0;\n}");

  const pugi::xml_node table = xml.select_node("//article/table").node();
  CHECK(text_of(table.child("caption")) == "Passengers by year");
  const std::vector<pugi::xml_node> header_cells = select(xml, "//table/thead/tr/th");
  REQUIRE(header_cells.size() == 2);
  CHECK(std::string(header_cells[0].attribute("scope").value()) == "col");
  CHECK(text_of(header_cells[1]) == "Passengers");
  const std::vector<pugi::xml_node> cells = select(xml, "//table/tbody/tr/td");
  REQUIRE(cells.size() == 4);
  CHECK(text_of(cells[3]) == "3,400");
  CHECK(std::string(cells[3].attribute("class").value()) == "align-right");
  CHECK(std::string(cells[2].attribute("class").value()) == "align-left");

  CHECK(select(xml, "//article/hr").size() == 1);
}

TEST_CASE("inlines become their HTML elements, and links go only where something is", "[epub]") {
  const auto written = write_and_read(full_document());
  const pugi::xml_node para = written->chapter.select_node("//article/p[2]").node();
  CHECK(text_of(para.child("em")) == "emphasised");
  CHECK(text_of(para.child("strong")) == "strong");
  CHECK(text_of(para.child("s")) == "struck");
  CHECK(text_of(para.child("code")) == "x < y && z");
  CHECK(para.child("br"));

  std::map<std::string, std::string> links;  // text -> href
  for (pugi::xml_node anchor : para.children("a"))
    if (!anchor.attribute("epub:type")) links[all_text(anchor)] = anchor.attribute("href").value();
  CHECK(links["a link"] == "https://example.com/a%20b");  // escaped into a valid URL
  CHECK(links["the results"] == "#results");
  CHECK(links.count("nowhere") == 0);   // a missing anchor: the words stay, unlinked
  CHECK(links.count("relative") == 0);  // a file outside the package
  CHECK(all_text(para).find("nowhere") != std::string::npos);
  CHECK(all_text(para).find("relative") != std::string::npos);
  CHECK(all_text(para).rfind("Plain, emphasised strong struck x < y && z a link", 0) == 0);
}

TEST_CASE("note references and notes link to each other with paired epub:type and role", "[epub]") {
  const auto written = write_and_read(full_document());
  const pugi::xml_document& xml = written->chapter;
  const std::vector<pugi::xml_node> refs = select(xml, "//a[@epub:type='noteref']");
  REQUIRE(refs.size() == 3);
  CHECK(std::string(refs[0].attribute("role").value()) == "doc-noteref");
  CHECK(std::string(refs[0].attribute("href").value()) == "#fn-one");
  CHECK(std::string(refs[0].attribute("id").value()) == "fnref-one");
  CHECK(text_of(refs[0]) == "1");
  CHECK(std::string(refs[1].attribute("href").value()) == "#fn-two");
  CHECK(text_of(refs[1]) == "2");
  // A second reference to the same note gets its own id and the same number.
  CHECK(std::string(refs[2].attribute("href").value()) == "#fn-one");
  CHECK(std::string(refs[2].attribute("id").value()) == "fnref-one-2");
  CHECK(text_of(refs[2]) == "1");

  const std::vector<pugi::xml_node> notes = select(xml, "//section[@class='footnotes']/aside");
  REQUIRE(notes.size() == 2);
  CHECK(std::string(notes[0].attribute("epub:type").value()) == "footnote");
  CHECK(std::string(notes[0].attribute("role").value()) == "doc-footnote");
  CHECK(std::string(notes[0].attribute("id").value()) == "fn-one");
  const pugi::xml_node back = notes[0].child("p").child("a");
  CHECK(std::string(back.attribute("role").value()) == "doc-backlink");
  CHECK(std::string(back.attribute("href").value()) == "#fnref-one");
  CHECK(all_text(notes[0].child("p")) == "1 The first note.");

  // Every epub:type in the article is paired with an ARIA role.
  for (const pugi::xpath_node& node : xml.select_nodes("//*[@epub:type]"))
    CHECK(std::string(node.node().attribute("role").value()).rfind("doc-", 0) == 0);
}

TEST_CASE("ids in the article are unique and every fragment link resolves", "[epub]") {
  const auto written = write_and_read(full_document());
  std::set<std::string> ids;
  for (const pugi::xpath_node& node : written->chapter.select_nodes("//*[@id]"))
    CHECK(ids.insert(node.node().attribute("id").value()).second);
  for (const pugi::xpath_node& node : written->chapter.select_nodes("//a[starts-with(@href, '#')]"))
    CHECK(ids.count(std::string(node.node().attribute("href").value()).substr(1)) == 1);
}

// ---------------------------------------------------------------- navigation

TEST_CASE("nav and NCX list the article with its headings nested by level", "[epub]") {
  const auto written = write_and_read(full_document());
  const pugi::xml_node toc = written->nav.select_node("//nav[@epub:type='toc']").node();
  REQUIRE(toc);
  CHECK(std::string(toc.attribute("role").value()) == "doc-toc");
  const pugi::xml_node article = toc.child("ol").child("li");
  CHECK(text_of(article.child("a")) == "Harbour & Rails: a <city> rebuilds");
  CHECK(std::string(article.child("a").attribute("href").value()) == "article.xhtml");
  std::vector<std::pair<std::string, std::string>> top;
  for (pugi::xml_node item : article.child("ol").children("li"))
    top.emplace_back(text_of(item.child("a")), item.child("a").attribute("href").value());
  CHECK(top == std::vector<std::pair<std::string, std::string>>{{"Results", "article.xhtml#results"},
                                                                {"Results", "article.xhtml#results-2"}});
  const pugi::xml_node nested = article.child("ol").child("li").child("ol").child("li").child("a");
  CHECK(text_of(nested) == "In detail");
  CHECK(std::string(nested.attribute("href").value()) == "article.xhtml#in-detail");

  const pugi::xml_node landmarks = written->nav.select_node("//nav[@epub:type='landmarks']").node();
  REQUIRE(landmarks);
  CHECK(landmarks.select_node(".//a[@epub:type='toc']"));
  CHECK(std::string(landmarks.select_node(".//a[@epub:type='bodymatter']").node().attribute("href").value()) ==
        "article.xhtml");

  // The NCX says the same thing in EPUB 2's words, in reading order.
  std::vector<std::string> labels, sources, orders;
  for (const pugi::xpath_node& point : written->ncx.select_nodes("//navPoint")) {
    labels.push_back(text_of(point.node().child("navLabel").child("text")));
    sources.push_back(point.node().child("content").attribute("src").value());
    orders.push_back(point.node().attribute("playOrder").value());
  }
  CHECK(labels == std::vector<std::string>{"Harbour & Rails: a <city> rebuilds", "Results", "In detail", "Results"});
  CHECK(sources == std::vector<std::string>{"article.xhtml", "article.xhtml#results", "article.xhtml#in-detail",
                                            "article.xhtml#results-2"});
  CHECK(orders == std::vector<std::string>{"1", "2", "3", "4"});
  CHECK(written->ncx.select_node("/ncx/navMap/navPoint/navPoint/navPoint/navLabel"));
  CHECK(std::string(written->ncx.select_node("//meta[@name='dtb:uid']").node().attribute("content").value()) ==
        derive_identifier(full_document()));
  CHECK(std::string(written->ncx.select_node("//meta[@name='dtb:depth']").node().attribute("content").value()) == "3");
}

// ---------------------------------------------------------------- the style sheet

TEST_CASE("the style sheet follows the theme in reader-relative units", "[epub]") {
  style::Theme theme = test_theme();
  const std::string css = epub::detail::css_from_theme(theme);
  auto has = [&](const std::string& needle) {
    INFO(needle);
    CHECK(css.find(needle) != std::string::npos);
  };
  has("font-family: \"EB Garamond 12\", serif;");
  has("font-family: \"Source Sans 3\", sans-serif;");
  has("font-family: \"DejaVu Sans Mono\", monospace;");
  has("line-height: 1.3;");          // body: 13 pt on 10 pt, unitless
  has("font-size: 2.5em;");          // headline: 25 pt over a 10 pt body
  has("font-size: 0.8em;");          // captions: 8 pt
  has("font-size: 0.875em;");        // credits: 7 pt inside an 8 pt caption
  has("p + p {\n  text-indent: 1.5em;");
  has("text-align: justify;");
  has("hyphens: auto;");
  has("font-variant: small-caps;");
  has("border: 1px solid #808080;");  // asides boxed in the rule colour
  // Nothing in points, readers choose the size; no decimal commas either.
  CHECK_FALSE(std::regex_search(css, std::regex("[0-9]pt\\b")));
  CHECK_FALSE(std::regex_search(css, std::regex(": -?[0-9]+,[0-9]")));

  theme.justify = false;
  theme.hyphenate = false;
  const std::string ragged = epub::detail::css_from_theme(theme);
  CHECK(ragged.find("text-align: justify;") == std::string::npos);
  CHECK(ragged.find("hyphens: auto;") == std::string::npos);
}

// ---------------------------------------------------------------- validation by a tool we did not write

namespace {

// A document of awkward corners: no metadata at all, odd and empty ids,
// nested structures, notes nobody refers to and references to no note.
doc::Document awkward_document() {
  doc::Document document;
  document.meta.lang = "fr";
  document.meta.date = doc::Date{2023, 11, 0};
  document.meta.keywords = {""};
  doc::Blocks& blocks = document.blocks;
  blocks.emplace_back(doc::Heading{1, text("Level one in the body"), "2 résultats?"});
  blocks.emplace_back(doc::Heading{4, text("Skipped levels"), ""});
  blocks.emplace_back(doc::Heading{2, text("\u00c9t\u00e9 \u00e0 Z\u00fcrich"), ""});
  blocks.emplace_back(doc::Heading{2, text("\u6771\u4eac"), ""});  // no Latin letters for a readable id
  blocks.emplace_back(doc::Para{});
  blocks.emplace_back(doc::Para{concat({text("See"), doc::Inlines{doc::Space{}, doc::Link{text("above"), "#2 résultats?"},
                                                                  doc::NoteRef{"ghost"}, doc::NoteRef{"*"},
                                                                  doc::Link{{}, "https://example.com/"}}})});
  blocks.emplace_back(doc::Aside{{doc::Heading{3, text("Box heading"), "box"},
                                  doc::List{false, 1, {{doc::Para{text("outer")}, doc::List{true, 0, {{doc::Para{text("inner")}}}}},
                                                       {}}},
                                  doc::CodeBlock{"", "plain code"}}});
  blocks.emplace_back(doc::Quote{{doc::Aside{{doc::Para{text("nested")}}}}, {}});
  blocks.emplace_back(doc::Figure{"", "", {}, {}, "", "", {}, false});
  blocks.emplace_back(doc::Figure{"", "", {}, text("Credit only"), "", "", {}, false});
  doc::Table table;
  table.header_rows = {{doc::TableCell{}, doc::TableCell{{doc::Para{text("Head")}}}}};
  table.body_rows = {{doc::TableCell{}, doc::TableCell{{doc::Para{text("a")}, doc::Para{text("b")}}}}};
  blocks.emplace_back(table);
  blocks.emplace_back(doc::List{});
  document.footnotes.push_back(doc::Footnote{"*", {doc::CodeBlock{"", "a note that is code"}}});
  document.footnotes.push_back(doc::Footnote{"unused", {}});
  document.footnotes.push_back(doc::Footnote{"*", {doc::Para{text("a duplicate id, never reachable")}}});
  return document;
}

}  // namespace

TEST_CASE("awkward corners still make valid XHTML with working links", "[epub]") {
  const auto written = write_and_read(awkward_document());
  const pugi::xml_document& xml = written->chapter;
  CHECK(text_of(written->opf.select_node("//dc:title").node()) == "Untitled");
  CHECK(text_of(written->opf.select_node("//dc:date").node()) == "2023-11");
  CHECK(written->opf.select_nodes("//dc:subject").empty());
  CHECK(std::string(xml.select_node("//time").node().attribute("datetime").value()) == "2023-11");
  CHECK(text_of(xml.select_node("//time").node()) == "2023-11");  // no month names for French yet: ISO 8601

  const pugi::xml_node first = xml.select_node("//article/h2[1]").node();  // level 1 in the body is set as h2
  CHECK(std::string(first.attribute("id").value()) == "id-2-resultats");
  CHECK(std::string(xml.select_node("//article/h2[2]").node().attribute("id").value()) == "ete-a-zurich");
  CHECK(std::string(xml.select_node("//article/h2[3]").node().attribute("id").value()) == "section");
  CHECK(std::string(xml.select_node("//a[text()='above']").node().attribute("href").value()) == "#id-2-resultats");

  // Only the note that exists is referenced; the unused note has a number but no back link.
  const std::vector<pugi::xml_node> refs = select(xml, "//a[@epub:type='noteref']");
  REQUIRE(refs.size() == 1);
  CHECK(std::string(refs[0].attribute("href").value()) == "#fn-1");
  const std::vector<pugi::xml_node> notes = select(xml, "//aside[@epub:type='footnote']");
  REQUIRE(notes.size() == 2);
  CHECK(std::string(notes[0].child("p").child("a").attribute("role").value()) == "doc-backlink");
  CHECK(notes[0].child("pre"));
  CHECK(text_of(notes[1].child("p").child("span")) == "2");

  CHECK(select(xml, "//figure").size() == 1);  // the empty figure is dropped
  // An empty header cell heads nothing: a td, not a th without text.
  CHECK(select(xml, "//thead/tr/th").size() == 1);
  CHECK(select(xml, "//thead/tr/td").size() == 1);
  CHECK(select(xml, "//ol[@start='0']").size() == 1);

  std::set<std::string> ids;
  for (const pugi::xpath_node& node : xml.select_nodes("//*[@id]"))
    CHECK(ids.insert(node.node().attribute("id").value()).second);
  for (const pugi::xpath_node& node : xml.select_nodes("//a[starts-with(@href, '#')]"))
    CHECK(ids.count(std::string(node.node().attribute("href").value()).substr(1)) == 1);

  // The toc nests h4 under the h2 before it, one step down.
  CHECK(text_of(written->nav.select_node("//nav[@epub:type='toc']/ol/li/ol/li/ol/li/a").node()) == "Skipped levels");
  CHECK(text_of(written->nav.select_node("//nav/h1").node()) == "Sommaire");
}

TEST_CASE("epubcheck finds no error and no warning in an EPUB using every block and inline", "[epub][epubcheck]") {
  require_clean_epubcheck(write(full_document(), test_theme()));
}

TEST_CASE("epubcheck finds no error and no warning in an EPUB of awkward corners", "[epub][epubcheck]") {
  require_clean_epubcheck(write(awkward_document(), test_theme()));
}

TEST_CASE("page-break markers stand where the print pages begin, mid-paragraph and mid-word", "[epub]") {
  doc::Document document;
  document.meta.title = "Pages";
  // Inlines: Str "alpha" (0), Space (1), Emph (2) holding Str "beta" (3), Space (4), Str "gamma" (5).
  document.blocks.emplace_back(doc::Para{
      doc::Inlines{doc::Str{"alpha"}, doc::Space{}, doc::Emph{{doc::Str{"beta"}}}, doc::Space{}, doc::Str{"gamma"}},
      doc::ParaRole::body});
  document.blocks.emplace_back(doc::CodeBlock{"", "one\ntwo\nthree"});
  epub::detail::ChapterOptions options;
  options.lang = "en";
  options.stylesheet_href = "style.css";
  options.page_breaks = {{"1", std::nullopt},
                         {"2", doc::SourcePosition{0, 3, 0}},
                         {"3", doc::SourcePosition{0, 5, 2}},
                         {"4", doc::SourcePosition{1, 0, 4}}};
  const epub::detail::Chapter chapter = epub::detail::write_chapter(document, options);
  const std::string marker = R"(<span epub:type="pagebreak" role="doc-pagebreak" id="page-)";
  CHECK(chapter.xhtml.find("<article>" + marker + R"(1" aria-label="1" title="1"/>)") != std::string::npos);
  CHECK(chapter.xhtml.find(R"(alpha <em>)" + marker + R"(2" aria-label="2" title="2"/>beta</em> ga)" + marker +
                           R"(3" aria-label="3" title="3"/>mma)") != std::string::npos);
  CHECK(chapter.xhtml.find("one\n" + marker + R"(4" aria-label="4" title="4"/>two)") != std::string::npos);
  REQUIRE(chapter.pages.size() == 4);
  CHECK(chapter.pages[2].label == "3");
  CHECK(chapter.pages[2].id == "page-3");
}

TEST_CASE("the nav has a page list and the package says whose pages they are", "[epub]") {
  const auto written = write_and_read(full_document());
  const pugi::xml_node page_list = written->nav.select_node("//nav[@epub:type='page-list']").node();
  REQUIRE(page_list);
  CHECK(std::string(page_list.attribute("role").value()) == "doc-pagelist");
  CHECK(page_list.select_nodes(".//a").size() >= 1);
  const pugi::xml_node metadata = written->opf.child("package").child("metadata");
  std::multimap<std::string, std::string> properties;
  for (pugi::xml_node meta : metadata.children("meta")) properties.emplace(meta.attribute("property").value(), meta.text().get());
  auto has = [&](const std::string& property, const std::string& value) {
    auto [first, last] = properties.equal_range(property);
    return std::any_of(first, last, [&](const auto& entry) { return entry.second == value; });
  };
  CHECK(has("schema:accessibilityFeature", "printPageNumbers"));
  CHECK(has("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"));
  CHECK(has("source-of", "pagination"));
  CHECK(metadata.find_child_by_attribute("dc:source", "id", "print-edition"));
}
