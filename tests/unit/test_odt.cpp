#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "epub/zip_archive.hpp"
#include "galley/galley.hpp"
#include "galley/text.hpp"

using namespace galley;

namespace {

std::string open_document_file(const std::string& name) {
  std::ifstream file(std::string(GALLEY_TEST_DATA_DIR) + "/office/" + name, std::ios::binary);
  REQUIRE(file);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

ReadResult read_open_document(std::string_view bytes) {
  return read_document(InputFormat::odt, {"story.odt", "en-GB"}, bytes);
}

std::string every_word(const doc::Document& document) {
  std::string text = document.meta.title + " " + doc::plain_text(document.blocks);
  for (const doc::Footnote& note : document.footnotes) text += " " + doc::plain_text(note.body);
  return text;
}

}  // namespace

TEST_CASE("odt: styles through their parents, tracked changes accepted, comments dropped", "[odt]") {
  ReadResult result = read_open_document(open_document_file("handwritten.odt"));
  const doc::Document& document = result.document;
  CHECK(document.meta.title == "Der Hafenbericht");  // an automatic style whose parent is Title
  REQUIRE(std::holds_alternative<doc::Heading>(document.blocks[0]));
  CHECK(std::get<doc::Heading>(document.blocks[0]).level == 2);
  CHECK(std::get<doc::Heading>(document.blocks[0]).id == "morgen");
  // "Kapitel" is known by its default outline level alone.
  REQUIRE(std::holds_alternative<doc::Heading>(document.blocks[3]));
  CHECK(std::get<doc::Heading>(document.blocks[3]).level == 3);
  const std::string text = every_word(document);
  CHECK(text.find("eingefügtem Text") != std::string::npos);
  CHECK(text.find("GELÖSCHT") == std::string::npos);
  CHECK(text.find("KOMMENTAR") == std::string::npos);
  CHECK(text.find("VERSTECKT") == std::string::npos);
  CHECK(text.find("auf Seite 7") != std::string::npos);
  bool warned = false;
  for (const Diagnostic& diagnostic : result.diagnostics)
    warned = warned || diagnostic.message.find("tracked changes") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("odt: lists continue and restart; notes, tables, frames with captions", "[odt]") {
  const doc::Document document = read_open_document(open_document_file("handwritten.odt")).document;
  const auto& first = std::get<doc::List>(document.blocks[4]);
  CHECK(first.ordered);
  CHECK(first.start == 1);
  REQUIRE(first.items.size() == 3);
  REQUIRE(first.items[1].size() == 2);
  CHECK_FALSE(std::get<doc::List>(first.items[1][1]).ordered);
  CHECK(std::get<doc::List>(document.blocks[6]).start == 4);  // text:continue-numbering
  CHECK(std::get<doc::List>(document.blocks[8]).start == 1);  // text:start-value
  REQUIRE(document.footnotes.size() == 2);
  CHECK(doc::plain_text(document.footnotes[1].body) == "Der Endnotentext.");
  const doc::Table* table = nullptr;
  std::vector<const doc::Figure*> figures;
  const doc::CodeBlock* code = nullptr;
  for (const doc::Block& block : document.blocks) {
    if (const auto* node = std::get_if<doc::Table>(&block)) table = node;
    if (const auto* node = std::get_if<doc::Figure>(&block)) figures.push_back(node);
    if (const auto* node = std::get_if<doc::CodeBlock>(&block)) code = node;
  }
  REQUIRE(code);
  CHECK(code->text == "zeile eins\n  zeile zwei");
  REQUIRE(table);
  CHECK(table->header_rows.size() == 1);
  CHECK(table->body_rows.size() == 2);
  CHECK(table->alignments.size() == 3);
  REQUIRE(figures.size() == 2);
  CHECK(figures[0]->src == "Pictures/moewe.png");
  CHECK(figures[0]->alt == "Eine Möwe auf einem Pfahl");
  CHECK(doc::plain_text(figures[0]->caption) == "Abbildung 1: Die Möwe");
  CHECK(figures[1]->src.empty());  // WMF: its description stays
  CHECK(doc::plain_text(figures[1]->caption) == "Ein Diagramm der Gezeiten");
}

TEST_CASE("odt: metadata from meta.xml", "[odt]") {
  const doc::Meta meta = read_open_document(open_document_file("handwritten.odt")).document.meta;
  CHECK(meta.authors == std::vector<std::string>{"Anna Schmidt"});  // the initial creator, not the last editor
  CHECK(meta.keywords == std::vector<std::string>{"Hafen", "Flut", "Boote"});
  CHECK(meta.lang == "de-DE");
  REQUIRE(meta.date);
  CHECK(doc::iso_date(*meta.date) == "2024-03-05");
}

TEST_CASE("odt: other OpenDocument files and encrypted ones are refused", "[odt]") {
  auto message_of = [](std::string_view bytes) -> std::string {
    try {
      (void)read_open_document(bytes);
    } catch (const Error& error) {
      CHECK(error.kind() == ErrorKind::bad_input);
      return error.message();
    }
    return "(no error)";
  };
  CHECK_THAT(message_of(epub::detail::write_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                                                  epub::detail::Compression::store},
                                                 {"content.xml", "<x/>"}},
                                                0)),
             Catch::Contains("spreadsheet"));
  CHECK_THAT(message_of(epub::detail::write_zip(
                 {{"mimetype", "application/vnd.oasis.opendocument.text", epub::detail::Compression::store},
                  {"content.xml", "<x/>"},
                  {"META-INF/manifest.xml",
                   "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                   "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/>"
                   "</manifest:file-entry></manifest:manifest>"}},
                 0)),
             Catch::Contains("password"));
  CHECK_THAT(message_of("plain words"), Catch::Contains("not an OpenDocument"));
}
