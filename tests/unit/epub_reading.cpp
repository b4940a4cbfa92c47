#include "epub_reading.hpp"

#include <catch2/catch.hpp>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string_view>

#include "temporary_folder.hpp"

namespace galley::test {
namespace {

struct ArchiveDeleter {
  void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
};
struct FileDeleter {
  void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};

}  // namespace

std::vector<Entry> read_archive(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  std::unique_ptr<zip_t, ArchiveDeleter> archive{zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error)};
  if (!archive) zip_source_free(source);
  zip_error_fini(&error);
  REQUIRE(archive != nullptr);

  std::vector<Entry> entries;
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t index = 0; index < count; ++index) {
    zip_stat_t stat;
    REQUIRE(zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0);
    std::unique_ptr<zip_file_t, FileDeleter> file{zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(index), 0)};
    REQUIRE(file != nullptr);
    std::string contents(stat.size, '\0');
    REQUIRE(zip_fread(file.get(), contents.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    entries.push_back({stat.name, contents, stat.comp_method});
  }
  return entries;
}

std::string entry(const std::vector<Entry>& entries, const std::string& name) {
  for (const Entry& item : entries)
    if (item.name == name) return item.contents;
  FAIL("no entry " << name);
  return {};
}

pugi::xml_document parse(const std::string& text) {
  pugi::xml_document xml;
  const pugi::xml_parse_result result = xml.load_string(text.c_str(), pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata);
  INFO(text);
  REQUIRE(result);
  return xml;
}

std::vector<pugi::xml_node> select(const pugi::xml_document& xml, const char* xpath) {
  std::vector<pugi::xml_node> nodes;
  for (const pugi::xpath_node& node : xml.select_nodes(xpath)) nodes.push_back(node.node());
  return nodes;
}

std::string text_of(pugi::xml_node node) { return node.text().get(); }

std::string all_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata) out += child.value();
    else out += all_text(child);
  }
  return out;
}

style::Theme test_theme() {
  style::Theme theme;
  theme.name = "test";
  theme.lang = "en-GB";
  theme.justify = true;
  theme.hyphenate = true;
  theme.paragraph_indent = 1.5;
  theme.body.family = "EB Garamond 12";
  theme.body.size = 10;
  theme.body.leading = 13;
  theme.headline.family = "Source Sans 3";
  theme.headline.size = 25;
  theme.headline.leading = 28;
  theme.headline.weight = 700;
  theme.heading.family = "Source Sans 3";
  theme.heading.size = 12;
  theme.heading.leading = 15;
  theme.heading.weight = 700;
  theme.caption.family = "Source Sans 3";
  theme.caption.size = 8;
  theme.caption.leading = 10;
  theme.credit.family = "Source Sans 3";
  theme.credit.size = 7;
  theme.credit.leading = 10;
  theme.code.family = "DejaVu Sans Mono";
  theme.code.size = 9;
  theme.code.leading = 12;
  theme.lede.family = "EB Garamond 12";
  theme.lede.size = 11;
  theme.lede.leading = 14;
  theme.rule_color = {0.5, 0.5, 0.5};
  return theme;
}

std::optional<std::pair<int, std::string>> run_epubcheck(const std::string& bytes) {
  const std::filesystem::path jar = "/usr/share/java/epubcheck.jar";
  if (!std::filesystem::exists(jar)) return std::nullopt;
  const TemporaryFolder folder;
  const std::filesystem::path book = folder.path() / "book.epub";
  const std::filesystem::path report = folder.path() / "epubcheck.txt";
  {
    std::ofstream out(book, std::ios::binary);
    out << bytes;
  }
  const std::string command = "java -jar " + jar.string() + " '" + book.string() + "' > '" + report.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(report);
  std::string output((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return std::pair{status, output};
}

void require_clean_epubcheck(const std::string& bytes) {
  // The sanitizer stage of scripts/test hunts memory errors: the EPUB is
  // still written there, and epubcheck reads the same bytes in the normal stage.
  if (const char* skip = std::getenv("GALLEY_SKIP_EPUBCHECK"); skip && std::string_view(skip) == "1") {
    WARN("GALLEY_SKIP_EPUBCHECK=1: epubcheck skipped");
    return;
  }
  const auto result = run_epubcheck(bytes);
  if (!result) {
    WARN("epubcheck is not installed; skipped");
    return;
  }
  const auto& [status, output] = *result;
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("WARNING") == std::string::npos);
  CHECK(output.find("ERROR") == std::string::npos);
  CHECK(output.find("No errors or warnings detected") != std::string::npos);
}


}  // namespace galley::test
