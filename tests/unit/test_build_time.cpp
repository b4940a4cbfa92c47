// Where a build's date comes from: the article, then SOURCE_DATE_EPOCH,
// then the input file's time; never the clock.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "galley/galley.hpp"

using namespace galley;

TEST_CASE("the build time comes from the article, then SOURCE_DATE_EPOCH, then the file", "[build-time]") {
  doc::Meta meta;
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(resolve_build_time(meta, 42) == 42);
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  CHECK(resolve_build_time(meta, 42) == 1700000000);
  setenv("SOURCE_DATE_EPOCH", "not a number", 1);
  CHECK(resolve_build_time(meta, 42) == 42);
  meta.date = doc::Date{2016, 9, 7};
  CHECK(resolve_build_time(meta, 42) == 1473206400 + 12 * 3600);
  unsetenv("SOURCE_DATE_EPOCH");
}

