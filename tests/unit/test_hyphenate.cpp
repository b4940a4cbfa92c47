#include <catch2/catch.hpp>

#include "layout/inline/hyphenate.hpp"

using galley::layout::Hyphenator;

namespace {
std::string visible(std::string text) {
  std::string out;
  for (std::size_t index = 0; index < text.size(); ++index) {
    if (text.compare(index, 2, "\xC2\xAD") == 0) {
      out += '|';
      ++index;
    } else {
      out += text[index];
    }
  }
  return out;
}
}  // namespace

TEST_CASE("English words get soft hyphens at TeX's points", "[hyphenate]") {
  Hyphenator english("en-US");
  REQUIRE(english.available());
  CHECK(visible(english.insert_soft_hyphens("hyphenation")) == "hy|phen|ation");
  CHECK(visible(english.insert_soft_hyphens("The responsibility, surely.")) == "The re|spon|si|bil|ity, surely.");
}

TEST_CASE("short words, acronyms, numbers and fragments at the edges stay whole", "[hyphenate]") {
  Hyphenator english("en-GB");
  REQUIRE(english.available());
  CHECK(visible(english.insert_soft_hyphens("the cat")) == "the cat");
  CHECK(visible(english.insert_soft_hyphens("NATO UNESCO")) == "NATO UNESCO");
  CHECK(visible(english.insert_soft_hyphens("2,200")) == "2,200");
  std::string hyphenated = visible(english.insert_soft_hyphens("Afghanistan"));
  CHECK(hyphenated.find('|') >= 2);                      // two letters before the first break
  CHECK(hyphenated.size() - hyphenated.rfind('|') > 3);  // three after the last
}

TEST_CASE("letters outside ASCII keep their bytes", "[hyphenate]") {
  Hyphenator german("de");
  REQUIRE(german.available());
  std::string out = german.insert_soft_hyphens("Überraschungsmöglichkeiten");
  std::string without;
  for (std::size_t index = 0; index < out.size(); ++index)
    if (out.compare(index, 2, "\xC2\xAD") == 0)
      ++index;
    else
      without += out[index];
  CHECK(without == "Überraschungsmöglichkeiten");
  CHECK(out.size() > without.size());
}

TEST_CASE("a language without patterns never hyphenates", "[hyphenate]") {
  Hyphenator none("tlh");
  CHECK_FALSE(none.available());
  CHECK(none.insert_soft_hyphens("qapla'batlh") == "qapla'batlh");
}
