#include <catch2/catch.hpp>

#include "galley/galley.hpp"
#include "galley/text.hpp"

using namespace galley;

namespace {

ReadResult read_markdown(std::string_view text) {
  return read_document(InputFormat::markdown, {"story.md", "en-GB"}, text);
}

template <class Node>
const Node& block_at(const doc::Document& document, std::size_t index) {
  REQUIRE(index < document.blocks.size());
  REQUIRE(std::holds_alternative<Node>(document.blocks[index]));
  return std::get<Node>(document.blocks[index]);
}

bool has_warning(const ReadResult& result, std::string_view words, int line) {
  for (const Diagnostic& diagnostic : result.diagnostics)
    if (diagnostic.message.find(words) != std::string::npos && diagnostic.line == line) return true;
  return false;
}

}  // namespace

TEST_CASE("markdown: front matter gives the metadata and line numbers continue after it", "[markdown]") {
  ReadResult result = read_markdown(
      "---\ntitle: Storm hits coast\nsubtitle: Power cut\nauthor: [Ann Lee, Bo Yu]\ndate: 2024-01-15\n"
      "lang: en-US\nrights: CC BY 4.0\n---\n\nThe storm arrived.\n\n![](missing.png)\n\n![x](https://a.example/b.png)\n");
  const doc::Meta& meta = result.document.meta;
  CHECK(meta.title == "Storm hits coast");
  CHECK(meta.subtitle == "Power cut");
  CHECK(meta.authors == std::vector<std::string>{"Ann Lee", "Bo Yu"});
  REQUIRE(meta.date);
  CHECK(doc::iso_date(*meta.date) == "2024-01-15");
  CHECK(meta.lang == "en-US");
  CHECK(meta.rights == "CC BY 4.0");
  CHECK(doc::plain_text(block_at<doc::Para>(result.document, 0).body) == "The storm arrived.");
  CHECK(has_warning(result, "remote image", 14));
}

TEST_CASE("markdown: broken front matter is an error with its line", "[markdown]") {
  try {
    read_markdown("---\ntitle: [unclosed\nauthor: x\n---\n\nText.\n");
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::bad_input);
    CHECK(error.file() == "story.md");
    CHECK(error.line() >= 2);
  }
}

TEST_CASE("markdown: a quoted front matter value that never closes is an error at its line", "[markdown]") {
  // yaml-cpp alone reads this as the title "unclosed author: x " (issue #20).
  for (const char* quote : {"\"", "'"}) {
    try {
      read_markdown(std::string("---\nlang: en\ntitle: ") + quote + "unclosed\nauthor: x\n---\n\nText.\n");
      FAIL("no error");
    } catch (const Error& error) {
      CHECK(error.kind() == ErrorKind::bad_input);
      CHECK(error.file() == "story.md");
      CHECK(error.line() == 3);
      CHECK(std::string(error.what()).find("never closed") != std::string::npos);
    }
  }
  // Closed quotes, escaped quotes within them included, are fine.
  ReadResult result = read_markdown("---\ntitle: \"Storm: \\\"live\\\"\"\nauthor: 'Ann'\n---\n\nText.\n");
  CHECK(result.document.meta.title == "Storm: \u201Clive\u201D");
  CHECK(result.document.meta.authors == std::vector<std::string>{"Ann"});
}

TEST_CASE("markdown: dashes followed by prose are a rule, not front matter", "[markdown]") {
  ReadResult result = read_markdown("---\n__Advertisement__\n\nText.\n\n---\n\nMore.\n");
  CHECK(result.document.meta.title.empty());
  CHECK(std::holds_alternative<doc::Rule>(result.document.blocks.at(0)));
}

TEST_CASE("markdown: an empty file is an error", "[markdown]") {
  CHECK_THROWS_AS(read_markdown("  \n\n"), Error);
}

TEST_CASE("markdown: a leading level-1 heading is the title and the other headings move down", "[markdown]") {
  ReadResult result = read_markdown("# Title\n\nIntro.\n\n# Part\n\n## Sub\n\n###### Deep\n");
  CHECK(result.document.meta.title == "Title");
  CHECK(block_at<doc::Heading>(result.document, 1).level == 2);
  CHECK(block_at<doc::Heading>(result.document, 2).level == 3);
  CHECK(block_at<doc::Heading>(result.document, 3).level == 6);
}

TEST_CASE("markdown: the one level-1 heading after a README's badges is the title", "[markdown]") {
  ReadResult result = read_markdown("[English](en.md) \u00B7 [Deutsch](de.md)\n\n# The Guide\n\nText.\n\n## Part\n");
  CHECK(result.document.meta.title == "The Guide");
  CHECK(std::holds_alternative<doc::Para>(result.document.blocks.at(0)));
  CHECK(std::get<doc::Heading>(result.document.blocks.at(2)).level == 2);
}

TEST_CASE("markdown: inline styling maps onto the model", "[markdown]") {
  ReadResult result = read_markdown("# T\n\n*em* **strong** ~~gone~~ `code` [link](https://x.example) www.y.example and\\\nnext\n");
  const doc::Inlines& body = block_at<doc::Para>(result.document, 0).body;
  auto has = [&](auto probe) {
    return std::any_of(body.begin(), body.end(), [&](const doc::Inline& item) { return probe(item); });
  };
  CHECK(has([](const doc::Inline& item) { return std::holds_alternative<doc::Emph>(item); }));
  CHECK(has([](const doc::Inline& item) { return std::holds_alternative<doc::Strong>(item); }));
  CHECK(has([](const doc::Inline& item) { return std::holds_alternative<doc::Strikeout>(item); }));
  CHECK(has([](const doc::Inline& item) {
    return std::holds_alternative<doc::Code>(item) && std::get<doc::Code>(item).text == "code";
  }));
  CHECK(has([](const doc::Inline& item) {
    return std::holds_alternative<doc::Link>(item) && std::get<doc::Link>(item).url == "https://x.example";
  }));
  CHECK(has([](const doc::Inline& item) {  // GFM autolink
    return std::holds_alternative<doc::Link>(item) && std::get<doc::Link>(item).url == "http://www.y.example";
  }));
  CHECK(has([](const doc::Inline& item) { return std::holds_alternative<doc::LineBreak>(item); }));
}

TEST_CASE("markdown: smart punctuation keeps words whole", "[markdown]") {
  ReadResult result = read_markdown("# T\n\nIt's \"quoted\" -- and done...\n");
  // The language's rules (en-GB: a spaced en dash held to the word before), as in every reader.
  CHECK(doc::plain_text(block_at<doc::Para>(result.document, 0).body) ==
        "It\u2019s \u201Cquoted\u201D\u00A0\u2013 and done\u2026");
}

TEST_CASE("markdown: a lone local image is a figure; the alt text is caption and description", "[markdown]") {
  ReadResult result = read_markdown("# T\n\n![Boats at *dawn*](images/boats.jpg)\n\nText ![icon](i.png) here.\n");
  const doc::Figure& figure = block_at<doc::Figure>(result.document, 0);
  CHECK(figure.src == "images/boats.jpg");
  CHECK(figure.alt == "Boats at dawn");
  CHECK(doc::plain_text(figure.caption) == "Boats at dawn");
  CHECK(doc::plain_text(block_at<doc::Para>(result.document, 1).body) == "Text icon here.");
  CHECK(has_warning(result, "inside a line of text", 5));
}

TEST_CASE("markdown: a caption's closing credit is split off, as in plain text", "[markdown]") {
  ReadResult result = read_markdown(
      "# T\n\n![Boats leave the quay at dawn. Credit: Jane Doe/AP](boats.jpg)\n\n"
      "![The harbour wall after the storm Photo: John Roe](wall.jpg)\n\n![Nets on the quay](nets.jpg)\n");
  const doc::Figure& boats = block_at<doc::Figure>(result.document, 0);
  CHECK(doc::plain_text(boats.caption) == "Boats leave the quay at dawn.");
  CHECK(doc::plain_text(boats.credit) == "Jane Doe/AP");
  CHECK(boats.credit_label == "Credit");
  CHECK(boats.alt == "Boats leave the quay at dawn.");
  const doc::Figure& wall = block_at<doc::Figure>(result.document, 1);
  CHECK(doc::plain_text(wall.caption) == "The harbour wall after the storm");
  CHECK(doc::plain_text(wall.credit) == "John Roe");
  CHECK(wall.credit_label == "Photo");
  const doc::Figure& nets = block_at<doc::Figure>(result.document, 2);
  CHECK(doc::plain_text(nets.caption) == "Nets on the quay");
  CHECK(nets.credit.empty());
}

TEST_CASE("markdown: lists nest, keep their start and show task boxes", "[markdown]") {
  ReadResult result = read_markdown("# T\n\n3. three\n4. four\n   - inner\n\n- [x] done\n- [ ] open\n");
  const doc::List& ordered = block_at<doc::List>(result.document, 0);
  CHECK(ordered.ordered);
  CHECK(ordered.start == 3);
  REQUIRE(ordered.items.size() == 2);
  REQUIRE(ordered.items[1].size() == 2);
  CHECK(std::holds_alternative<doc::List>(ordered.items[1][1]));
  const doc::List& tasks = block_at<doc::List>(result.document, 1);
  CHECK(doc::plain_text(tasks.items.at(0)) == "\u2612 done");
  CHECK(doc::plain_text(tasks.items.at(1)) == "\u2610 open");
}

TEST_CASE("markdown: block quotes nest and code blocks keep their text and language", "[markdown]") {
  ReadResult result = read_markdown("# T\n\n> outer\n>\n> > inner\n\n```c++ {.numbered}\nint x;\n\tint y;\n```\n\n    indented\n");
  const doc::Quote& quote = block_at<doc::Quote>(result.document, 0);
  REQUIRE(quote.body.size() == 2);
  CHECK(std::holds_alternative<doc::Quote>(quote.body[1]));
  const doc::CodeBlock& code = block_at<doc::CodeBlock>(result.document, 1);
  CHECK(code.language == "c++");
  CHECK(code.text == "int x;\n\tint y;");
  CHECK(block_at<doc::CodeBlock>(result.document, 2).text == "indented");
}

TEST_CASE("markdown: GFM tables keep header, alignment and cell styling", "[markdown]") {
  ReadResult result = read_markdown("# T\n\n| a | b | c |\n|:--|--:|:-:|\n| *x* | 2 | |\n");
  const doc::Table& table = block_at<doc::Table>(result.document, 0);
  REQUIRE(table.alignments.size() == 3);
  CHECK(table.alignments[0] == doc::Alignment::left);
  CHECK(table.alignments[1] == doc::Alignment::right);
  CHECK(table.alignments[2] == doc::Alignment::center);
  REQUIRE(table.header_rows.size() == 1);
  REQUIRE(table.body_rows.size() == 1);
  REQUIRE(table.body_rows[0].size() == 3);
  const auto& cell = std::get<doc::Para>(table.body_rows[0][0].body.at(0));
  CHECK(std::holds_alternative<doc::Emph>(cell.body.at(0)));
  CHECK(table.body_rows[0][2].body.empty());
}

TEST_CASE("markdown: footnotes are numbered in order of reference and referenced by id", "[markdown]") {
  ReadResult result = read_markdown("# T\n\nFirst[^b] and second[^a] and again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n[^unused]: Never.\n");
  const doc::Document& document = result.document;
  REQUIRE(document.footnotes.size() == 2);
  CHECK(doc::plain_text(document.footnotes[0].body) == "Note B.");
  CHECK(doc::plain_text(document.footnotes[1].body) == "Note A.");
  std::vector<std::string> refs;
  for (const doc::Inline& item : block_at<doc::Para>(document, 0).body)
    if (const auto* ref = std::get_if<doc::NoteRef>(&item)) refs.push_back(ref->id);
  CHECK(refs == std::vector<std::string>{document.footnotes[0].id, document.footnotes[1].id, document.footnotes[0].id});
}

TEST_CASE("markdown: raw HTML never passes through", "[markdown]") {
  ReadResult result = read_markdown(
      "# T\n\n<div onclick=\"x()\"><p>Safe <b>words</b>.</p><script>alert(1)</script></div>\n\n"
      "<div><p>unclosed\n\n<!-- a comment -->\n\nA <span style=\"x\">tag</span> inline.\n");
  CHECK(doc::plain_text(block_at<doc::Para>(result.document, 0).body) == "Safe words.");
  CHECK(has_warning(result, "kept as its text", 3));
  CHECK(has_warning(result, "not well-formed dropped", 5));
  CHECK(doc::plain_text(block_at<doc::Para>(result.document, 1).body) == "A tag inline.");
  CHECK(result.document.blocks.size() == 2);
}

TEST_CASE("markdown: encoding hygiene is the plain-text reader's", "[markdown]") {
  // A BOM, CRLF line ends, a Windows-1252 byte and two trailing spaces (a hard break).
  ReadResult result = read_markdown("\xEF\xBB\xBF# T\r\n\r\ncaf\xE9 ok  \r\nnext\r\n");
  CHECK(result.document.meta.title == "T");
  const doc::Inlines& body = block_at<doc::Para>(result.document, 0).body;
  CHECK(doc::plain_text(body) == "caf\u00E9 ok next");
  CHECK(std::any_of(body.begin(), body.end(),
                    [](const doc::Inline& item) { return std::holds_alternative<doc::LineBreak>(item); }));
  CHECK(has_warning(result, "Windows-1252", 3));
}

TEST_CASE("markdown: .md and .markdown files are detected as Markdown", "[markdown]") {
  CHECK(detect_input_format("a/story.md", "x") == InputFormat::markdown);
  CHECK(detect_input_format("story.MARKDOWN", "x") == InputFormat::markdown);
}
