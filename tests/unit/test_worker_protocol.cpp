// The line a batch's worker sends its parent (app/worker_protocol.hpp).
#include <catch2/catch.hpp>

#include "app/worker_protocol.hpp"

using namespace galley::app;

TEST_CASE("a converted article's report reads back as it was sent", "[worker-protocol]") {
  ArticleResult sent;
  sent.converted = true;
  sent.identifier = "urn:uuid:with\ttab\\and\nnewline";
  sent.pages = 12;
  sent.modified = 1473249600;
  sent.dated_by = "article";
  sent.publisher = "The Harbour Gazette";
  sent.images = {{"images/harbour\tat dawn.jpg", std::string(64, 'b')}, {"/srv/cover.png", ""}};
  sent.outputs = {{"out/a b.pdf", std::string(64, 'a'), 123456789012ULL}, {"out/tab\there.epub", "ff", 0}};
  const std::string line = encode_result(sent);
  REQUIRE(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);  // one line, whatever the fields hold
  const ArticleResult read = decode_result(std::string_view(line).substr(0, line.size() - 1), "a.txt");
  REQUIRE(read.converted);
  CHECK(read.identifier == sent.identifier);
  CHECK(read.pages == 12);
  CHECK(read.modified == 1473249600);
  CHECK(read.dated_by == "article");
  CHECK(read.publisher == "The Harbour Gazette");
  REQUIRE(read.images.size() == 2);
  CHECK(read.images[0].src == "images/harbour\tat dawn.jpg");
  CHECK(read.images[0].sha256 == std::string(64, 'b'));
  CHECK(read.images[1].src == "/srv/cover.png");
  CHECK(read.images[1].sha256.empty());
  REQUIRE(read.outputs.size() == 2);
  CHECK(read.outputs[0].path == "out/a b.pdf");
  CHECK(read.outputs[0].size == 123456789012ULL);
  CHECK(read.outputs[1].path == "out/tab\there.epub");
  CHECK(read.outputs[1].sha256 == "ff");
}

TEST_CASE("a report with no images and no outputs reads back", "[worker-protocol]") {
  const ArticleResult read = decode_result("ok\tid\t1\t0\tfile\t\t0", "a.txt");
  REQUIRE(read.converted);
  CHECK(read.images.empty());
  CHECK(read.outputs.empty());
  CHECK(read.dated_by == "file");
}

TEST_CASE("a failure's report keeps its kind and message", "[worker-protocol]") {
  const std::string line = encode_result(failed("bad_input", "story.txt:3: broken\tfront matter\n"));
  const ArticleResult read = decode_result(std::string_view(line).substr(0, line.size() - 1), "story.txt");
  CHECK_FALSE(read.converted);
  CHECK(read.error_kind == "bad_input");
  CHECK(read.error == "story.txt:3: broken\tfront matter\n");
}

TEST_CASE("a report that cannot be read is the article's internal failure", "[worker-protocol]") {
  for (const char* line : {"ok\tid\tmany\t0\tarticle\t\t0", "ok\tid\t3\t0\tarticle\t\t0\tout.pdf\tsum",
                           "ok\tid\t3\t0\tarticle\t\t0\tout.pdf\tsum\tbig", "ok\tid\t3\tnoon\tarticle\t\t0",
                           "ok\tid\t3\t0\tarticle\t\t2\ta.jpg\tsum", "ok\tid\t3\t0\tarticle\t", "hello"}) {
    const ArticleResult read = decode_result(line, "story.txt");
    CHECK_FALSE(read.converted);
    CHECK(read.error_kind == "internal");
    CHECK(read.error.starts_with("story.txt: the worker's report cannot be read"));
  }
}
