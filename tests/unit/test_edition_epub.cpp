// The edition's EPUB (write_edition_epub), read back as a reading system
// reads it: an edition of three articles in two sections, with images in
// each article's own folder, paginated as the print edition would be.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "epub_reading.hpp"
#include "temporary_folder.hpp"
#include "galley/edition.hpp"
#include "galley/galley.hpp"
#include "galley/text.hpp"

namespace {

using namespace galley;
using namespace galley::test;

// ---------------------------------------------------------------- inputs written for the tests

// Copies a test image to `target`, making its folder.
void copy_image(const std::string& name, const std::filesystem::path& target) {
  std::filesystem::create_directories(target.parent_path());
  std::filesystem::copy_file(std::filesystem::path(GALLEY_TEST_DATA_DIR) / "images" / name, target,
                             std::filesystem::copy_options::overwrite_existing);
}

doc::Para paragraph(const std::string& words) { return doc::Para{doc::inlines_from_text(words), doc::ParaRole::body}; }

// Enough text for a few printed pages.
void add_long_text(doc::Document& document, int paragraphs) {
  for (int index = 0; index < paragraphs; ++index)
    document.blocks.emplace_back(paragraph(
        "Paragraph " + std::to_string(index + 1) +
        " of the report goes on about the harbour, the rails, the ships that wait in the roads for the tide and "
        "the people who unload them, so that the column fills and the page turns more than once before the end."));
}

EditionArticle article(const std::string& key, const std::filesystem::path& source, const std::string& title) {
  EditionArticle article;
  article.key = key;
  article.source = source;
  article.document.meta.title = title;
  return article;
}

// "World" (two articles, the same picture file) and "Business" (one, another
// picture under the same name in its own folder).
struct TestEdition {
  TemporaryFolder folder;
  Edition edition;

  TestEdition() {
    copy_image("chart.png", folder.path() / "world" / "picture");
    copy_image("photo.jpg", folder.path() / "business" / "picture");
    edition.directory = folder.path();
    EditionMeta& meta = edition.meta;
    meta.title = "The Test Planet, 5 March 2024";
    meta.series = "The Test Planet";
    meta.issue = "No. 4,512";
    meta.issue_number = 4512;
    meta.publisher = "Test Planet Media";
    meta.date = doc::Date{2024, 3, 5};

    EditionArticle harbour = article("a-01-harbour", folder.path() / "world" / "harbour.md", "Harbour reopens after the flood");
    harbour.document.meta.subtitle = "The port town bets on trains";
    harbour.document.meta.authors = {"Ada Lovelace"};
    harbour.document.meta.lang = "en-GB";
    harbour.document.blocks.emplace_back(doc::Para{
        doc::Inlines{doc::Str{"See"}, doc::Space{}, doc::Link{doc::inlines_from_text("the results"), "#results"}},
        doc::ParaRole::body});
    harbour.document.blocks.emplace_back(doc::Figure{"picture", "A chart of tonnage", doc::inlines_from_text("Tonnage."), {}, "", "", {}, false});
    add_long_text(harbour.document, 30);
    harbour.document.blocks.emplace_back(doc::Heading{2, doc::inlines_from_text("Results"), "results"});
    add_long_text(harbour.document, 10);

    EditionArticle rail = article("a-02-rail", folder.path() / "world" / "rail.md", "The line opens in May");
    rail.document.meta.authors = {"Isambard Brunel", "Ada Lovelace"};
    rail.document.blocks.emplace_back(
        paragraph("Mr. Brunel said the line would open in May. Trains will run every hour from the harbour."));
    rail.document.blocks.emplace_back(doc::Figure{"picture", "The same chart", doc::inlines_from_text("Again."), {}, "", "", {}, false});
    rail.document.blocks.emplace_back(doc::Heading{2, doc::inlines_from_text("Results"), "results"});
    add_long_text(rail.document, 8);

    EditionArticle markets = article("a-03-markets", folder.path() / "business" / "markets.md", "Markets rally");
    markets.document.meta.description = "Shares rose for a third day.";
    markets.document.meta.authors = {"Mary Somerville"};
    markets.document.blocks.emplace_back(doc::Para{
        doc::Inlines{doc::Str{"Shares"}, doc::Space{}, doc::Str{"rose."}, doc::NoteRef{"one"}}, doc::ParaRole::body});
    markets.document.blocks.emplace_back(doc::Figure{"picture", "Traders at work", doc::inlines_from_text("The floor."), {}, "", "", {}, false});
    add_long_text(markets.document, 12);
    markets.document.footnotes.push_back(doc::Footnote{"one", {paragraph("A note.")}});

    edition.sections.push_back({"World", {}});
    edition.sections.back().articles.push_back(std::move(harbour));
    edition.sections.back().articles.push_back(std::move(rail));
    edition.sections.push_back({"Business", {}});
    edition.sections.back().articles.push_back(std::move(markets));
  }
};

// What paginate_edition gives, made here from each article set on its own:
// the edition's cover and contents pages, an opener before each titled
// section after the first, every article's pages, and a back page.
EditionPagination paginate_for_test(const Edition& edition, const style::Theme& theme) {
  EditionPagination pagination;
  pagination.print_edition_name = "The Test Planet (galley PDF, test theme)";
  auto add_page = [&](std::optional<std::size_t> article, std::optional<doc::SourcePosition> begins_at) {
    pagination.pages.push_back({std::to_string(pagination.pages.size() + 1), article, begins_at});
  };
  add_page(std::nullopt, std::nullopt);  // cover
  add_page(std::nullopt, std::nullopt);  // contents
  std::size_t index = 0;
  for (const EditionSection& section : edition.sections) {
    if (!section.title.empty() && &section != &edition.sections.front()) add_page(std::nullopt, std::nullopt);
    for (const EditionArticle& article : section.articles) {
      WriteOptions options;
      options.theme = &theme;
      pagination.article_first_page.push_back(pagination.pages.size());
      for (const layout::Page& page : layout_pages(options, article.document)->pages) add_page(index, page.begins_at);
      ++index;
    }
  }
  add_page(std::nullopt, std::nullopt);  // back page
  return pagination;
}

constexpr std::int64_t edition_build_time = 1709640000;

WriteOptions edition_options(const style::Theme& theme, const Edition& edition) {
  WriteOptions options;
  options.theme = &theme;
  options.modified_time = edition_build_time;
  // Only whether it is empty counts: each article's images are in its own folder.
  options.resource_directory = edition.directory;
  options.source_file = "edition.toml";
  return options;
}

struct WrittenEdition {
  EditionPagination pagination;
  std::string bytes;
  std::vector<Entry> entries;
  pugi::xml_document opf, nav, ncx;
  std::map<std::string, pugi::xml_document> chapters;  // by file name

  const pugi::xml_document& chapter(const std::string& name) const {
    auto found = chapters.find(name);
    REQUIRE(found != chapters.end());
    return found->second;
  }
};

std::unique_ptr<WrittenEdition> write_and_read(const Edition& edition, const style::Theme& theme,
                                               const WriteOptions& options) {
  auto written = std::make_unique<WrittenEdition>();
  written->pagination = paginate_for_test(edition, theme);
  written->bytes = write_edition_epub(options, edition, written->pagination);
  written->entries = read_archive(written->bytes);
  written->opf = parse(entry(written->entries, "EPUB/package.opf"));
  written->nav = parse(entry(written->entries, "EPUB/nav.xhtml"));
  written->ncx = parse(entry(written->entries, "EPUB/toc.ncx"));
  for (const Entry& item : written->entries)
    if (item.name.rfind("EPUB/a-", 0) == 0) written->chapters.emplace(item.name.substr(5), parse(item.contents));
  return written;
}

std::unique_ptr<WrittenEdition> write_and_read(const TestEdition& test) {
  static const style::Theme theme = test_theme();
  return write_and_read(test.edition, theme, edition_options(theme, test.edition));
}

std::string attribute(pugi::xml_node node, const char* name) { return node.attribute(name).value(); }

// The manifest's hrefs by id.
std::map<std::string, std::string> manifest_hrefs(const pugi::xml_document& opf) {
  std::map<std::string, std::string> hrefs;
  for (pugi::xml_node item : opf.child("package").child("manifest").children("item"))
    hrefs.emplace(attribute(item, "id"), attribute(item, "href"));
  return hrefs;
}

std::vector<std::string> spine_hrefs(const pugi::xml_document& opf) {
  const std::map<std::string, std::string> hrefs = manifest_hrefs(opf);
  std::vector<std::string> spine;
  for (pugi::xml_node itemref : opf.child("package").child("spine").children("itemref"))
    spine.push_back(hrefs.at(attribute(itemref, "idref")));
  return spine;
}

// The <meta property="..."> values of the package, in order.
std::vector<std::string> properties(const pugi::xml_document& opf, const std::string& property) {
  std::vector<std::string> values;
  for (pugi::xml_node meta : opf.child("package").child("metadata").children("meta"))
    if (attribute(meta, "property") == property) values.push_back(meta.text().get());
  return values;
}

std::vector<std::string> texts(const pugi::xml_document& xml, const char* xpath) {
  std::vector<std::string> values;
  for (pugi::xml_node node : select(xml, xpath)) values.push_back(all_text(node));
  return values;
}

}  // namespace

// ---------------------------------------------------------------- files and spine

TEST_CASE("an edition: each article its own XHTML file named from its key, in reading order in the spine",
          "[epub][edition]") {
  const TestEdition test;
  const auto written = write_and_read(test);
  CHECK(spine_hrefs(written->opf) ==
        std::vector<std::string>{"cover.xhtml", "a-01-harbour.xhtml", "a-02-rail.xhtml", "a-03-markets.xhtml", "nav.xhtml"});
  CHECK(texts(written->chapter("a-01-harbour.xhtml"), "//h1") == std::vector<std::string>{"Harbour reopens after the flood"});
  CHECK(texts(written->chapter("a-03-markets.xhtml"), "//h1") == std::vector<std::string>{"Markets rally"});
  // An article keeps its own language; one without takes the edition's.
  CHECK(attribute(written->chapter("a-01-harbour.xhtml").child("html"), "xml:lang") == "en-GB");
  CHECK(attribute(written->chapter("a-02-rail.xhtml").child("html"), "xml:lang") == "en-GB");
}

TEST_CASE("an edition: ids are unique in each file and internal links stay within their article", "[epub][edition]") {
  const TestEdition test;
  const auto written = write_and_read(test);
  REQUIRE(written->chapters.size() == 3);
  for (const auto& [name, xml] : written->chapters) {
    INFO(name);
    std::set<std::string> ids;
    for (const pugi::xpath_node& node : xml.select_nodes("//*[@id]")) CHECK(ids.insert(attribute(node.node(), "id")).second);
    for (const pugi::xpath_node& node : xml.select_nodes("//a[starts-with(@href, '#')]"))
      CHECK(ids.count(attribute(node.node(), "href").substr(1)) == 1);
  }
  // Both World articles have a heading "Results": each file its own id.
  CHECK(written->chapter("a-01-harbour.xhtml").select_node("//h2[@id='results']"));
  CHECK(written->chapter("a-02-rail.xhtml").select_node("//h2[@id='results']"));
  CHECK(attribute(written->chapter("a-01-harbour.xhtml").select_node("//a[text()='the results']").node(), "href") == "#results");
}

// ---------------------------------------------------------------- contents

TEST_CASE("the contents lists each section, then its articles with byline and a one-line description",
          "[epub][edition]") {
  const TestEdition test;
  const auto written = write_and_read(test);
  const pugi::xml_node toc = written->nav.select_node("//nav[@epub:type='toc']").node();
  REQUIRE(toc);
  const std::vector<pugi::xml_node> sections = select(written->nav, "//nav[@epub:type='toc']/ol/li");
  REQUIRE(sections.size() == 2);
  CHECK(all_text(sections[0].child("a")) == "World");
  CHECK(attribute(sections[0].child("a"), "href") == "a-01-harbour.xhtml");
  CHECK(all_text(sections[1].child("a")) == "Business");
  CHECK(attribute(sections[1].child("a"), "href") == "a-03-markets.xhtml");

  const std::vector<pugi::xml_node> world = select(written->nav, "//nav[@epub:type='toc']/ol/li[1]/ol/li/a");
  REQUIRE(world.size() == 2);
  CHECK(attribute(world[0], "href") == "a-01-harbour.xhtml");
  CHECK(all_text(world[0].find_child_by_attribute("span", "class", "toc-title")) == "Harbour reopens after the flood");
  CHECK(all_text(world[0].find_child_by_attribute("span", "class", "toc-byline")) == "By Ada Lovelace");
  CHECK(all_text(world[0].find_child_by_attribute("span", "class", "toc-description")) == "The port town bets on trains");
  // No standfirst or description: the text's first sentence, past "Mr.".
  CHECK(all_text(world[1].find_child_by_attribute("span", "class", "toc-description")) ==
        "Mr. Brunel said the line would open in May.");
  CHECK(all_text(world[1].find_child_by_attribute("span", "class", "toc-byline")) == "By Isambard Brunel and Ada Lovelace");
  // Read flat, as a reading system's own menu shows a link, the parts stay apart.
  CHECK(all_text(world[0]) == "Harbour reopens after the flood \u2014 By Ada Lovelace \u2014 The port town bets on trains");
  const std::vector<pugi::xml_node> business = select(written->nav, "//nav[@epub:type='toc']/ol/li[2]/ol/li/a");
  REQUIRE(business.size() == 1);
  CHECK(all_text(business[0].find_child_by_attribute("span", "class", "toc-description")) == "Shares rose for a third day.");

  // EPUB 3: an entry is one a or span, then at most a nested list.
  for (const pugi::xpath_node& item : toc.select_nodes(".//li")) {
    std::vector<std::string> children;
    for (pugi::xml_node child : item.node().children())
      if (child.type() == pugi::node_element) children.push_back(child.name());
    CHECK((children == std::vector<std::string>{"a"} || children == std::vector<std::string>{"a", "ol"}));
  }
}

TEST_CASE("the NCX has the same two levels, titles only", "[epub][edition]") {
  const TestEdition test;
  const auto written = write_and_read(test);
  const std::vector<pugi::xml_node> sections = select(written->ncx, "/ncx/navMap/navPoint");
  REQUIRE(sections.size() == 2);
  CHECK(text_of(sections[0].child("navLabel").child("text")) == "World");
  const std::vector<pugi::xml_node> world = select(written->ncx, "/ncx/navMap/navPoint[1]/navPoint");
  REQUIRE(world.size() == 2);
  CHECK(text_of(world[1].child("navLabel").child("text")) == "The line opens in May");
  CHECK(attribute(world[1].child("content"), "src") == "a-02-rail.xhtml");
  CHECK(attribute(written->ncx.select_node("//meta[@name='dtb:depth']").node(), "content") == "2");
}

TEST_CASE("an edition of one untitled section lists its articles on one level", "[epub][edition]") {
  TestEdition test;
  EditionSection all{"", {}};
  for (EditionSection& section : test.edition.sections)
    for (EditionArticle& article : section.articles) all.articles.push_back(std::move(article));
  test.edition.sections = {std::move(all)};
  const auto written = write_and_read(test);
  CHECK(select(written->nav, "//nav[@epub:type='toc']/ol/li/a").size() == 3);
  CHECK(select(written->nav, "//nav[@epub:type='toc']/ol/li/ol").empty());
  CHECK(select(written->ncx, "/ncx/navMap/navPoint").size() == 3);
  CHECK(properties(written->opf, "schema:accessibilitySummary").front().rfind("An edition of 3 articles with images", 0) == 0);
}

// ---------------------------------------------------------------- package metadata

TEST_CASE("the package names the edition, its series and issue, its authors and sections", "[epub][edition]") {
  const TestEdition test;
  const auto written = write_and_read(test);
  const pugi::xml_node metadata = written->opf.child("package").child("metadata");
  CHECK(text_of(metadata.child("dc:title")) == "The Test Planet, 5 March 2024");
  CHECK(text_of(metadata.child("dc:publisher")) == "Test Planet Media");
  CHECK(text_of(metadata.child("dc:date")) == "2024-03-05");
  CHECK(text_of(metadata.child("dc:language")) == "en-GB");  // the first article's: the edition names none
  CHECK(texts(written->opf, "//dc:creator") == std::vector<std::string>{"Ada Lovelace", "Isambard Brunel", "Mary Somerville"});
  CHECK(texts(written->opf, "//dc:subject") == std::vector<std::string>{"World", "Business"});
  CHECK(text_of(metadata.child("dc:identifier")).rfind("urn:uuid:", 0) == 0);

  const pugi::xml_node collection = metadata.find_child_by_attribute("meta", "property", "belongs-to-collection");
  CHECK(text_of(collection) == "The Test Planet");
  CHECK(attribute(collection, "id") == "collection");
  CHECK(text_of(metadata.find_child_by_attribute("meta", "refines", "#collection")) == "series");
  CHECK(properties(written->opf, "collection-type") == std::vector<std::string>{"series"});
  CHECK(properties(written->opf, "group-position") == std::vector<std::string>{"4512"});

  CHECK(properties(written->opf, "dcterms:modified") == std::vector<std::string>{"2024-03-05T12:00:00Z"});
  CHECK(properties(written->opf, "dcterms:conformsTo") == std::vector<std::string>{"EPUB Accessibility 1.1 - WCAG 2.2 Level AA"});
  const std::vector<std::string> features = properties(written->opf, "schema:accessibilityFeature");
  for (const char* feature : {"printPageNumbers", "pageBreakMarkers", "pageNavigation", "tableOfContents", "alternativeText"})
    CHECK(std::count(features.begin(), features.end(), feature) == 1);
  CHECK(properties(written->opf, "source-of") == std::vector<std::string>{"pagination"});
  CHECK(text_of(metadata.find_child_by_attribute("dc:source", "id", "print-edition")) ==
        "The Test Planet (galley PDF, test theme)");
  CHECK(properties(written->opf, "schema:accessibilitySummary").front().rfind(
            "An edition of 3 articles in 2 sections with images described by alternative text", 0) == 0);
}

TEST_CASE("an edition with many authors is credited to its publisher", "[epub][edition]") {
  TestEdition test;
  std::vector<std::string>& authors = test.edition.sections.front().articles.front().document.meta.authors;
  for (int index = 1; index <= 7; ++index) authors.push_back("Reporter " + std::to_string(index));
  const auto written = write_and_read(test);
  CHECK(texts(written->opf, "//dc:creator") == std::vector<std::string>{"Test Planet Media"});
}

TEST_CASE("an edition's identifier comes from its title and articles, whatever their order", "[epub][edition]") {
  TestEdition test;
  const std::string identifier = derive_edition_identifier(test.edition);
  CHECK(identifier.rfind("urn:uuid:", 0) == 0);
  CHECK(identifier.size() == 45);
  std::reverse(test.edition.sections.begin(), test.edition.sections.end());
  CHECK(derive_edition_identifier(test.edition) == identifier);
  test.edition.meta.title = "The Test Planet, 6 March 2024";
  CHECK(derive_edition_identifier(test.edition) != identifier);
  test.edition.meta.identifier = "urn:isbn:9780000000002";
  const auto written = write_and_read(test);
  CHECK(text_of(written->opf.select_node("//dc:identifier").node()) == "urn:isbn:9780000000002");
  CHECK(attribute(written->ncx.select_node("//meta[@name='dtb:uid']").node(), "content") == "urn:isbn:9780000000002");
}

TEST_CASE("an edition's EPUB is the same bytes every time", "[epub][edition]") {
  const TestEdition test;
  const style::Theme theme = test_theme();
  const WriteOptions options = edition_options(theme, test.edition);
  const EditionPagination pagination = paginate_for_test(test.edition, theme);
  CHECK(write_edition_epub(options, test.edition, pagination) == write_edition_epub(options, test.edition, pagination));
}

// ---------------------------------------------------------------- page list

TEST_CASE("one page list over the whole edition, each entry leading to its page-break marker", "[epub][edition]") {
  const TestEdition test;
  const auto written = write_and_read(test);
  const std::vector<pugi::xml_node> entries = select(written->nav, "//nav[@epub:type='page-list']/ol/li/a");
  REQUIRE(entries.size() == written->pagination.pages.size());
  REQUIRE(entries.size() >= 8);
  std::vector<std::string> files;
  for (std::size_t index = 0; index < entries.size(); ++index) {
    const std::string label = all_text(entries[index]);
    CHECK(label == written->pagination.pages[index].label);
    const std::string href = attribute(entries[index], "href");
    const std::size_t hash = href.find('#');
    REQUIRE(hash != std::string::npos);
    files.push_back(href.substr(0, hash));
    const pugi::xml_node marker =
        written->chapter(files.back()).find_node([&](pugi::xml_node node) { return attribute(node, "id") == href.substr(hash + 1); });
    REQUIRE(marker);
    CHECK(attribute(marker, "epub:type") == "pagebreak");
    CHECK(attribute(marker, "role") == "doc-pagebreak");
    CHECK(attribute(marker, "aria-label") == label);
    // Each page in its article's file, the edition's own pages in the next article's.
    if (const auto& article = written->pagination.pages[index].article) {
      const char* names[] = {"a-01-harbour.xhtml", "a-02-rail.xhtml", "a-03-markets.xhtml"};
      CHECK(files.back() == names[*article]);
    }
  }
  // Cover and contents before the first article's head; the Business
  // opener just before its article's; the back page at the last one's end.
  CHECK(files[0] == "a-01-harbour.xhtml");
  CHECK(files[1] == "a-01-harbour.xhtml");
  const std::size_t opener = written->pagination.article_first_page[2] - 1;
  CHECK(!written->pagination.pages[opener].article);
  CHECK(files[opener] == "a-03-markets.xhtml");
  CHECK(files.back() == "a-03-markets.xhtml");
  const pugi::xml_document& markets = written->chapter("a-03-markets.xhtml");
  const std::vector<pugi::xml_node> markers = select(markets, "//span[@epub:type='pagebreak']");
  REQUIRE(markers.size() >= 3);
  CHECK(attribute(markers.front(), "aria-label") == written->pagination.pages[opener].label);
  CHECK(attribute(markers[1], "aria-label") == written->pagination.pages[opener + 1].label);
  CHECK(attribute(markers.back(), "aria-label") == written->pagination.pages.back().label);
  // After the footnotes: the article's last element.
  CHECK(std::string(markers.back().parent().name()) == "article");
  for (pugi::xml_node after = markers.back().next_sibling(); after; after = after.next_sibling())
    CHECK(after.type() != pugi::node_element);
}

TEST_CASE("with the print edition's own pagination every printed page is in the page list", "[epub][edition][epubcheck]") {
  const TestEdition test;
  const style::Theme theme = test_theme();
  const WriteOptions options = edition_options(theme, test.edition);
  const EditionPagination pagination = paginate_edition(options, test.edition);
  const std::string bytes = write_edition_epub(options, test.edition, pagination);
  const std::vector<Entry> entries = read_archive(bytes);
  const pugi::xml_document nav = parse(entry(entries, "EPUB/nav.xhtml"));
  const std::vector<pugi::xml_node> links = select(nav, "//nav[@epub:type='page-list']/ol/li/a");
  REQUIRE(links.size() == pagination.pages.size());
  for (std::size_t index = 0; index < links.size(); ++index) {
    CHECK(all_text(links[index]) == pagination.pages[index].label);
    const std::string href = attribute(links[index], "href");
    const pugi::xml_document chapter = parse(entry(entries, "EPUB/" + href.substr(0, href.find('#'))));
    CHECK(chapter.select_node(("//span[@id='" + href.substr(href.find('#') + 1) + "']").c_str()));
  }
  require_clean_epubcheck(bytes);
}

TEST_CASE("an edition without pagination has no page list and claims no page numbers", "[epub][edition]") {
  const TestEdition test;
  const style::Theme theme = test_theme();
  const std::string bytes = write_edition_epub(edition_options(theme, test.edition), test.edition, EditionPagination{});
  const std::vector<Entry> entries = read_archive(bytes);
  const pugi::xml_document nav = parse(entry(entries, "EPUB/nav.xhtml"));
  const pugi::xml_document opf = parse(entry(entries, "EPUB/package.opf"));
  CHECK(!nav.select_node("//nav[@epub:type='page-list']"));
  const std::vector<std::string> features = properties(opf, "schema:accessibilityFeature");
  CHECK(std::find(features.begin(), features.end(), "printPageNumbers") == features.end());
}

// ---------------------------------------------------------------- images and cover

TEST_CASE("an edition's images: each article's from its own folder, named uniquely, the same file once",
          "[epub][edition]") {
  const TestEdition test;
  const auto written = write_and_read(test);
  std::vector<std::string> images;
  for (pugi::xml_node item : written->opf.child("package").child("manifest").children("item"))
    if (attribute(item, "href").rfind("images/", 0) == 0) images.push_back(attribute(item, "href"));
  CHECK(images == std::vector<std::string>{"images/a-01-harbour-1.png", "images/a-03-markets-1.jpg", "images/cover.png"});
  auto image_in = [&](const std::string& file) { return attribute(written->chapter(file).select_node("//img").node(), "src"); };
  CHECK(image_in("a-01-harbour.xhtml") == "images/a-01-harbour-1.png");
  CHECK(image_in("a-02-rail.xhtml") == "images/a-01-harbour-1.png");  // the same file as the first article's
  CHECK(image_in("a-03-markets.xhtml") == "images/a-03-markets-1.jpg");  // "picture" in its own folder
  CHECK(attribute(written->chapter("a-03-markets.xhtml").select_node("//img").node(), "alt") == "Traders at work");
}

TEST_CASE("an edition without a resource folder shows its figures as captions", "[epub][edition]") {
  const TestEdition test;
  const style::Theme theme = test_theme();
  WriteOptions options = edition_options(theme, test.edition);
  options.resource_directory.clear();
  const auto written = write_and_read(test.edition, theme, options);
  for (const auto& [name, xml] : written->chapters) CHECK(xml.select_nodes("//img").empty());
  CHECK(texts(written->chapter("a-01-harbour.xhtml"), "//figcaption") == std::vector<std::string>{"Tonnage."});
}

TEST_CASE("an edition gets a cover drawn for it, or the one its manifest names", "[epub][edition]") {
  TestEdition test;
  {
    const auto written = write_and_read(test);
    const std::string png = entry(written->entries, "EPUB/images/cover.png");
    REQUIRE(png.size() > 24);
    CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    auto big_endian = [&](std::size_t at) {
      return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
             (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    CHECK(big_endian(16) == 1200);
    CHECK(big_endian(20) == 1800);
    CHECK(written->opf.select_node("//item[@href='images/cover.png'][@properties='cover-image']"));
    CHECK(spine_hrefs(written->opf).front() == "cover.xhtml");
  }
  copy_image("photo.jpg", test.folder.path() / "front.jpg");
  test.edition.meta.cover_image = test.folder.path() / "front.jpg";  // as the manifest reader gives it: resolved
  {
    // The Business article's photograph is the same file: packaged once, as the cover.
    const auto written = write_and_read(test);
    CHECK(written->opf.select_node("//item[@href='images/a-03-markets-1.jpg'][@properties='cover-image']"));
    CHECK(written->opf.select_nodes("//item[@properties='cover-image']").size() == 1);
    CHECK(!written->opf.select_node("//item[@href='images/cover.png']"));
  }
  std::vector<doc::Block>& blocks = test.edition.sections.back().articles.front().document.blocks;
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                              [](const doc::Block& block) { return std::holds_alternative<doc::Figure>(block); }),
               blocks.end());
  const auto written = write_and_read(test);
  CHECK(written->opf.select_node("//item[@href='images/cover-1.jpg'][@properties='cover-image']"));
  CHECK(!written->opf.select_node("//item[@href='images/cover.png']"));
  const pugi::xml_document cover = parse(entry(written->entries, "EPUB/cover.xhtml"));
  CHECK(attribute(cover.select_node("//img").node(), "src") == "images/cover-1.jpg");
}

TEST_CASE("a cover outside the edition's folder needs allow_outside_images, as an article's image would",
          "[epub][edition]") {
  TestEdition test;
  const TemporaryFolder elsewhere;
  copy_image("photo.jpg", elsewhere.path() / "front.jpg");
  test.edition.meta.cover_image = elsewhere.path() / "front.jpg";
  const style::Theme theme = test_theme();
  WriteOptions options = edition_options(theme, test.edition);
  const EditionPagination pagination = paginate_for_test(test.edition, theme);
  CHECK_THROWS_AS(write_edition_epub(options, test.edition, pagination), Error);
  options.allow_outside_images = true;
  CHECK(!write_edition_epub(options, test.edition, pagination).empty());
}

// ---------------------------------------------------------------- epubcheck

TEST_CASE("epubcheck finds no error and no warning in an edition's EPUB", "[epub][edition][epubcheck]") {
  const TestEdition test;
  require_clean_epubcheck(write_and_read(test)->bytes);
}

// ---------------------------------------------------------------- one-line descriptions

TEST_CASE("one-line descriptions: the description, the standfirst, else the first sentence, cut at a word",
          "[edition]") {
  doc::Document document;
  document.blocks.emplace_back(paragraph("Dr. J. Smith of the U.S. Navy said so! Then he left."));
  CHECK(one_line_description(document) == "Dr. J. Smith of the U.S. Navy said so!");
  document.blocks.insert(document.blocks.begin(), paragraph(""));
  CHECK(one_line_description(document) == "Dr. J. Smith of the U.S. Navy said so!");
  document.blocks.front() = paragraph("\u201CWe will rebuild.\u201D The mayor spoke at noon.");
  CHECK(one_line_description(document) == "\u201CWe will rebuild.\u201D");
  document.meta.subtitle = "A standfirst\nover two lines";
  CHECK(one_line_description(document) == "A standfirst over two lines");
  document.meta.description = std::string(120, 'x') + " " + std::string(200, 'y');
  CHECK(one_line_description(document) == std::string(120, 'x') + "\u2026");
  document.meta.description = "words " + std::string(300, 'z');
  const std::string cut = one_line_description(document, 40);
  CHECK(cut == "words " + std::string(33, 'z') + "\u2026");  // forty characters, the ellipsis counted
  document.meta.description.clear();
  for (int index = 0; index < 50; ++index) document.meta.description += "\u00E9";
  CHECK(one_line_description(document, 10) == std::string("\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9") + "\u2026");
  CHECK(one_line_description(doc::Document{}).empty());
}
