#include <catch2/catch.hpp>

#include "typo/dates.hpp"

using galley::typo::parse_date_line;

namespace {
std::string iso(std::string_view text) {
  auto date = parse_date_line(text);
  if (!date) return "none";
  return std::to_string(date->year) + "-" + std::to_string(date->month) + "-" + std::to_string(date->day);
}
}  // namespace

TEST_CASE("date lines in the forms news pages use", "[dates]") {
  CHECK(iso("Wednesday, September 7, 2016") == "2016-9-7");
  CHECK(iso("Friday, July 21, 2017") == "2017-7-21");
  CHECK(iso("September 7, 2016") == "2016-9-7");
  CHECK(iso("Sept. 7, 2016") == "2016-9-7");
  CHECK(iso("7 September 2016") == "2016-9-7");
  CHECK(iso("Wednesday 7th September 2016") == "2016-9-7");
  CHECK(iso("2016-09-07") == "2016-9-7");
  CHECK(iso("2016-09-07T10:32:00Z") == "2016-9-7");
  CHECK(iso("Published: 7 September 2016, 10:32 BST") == "2016-9-7");
  CHECK(iso("Updated September 7, 2016 at 4:05 p.m. EDT") == "2016-9-7");
  CHECK(iso("September 2016") == "2016-9-0");
}

TEST_CASE("text that only contains a date is not a date line", "[dates]") {
  CHECK(iso("On September 7, 2016 the council met.") == "none");
  CHECK(iso("Opening night, January 23, 2014, of the Andy Warhol exhibit") == "none");
  CHECK(iso("September 31, 2016") == "none");  // no such day
  CHECK(iso("2016") == "none");
  CHECK(iso("") == "none");
}
