// Reading an EPUB back the way a reading system reads it (the archive with
// libzip, the XML with pugixml) and checking it with epubcheck: what the
// EPUB writers' tests share.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "galley/style.hpp"

namespace galley::test {

struct Entry {
  std::string name;
  std::string contents;
  std::uint16_t compression = 0;  // the zip method: 0 stored, 8 deflated
};

std::vector<Entry> read_archive(const std::string& bytes);
// The entry's contents; fails the test when there is none.
std::string entry(const std::vector<Entry>& entries, const std::string& name);
pugi::xml_document parse(const std::string& text);

// Ignores namespace prefixes in the XPath sense: pugixml matches names as written.
std::vector<pugi::xml_node> select(const pugi::xml_document& xml, const char* xpath);
std::string text_of(pugi::xml_node node);
// All the text below a node, as a reader would see it.
std::string all_text(pugi::xml_node node);

// A theme written for the tests, in fonts Debian ships.
style::Theme test_theme();

// Runs epubcheck on the bytes: its exit status and report; nothing when it
// is not installed.
std::optional<std::pair<int, std::string>> run_epubcheck(const std::string& bytes);
// epubcheck reports no error and no warning (a test warning when it is not installed).
void require_clean_epubcheck(const std::string& bytes);

}  // namespace galley::test
