#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "epub/zip_archive.hpp"
#include "galley/galley.hpp"
#include "galley/text.hpp"
#include "read/zip_input.hpp"

using namespace galley;

namespace {

std::string office_file(const std::string& name) {
  std::ifstream file(std::string(GALLEY_TEST_DATA_DIR) + "/office/" + name, std::ios::binary);
  REQUIRE(file);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

ReadResult read_word(std::string_view bytes) { return read_document(InputFormat::docx, {"story.docx", "en-GB"}, bytes); }

const char* const word_namespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

// A package of `body` (the inside of w:body) and optional other parts.
std::string word_package(const std::string& body, std::vector<epub::detail::ZipEntry> extra = {}) {
  static std::string document;
  document = std::string("<?xml version=\"1.0\"?><w:document ") + word_namespaces + "><w:body>" + body +
             "</w:body></w:document>";
  std::vector<epub::detail::ZipEntry> entries = {{"word/document.xml", document}};
  entries.insert(entries.end(), extra.begin(), extra.end());
  return epub::detail::write_zip(entries, 0);
}

std::string all_words(const doc::Document& document) {
  std::string text = document.meta.title + " " + document.meta.subtitle + " " + doc::plain_text(document.blocks);
  for (const doc::Footnote& note : document.footnotes) text += " " + doc::plain_text(note.body);
  return text;
}

const doc::List& list_at(const doc::Blocks& blocks, std::size_t index) {
  REQUIRE(index < blocks.size());
  REQUIRE(std::holds_alternative<doc::List>(blocks[index]));
  return std::get<doc::List>(blocks[index]);
}

}  // namespace

TEST_CASE("docx: German style names and outline levels say what a paragraph is", "[docx]") {
  ReadResult result = read_word(office_file("handwritten.docx"));
  const doc::Document& document = result.document;
  CHECK(document.meta.title == "Der Hafenbericht");  // the Titel paragraph wins over core.xml's title
  CHECK(document.meta.subtitle == "Was die Flut zurückließ");
  REQUIRE(std::holds_alternative<doc::Heading>(document.blocks[0]));
  CHECK(std::get<doc::Heading>(document.blocks[0]).level == 2);  // Überschrift 1, under the title
  CHECK(std::get<doc::Heading>(document.blocks[0]).id == "morgen");
  // "Kapitelanfang" means nothing by name: its outline level makes it a heading.
  REQUIRE(std::holds_alternative<doc::Heading>(document.blocks[3]));
  CHECK(doc::plain_text(std::get<doc::Heading>(document.blocks[3]).body) == "Zählung");
  CHECK(std::get<doc::Heading>(document.blocks[3]).level == 3);
  bool quote = false, code = false;
  for (const doc::Block& block : document.blocks) {
    if (const auto* node = std::get_if<doc::Quote>(&block)) quote = doc::plain_text(node->body) == "Ein Zitat des Hafenmeisters.";
    if (const auto* node = std::get_if<doc::CodeBlock>(&block)) code = node->text == "zeile eins\n  zeile zwei";
  }
  CHECK(quote);
  CHECK(code);
}

TEST_CASE("docx: tracked changes read as accepted, comments and hidden text never", "[docx]") {
  ReadResult result = read_word(office_file("handwritten.docx"));
  const std::string text = all_words(result.document);
  CHECK(text.find("eingefügtem Text") != std::string::npos);
  CHECK(text.find("GELÖSCHT") == std::string::npos);
  CHECK(text.find("GESTRICHENEZEILE") == std::string::npos);
  CHECK(text.find("KOMMENTAR") == std::string::npos);
  CHECK(text.find("VERSTECKT") == std::string::npos);
  CHECK(text.find("FELDBEFEHL") == std::string::npos);  // a field's instruction
  CHECK(text.find("auf Seite 7") != std::string::npos);  // its last result
  bool warned = false;
  for (const Diagnostic& diagnostic : result.diagnostics)
    warned = warned || diagnostic.message.find("tracked changes") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("docx: numbering continues across a paragraph and restarts where the list says", "[docx]") {
  ReadResult result = read_word(office_file("handwritten.docx"));
  const doc::Blocks& blocks = result.document.blocks;
  const doc::List& first = list_at(blocks, 4);
  CHECK(first.ordered);
  CHECK(first.start == 1);
  REQUIRE(first.items.size() == 3);
  REQUIRE(first.items[1].size() == 2);  // "Zwei" and its nested bullet list
  CHECK_FALSE(std::get<doc::List>(first.items[1][1]).ordered);
  const doc::List& continued = list_at(blocks, 6);
  CHECK(continued.start == 4);
  CHECK(doc::plain_text(continued.items[0]) == "Vier");
  const doc::List& restarted = list_at(blocks, 8);
  CHECK(restarted.start == 1);
  CHECK(doc::plain_text(restarted.items[0]) == "Wieder eins");
  CHECK_FALSE(list_at(blocks, 9).ordered);
}

TEST_CASE("docx: formatting, links, notes, tables and pictures", "[docx]") {
  ReadResult result = read_word(office_file("handwritten.docx"));
  const doc::Document& document = result.document;
  const auto& paragraph = std::get<doc::Para>(document.blocks[1]).body;
  int strong = 0, emph = 0, strike = 0, notes = 0;
  for (const doc::Inline& node : paragraph) {
    strong += std::holds_alternative<doc::Strong>(node);
    emph += std::holds_alternative<doc::Emph>(node);
    strike += std::holds_alternative<doc::Strikeout>(node);
    notes += std::holds_alternative<doc::NoteRef>(node);
  }
  CHECK(strong == 2);  // <w:b/> and the bold character style
  CHECK(emph == 1);
  CHECK(strike == 1);
  CHECK(notes == 2);
  REQUIRE(document.footnotes.size() == 2);
  CHECK(doc::plain_text(document.footnotes[0].body) == "Der Fußnotentext.");
  CHECK(doc::plain_text(document.footnotes[1].body) == "Der Endnotentext.");

  const auto& links = std::get<doc::Para>(document.blocks[2]).body;
  std::vector<std::string> urls;
  bool line_break = false;
  for (const doc::Inline& node : links) {
    if (const auto* link = std::get_if<doc::Link>(&node)) urls.push_back(link->url);
    line_break = line_break || std::holds_alternative<doc::LineBreak>(node);
  }
  CHECK(urls == std::vector<std::string>{"https://example.org/hafen", "#morgen"});
  CHECK(line_break);

  const doc::Table* table = nullptr;
  std::vector<const doc::Figure*> figures;
  for (const doc::Block& block : document.blocks) {
    if (const auto* node = std::get_if<doc::Table>(&block)) table = node;
    if (const auto* node = std::get_if<doc::Figure>(&block)) figures.push_back(node);
  }
  REQUIRE(table);
  REQUIRE(table->header_rows.size() == 1);
  CHECK(table->header_rows[0].size() == 3);  // "Fang" spans two columns
  REQUIRE(table->body_rows.size() == 2);     // the deleted row is gone
  CHECK(doc::plain_text(table->body_rows[0][0].body) == "Dorsch");
  CHECK(table->body_rows[1][0].body.empty());  // merged down from "Dorsch"
  REQUIRE(figures.size() == 2);
  CHECK(figures[0]->src == "word/media/moewe.png");
  CHECK(figures[0]->alt == "Eine Möwe auf einem Pfahl");
  CHECK(doc::plain_text(figures[0]->caption) == "Abbildung 1: Die Möwe");
  CHECK(document.embedded_images.count("word/media/moewe.png") == 1);
  // EMF cannot be drawn: no image, the description kept, a warning.
  CHECK(figures[1]->src.empty());
  CHECK(doc::plain_text(figures[1]->caption) == "Ein Diagramm der Gezeiten");
  bool warned = false;
  for (const Diagnostic& diagnostic : result.diagnostics) warned = warned || diagnostic.message.find("EMF") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("docx: metadata from docProps/core.xml", "[docx]") {
  const doc::Meta meta = read_word(office_file("handwritten.docx")).document.meta;
  CHECK(meta.authors == std::vector<std::string>{"Anna Schmidt", "Ben Weber"});
  CHECK(meta.description == "Ein Bericht über den Hafen.");
  CHECK(meta.keywords == std::vector<std::string>{"Hafen", "Flut", "Boote"});
  CHECK(meta.lang == "de-DE");
  REQUIRE(meta.date);
  CHECK(doc::iso_date(*meta.date) == "2024-03-05");  // last modified
}

TEST_CASE("docx: a bare package reads, and spaces between runs are kept", "[docx]") {
  ReadResult result = read_word(word_package(
      "<w:p><w:r><w:t>one</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:t>two</w:t></w:r>"
      "<w:r><w:t>three</w:t></w:r></w:p>"));
  CHECK(doc::plain_text(result.document.blocks) == "one twothree");
  CHECK(result.document.meta.lang == "en-GB");
}

TEST_CASE("docx: an entity bomb stays a few literal characters", "[docx]") {
  const std::string document =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
      "<w:document " + std::string(word_namespaces) + "><w:body><w:p><w:r><w:t>boom &d; done</w:t></w:r></w:p></w:body></w:document>";
  const std::string package = epub::detail::write_zip({{"word/document.xml", document}}, 0);
  ReadResult result = read_word(package);
  const std::string text = doc::plain_text(result.document.blocks);
  CHECK(text.size() < 100);
  CHECK(text.find("aaaaaaaaaa") == std::string::npos);
}

TEST_CASE("docx: hostile and wrong archives are refused with a clear message", "[docx]") {
  auto message_of = [](std::string_view bytes) -> std::string {
    try {
      (void)read_word(bytes);
    } catch (const Error& error) {
      CHECK(error.kind() == ErrorKind::bad_input);
      CHECK(error.file() == "story.docx");
      return error.message();
    }
    return "(no error)";
  };
  const std::string good = word_package("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>");
  CHECK_THAT(message_of(good.substr(0, good.size() / 2)), Catch::Contains("cut short"));
  CHECK_THAT(message_of(epub::detail::write_zip({{"word/document.xml", "<x/>"}, {"../evil.xml", "<x/>"}}, 0)),
             Catch::Contains("outside itself"));
  CHECK_THAT(message_of(epub::detail::write_zip({{"content.txt", "hello"}}, 0)),
             Catch::Contains("not a Word document"));
  CHECK_THAT(message_of(epub::detail::write_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                                 {"content.xml", "<x/>"}}, 0)),
             Catch::Contains("OpenDocument"));
  // Four megabytes of one letter deflate a thousand times: a bomb's ratio.
  const std::string zeros(4u << 20, 'a');
  CHECK_THAT(message_of(epub::detail::write_zip({{"word/document.xml", zeros}}, 0)), Catch::Contains("zip bomb"));
  // Office's encrypted .docx is a compound file with an EncryptedPackage stream.
  std::string encrypted("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  encrypted += std::string(504, '\0') + std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  CHECK_THAT(message_of(encrypted), Catch::Contains("password"));
  CHECK_THAT(message_of(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')),
             Catch::Contains(".doc"));
  // A zip entry with the encryption flag set (general purpose bit 0).
  std::string flagged = good;
  for (std::size_t at = 0; (at = flagged.find("PK\x03\x04", at)) != std::string::npos; at += 4) flagged[at + 6] |= 1;
  for (std::size_t at = 0; (at = flagged.find("PK\x01\x02", at)) != std::string::npos; at += 4) flagged[at + 8] |= 1;
  CHECK_THAT(message_of(flagged), Catch::Contains("encrypted"));
  CHECK_THAT(message_of(word_package("<w:p><w:r><w:t>broken")), Catch::Contains("not well-formed"));
  CHECK_THAT(message_of(word_package("<w:p></w:p>")), Catch::Contains("holds no text"));
}

TEST_CASE("docx and odt: chosen by extension and by content", "[docx][odt]") {
  const std::string word = word_package("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>");
  CHECK(detect_input_format("a.docx", "") == InputFormat::docx);
  CHECK(detect_input_format("a.DOCM", "") == InputFormat::docx);
  CHECK(detect_input_format("a.odt", "") == InputFormat::odt);
  CHECK(detect_input_format("manuscript", word) == InputFormat::docx);
  const std::string open_document = epub::detail::write_zip(
      {{"mimetype", "application/vnd.oasis.opendocument.text", epub::detail::Compression::store}, {"content.xml", "<x/>"}}, 0);
  CHECK(detect_input_format("manuscript", open_document) == InputFormat::odt);
  CHECK(detect_input_format("manuscript", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) == InputFormat::docx);
  CHECK(has_article_extension("chapter.docx"));
  CHECK(has_article_extension("chapter.odt"));
}

TEST_CASE("docx: headings never skip a level below the one before", "[docx]") {
  auto heading = [](int outline, const std::string& text) {
    return "<w:p><w:pPr><w:outlineLvl w:val=\"" + std::to_string(outline) + "\"/></w:pPr><w:r><w:t>" + text +
           "</w:t></w:r></w:p>";
  };
  ReadResult result = read_word(word_package(heading(0, "Headline") + "<w:p><w:r><w:t>Text.</w:t></w:r></w:p>" +
                                             heading(1, "Part") + heading(4, "Deep") + heading(1, "Again")));
  const doc::Document& document = result.document;
  CHECK(document.meta.title == "Headline");
  std::vector<int> levels;
  for (const doc::Block& block : document.blocks)
    if (const auto* node = std::get_if<doc::Heading>(&block)) levels.push_back(node->level);
  CHECK(levels == std::vector<int>{2, 3, 2});  // Heading 5 under Heading 2 is set one level down
}
