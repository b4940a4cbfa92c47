#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "galley/galley.hpp"
#include "galley/text.hpp"

using namespace galley;

namespace {

std::string test_file(const std::string& name) {
  std::ifstream file(std::string(GALLEY_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  REQUIRE(file);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

ReadResult read_xml(std::string_view bytes, const std::string& name = "story.xml") {
  return read_document(detect_input_format(name, bytes), {name, "en-GB"}, bytes);
}

std::vector<std::string> kinds(const doc::Blocks& blocks) {
  std::vector<std::string> out;
  for (const doc::Block& block : blocks)
    out.push_back(std::visit(
        [](const auto& node) -> std::string {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, doc::Para>) return "p";
          else if constexpr (std::is_same_v<Node, doc::Heading>) return "h" + std::to_string(node.level);
          else if constexpr (std::is_same_v<Node, doc::Figure>) return "figure";
          else if constexpr (std::is_same_v<Node, doc::Quote>) return "quote";
          else if constexpr (std::is_same_v<Node, doc::List>) return node.ordered ? "ol" : "ul";
          else if constexpr (std::is_same_v<Node, doc::Table>) return "table";
          else if constexpr (std::is_same_v<Node, doc::Aside>) return "aside";
          else return "other";
        },
        block));
  return out;
}

}  // namespace

TEST_CASE("nitf: the head and docdata become the metadata", "[nitf]") {
  ReadResult result = read_xml(test_file("story.nitf.xml"));
  const doc::Meta& meta = result.document.meta;
  CHECK(meta.title == "Harbour reopens after the storm");
  CHECK(meta.subtitle == "Boats return as the sea wall is repaired");
  CHECK(meta.authors == std::vector<std::string>{"Jane Doe"});
  CHECK(meta.byline == "By Jane Doe, Marine Correspondent");
  CHECK(meta.dateline == "Portsmouth");
  CHECK(meta.description == "The harbour is open again.");
  CHECK(meta.identifier == "urn:newsml:example.org:20240115:harbour");
  REQUIRE(meta.date);
  CHECK(doc::iso_date(*meta.date) == "2024-01-16");  // date.release: when it may be published
  CHECK(meta.rights == "\u00A9 2024 Example News");
  CHECK(meta.keywords == std::vector<std::string>{"harbour", "storm"});
  CHECK(meta.lang == "en-GB");
}

TEST_CASE("nitf: body.content maps paragraphs, media, subheads, quotes, lists and tables", "[nitf]") {
  ReadResult result = read_xml(test_file("story.nitf.xml"));
  const doc::Document& document = result.document;
  CHECK(kinds(document.blocks) ==
        std::vector<std::string>{"p", "p", "figure", "h2", "quote", "ol", "ul", "table", "p"});
  const auto& first = std::get<doc::Para>(document.blocks[0]);
  CHECK(doc::plain_text(first.body) == "The harbour reopened on Monday, the Port Authority said.");
  CHECK(std::holds_alternative<doc::Emph>(first.body.at(4)));
  CHECK(std::holds_alternative<doc::NoteRef>(first.body.back()));
  REQUIRE(document.footnotes.size() == 1);
  CHECK(doc::plain_text(document.footnotes[0].body) == "Statement of 15 January.");

  const auto& figure = std::get<doc::Figure>(document.blocks[2]);
  CHECK(figure.src == "images/photo.jpg");
  CHECK(figure.alt == "Boats at dawn");
  CHECK(doc::plain_text(figure.caption) == "Boats return at dawn.");
  CHECK(doc::plain_text(figure.credit) == "Ann Lee/Example News");

  const auto& quote = std::get<doc::Quote>(document.blocks[4]);
  CHECK(doc::plain_text(quote.attribution) == "A fisherman");
  CHECK(doc::plain_text(quote.body) == "The sea took what it wanted.");

  const auto& list = std::get<doc::List>(document.blocks[5]);
  REQUIRE(list.items.size() == 2);
  const auto& item = std::get<doc::Para>(list.items[1].at(0));
  CHECK(std::holds_alternative<doc::Link>(item.body.back()));

  const auto& table = std::get<doc::Table>(document.blocks[7]);
  CHECK(doc::plain_text(table.caption) == "Boats lost");
  CHECK(table.header_rows.size() == 1);
  CHECK(table.body_rows.size() == 2);
  CHECK(table.body_rows[1].size() == 2);  // the spanning cell keeps the grid
  CHECK(table.alignments.size() == 2);
}

TEST_CASE("nitf: a DOCTYPE is never fetched and an external entity never expanded", "[nitf]") {
  ReadResult result = read_xml(test_file("story.nitf.xml"));
  const std::string text = doc::plain_text(result.document.blocks.at(1));
  CHECK(text.find("root:") == std::string::npos);
  CHECK(text == "Entity test: &secret; and & stay as they were.");
}

TEST_CASE("nitf: the declared ISO-8859-1 encoding is honoured", "[nitf]") {
  ReadResult result = read_xml(test_file("latin1.nitf.xml"));
  CHECK(result.document.meta.title == "Caf\u00E9 de la Gare r\u00E9ouvre");
  CHECK(result.document.meta.dateline == "Z\u00FCrich");
  CHECK(doc::plain_text(result.document.blocks.at(0)) == "D\u00E9j\u00E0 vu \u00E0 la gare.");
  CHECK(result.diagnostics.empty());
}

TEST_CASE("nitf: undeclared bytes that are not UTF-8 are read as Windows-1252 with a warning", "[nitf]") {
  ReadResult result = read_xml("<nitf><body><body.head><hedline><hl1>Caf\xE9 \x93open\x94</hl1></hedline></body.head></body></nitf>");
  CHECK(result.document.meta.title == "Caf\u00E9 \u201Copen\u201D");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message.find("Windows-1252") != std::string::npos);
}

TEST_CASE("nitf: a stray byte costs only its own line: UTF-8 elsewhere stays UTF-8", "[nitf]") {
  // XML once read the whole file as Windows-1252 ("CafÃ©"); it now decodes
  // as the plain-text reader does, line by line, naming the line.
  ReadResult result = read_xml("<nitf><body><body.head>\n<hedline><hl1>Caf\xC3\xA9</hl1></hedline>\n"
                               "<abstract>Price: 5\xA3</abstract></body.head></body></nitf>");
  CHECK(result.document.meta.title == "Caf\u00E9");
  CHECK(result.document.meta.description == "Price: 5\u00A3");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].line == 3);
  CHECK(result.diagnostics[0].message.find("Windows-1252") != std::string::npos);
}

TEST_CASE("nitf: NewsML-G2 item metadata and XHTML content", "[nitf]") {
  ReadResult result = read_xml(test_file("story.newsml.xml"));
  const doc::Meta& meta = result.document.meta;
  CHECK(meta.title == "Harbour reopens after the storm");
  CHECK(meta.byline == "Jane Doe");
  CHECK(meta.dateline == "PORTSMOUTH, England");
  CHECK(meta.description == "The harbour is open again.");
  CHECK(meta.identifier == "urn:newsml:example.org:2024:harbour");
  CHECK(meta.lang == "en-GB");
  REQUIRE(meta.date);
  CHECK(doc::iso_date(*meta.date) == "2024-01-15");
  CHECK(kinds(result.document.blocks) == std::vector<std::string>{"h2", "p", "ul"});
}

TEST_CASE("nitf: NewsML-G2 without a dateline takes the city it was filed from", "[nitf]") {
  ReadResult result = read_xml(
      "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><contentMeta><located qcode='city:Leeds'/>"
      "<headline>H</headline></contentMeta><contentSet><inlineXML><nitf xmlns='http://iptc.org/std/NITF/2006-10-18/'>"
      "<body><body.content><p>Text.</p></body.content></body></nitf></inlineXML></contentSet></newsItem>");
  CHECK(result.document.meta.dateline == "Leeds");
  CHECK(result.document.meta.title == "H");
}

TEST_CASE("nitf: XML that is not well-formed is an error with its line when nothing can be read", "[nitf]") {
  try {
    read_xml("<?xml version='1.0'?>\n\n<nitf><body>&unclosed", "broken.xml");
    // pugixml may keep the part before the damage: then it is a warning.
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::bad_input);
    CHECK(error.file() == "broken.xml");
  }
  CHECK_THROWS_AS(read_xml("not xml at all", "text.xml"), Error);
  CHECK_THROWS_AS(read_xml("<nitf><body/></nitf>", "empty.xml"), Error);
}

TEST_CASE("nitf: a truncated document is an error naming the line of the cut", "[nitf]") {
  // A half article published as if whole is worse than none (issue #20).
  const std::string cut = "<nitf>\n<body><body.head><hedline><hl1>Title</hl1></hedline></body.head>\n<body.content><p>One.</p>\n<p>Two";
  try {
    read_xml(cut, "cut.xml");
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::bad_input);
    CHECK(error.file() == "cut.xml");
    CHECK(error.line() == 4);
    CHECK(std::string(error.what()).find("--recover") != std::string::npos);
  }
}

TEST_CASE("nitf: with recover, a truncated document keeps what came before the damage, with a warning", "[nitf]") {
  ReadOptions options{"story.xml", "en-GB"};
  options.recover = true;
  ReadResult result = read_document(
      InputFormat::nitf, options,
      "<nitf>\n<body><body.head><hedline><hl1>Title</hl1></hedline></body.head>\n<body.content><p>One.</p>\n<p>Two");
  CHECK(result.document.meta.title == "Title");
  REQUIRE(!result.diagnostics.empty());
  CHECK(result.diagnostics[0].message.find("not well-formed") != std::string::npos);
}

TEST_CASE("nitf: other XML is read for its text, with a warning", "[nitf]") {
  ReadResult result = read_xml("<doc><title>x</title><body><p>Hello <i>there</i>.</p></body></doc>");
  CHECK(doc::plain_text(result.document.blocks.at(0)) == "Hello there.");
  CHECK(!result.diagnostics.empty());
}

TEST_CASE("jats: authors are given names and surnames; groups by their name alone", "[nitf][jats]") {
  // eLife's files list a group's members, affiliations and countries inside
  // its <collab>: the byline once ran them together (issue #20).
  ReadResult result = read_xml(R"(<?xml version="1.0"?>
<article article-type="research-article"><front><article-meta>
  <title-group><article-title>Tides</article-title></title-group>
  <contrib-group>
    <contrib contrib-type="author"><name><surname>Harrison</surname><given-names>Melissa</given-names><suffix>Jnr</suffix></name>
      <email>m@example.org</email><aff><institution>eLife</institution><country>United Kingdom</country></aff></contrib>
    <contrib contrib-type="author"><collab>Production Group
      <contrib-group><contrib><name><surname>Shearer</surname><given-names>Alistair</given-names></name>
        <aff><institution>eLife</institution><addr-line>Cambridge</addr-line><country>United Kingdom</country></aff></contrib></contrib-group>
    </collab></contrib>
    <contrib contrib-type="author"><string-name>Ann B. Lee</string-name></contrib>
    <contrib contrib-type="editor"><name><surname>Roe</surname><given-names>Jo</given-names></name></contrib>
  </contrib-group>
</article-meta></front><body><p>Text.</p></body></article>)", "paper.xml");
  CHECK(result.document.meta.authors == std::vector<std::string>{"Melissa Harrison", "Production Group", "Ann B. Lee"});
  CHECK(doc::display_byline(result.document.meta) == "By Melissa Harrison, Production Group and Ann B. Lee");
}

TEST_CASE("nitf: .xml files and XML content are detected", "[nitf]") {
  CHECK(detect_input_format("paper.xml", "<?xml version='1.0'?><article><front/></article>") == InputFormat::jats);
  CHECK(detect_input_format("item.xml", "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'/>") == InputFormat::newsml);
  CHECK(input_format_named("jats") == InputFormat::jats);
  CHECK(input_format_named("newsml") == InputFormat::newsml);
  CHECK(detect_input_format("story.xml", "<nitf/>") == InputFormat::nitf);
  CHECK(detect_input_format("story", "\xEF\xBB\xBF<?xml version='1.0'?><nitf/>") == InputFormat::nitf);
}
