#include <charconv>
#include <chrono>
#include <cstdlib>
#include <string_view>

#include "galley/galley.hpp"

namespace galley {

std::int64_t resolve_build_time(const doc::Meta& meta, std::int64_t fallback) {
  return resolve_build_time_and_source(meta, fallback).seconds;
}

BuildTime resolve_build_time_and_source(const doc::Meta& meta, std::int64_t fallback) {
  if (meta.date && meta.date->year > 0) {
    // Calendar arithmetic, not mktime: the result must not depend on TZ.
    using namespace std::chrono;
    year_month_day day{year{meta.date->year}, month{static_cast<unsigned>(std::max(meta.date->month, 1))},
                       std::chrono::day{static_cast<unsigned>(std::max(meta.date->day, 1))}};
    if (day.ok())
      return {duration_cast<seconds>(sys_days{day}.time_since_epoch()).count() + 12 * 3600, BuildTimeSource::article};
  }
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    std::string_view text(epoch);
    std::int64_t seconds = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error == std::errc() && end == text.data() + text.size() && seconds >= 0)
      return {seconds, BuildTimeSource::source_date_epoch};
  }
  return {fallback, BuildTimeSource::fallback};
}

}  // namespace galley
