#include "epub/timestamp.hpp"

#include <algorithm>
#include <charconv>

#include "galley/errors.hpp"

namespace galley::epub::detail {
namespace {

constexpr std::int64_t seconds_per_day = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

void append_padded(std::string& out, int value, int width) {
  char buffer[16];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)error;  // an int always fits in 16 characters
  for (int length = static_cast<int>(end - buffer); length < width; ++length) out += '0';
  out.append(buffer, end);
}

}  // namespace

CivilTime civil_time_from_unix(std::int64_t seconds) {
  const std::int64_t days = floor_div(seconds, seconds_per_day);
  const std::int64_t second_of_day = seconds - days * seconds_per_day;

  // Howard Hinnant's civil_from_days: days since 1970-01-01 to y-m-d, in
  // 400-year eras that start on 0000-03-01 so leap days fall at era ends.
  const std::int64_t shifted = days + 719468;
  const std::int64_t era = floor_div(shifted, 146097);
  const std::int64_t day_of_era = shifted - era * 146097;                                               // [0, 146096]
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;  // [0, 399]
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;                                     // [0, 11]

  CivilTime civil;
  civil.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  civil.month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  civil.year = static_cast<int>(year_of_era + era * 400 + (civil.month <= 2 ? 1 : 0));
  civil.hour = static_cast<int>(second_of_day / 3600);
  civil.minute = static_cast<int>(second_of_day / 60 % 60);
  civil.second = static_cast<int>(second_of_day % 60);
  return civil;
}

std::string format_utc_timestamp(std::int64_t seconds) {
  // Beyond these bounds the year would not fit an int; the check below then
  // rejects them with the same message.
  constexpr std::int64_t far_past = -62167219200;  // 0000-01-01T00:00:00Z
  constexpr std::int64_t far_future = 253402300799;  // 9999-12-31T23:59:59Z
  if (seconds < far_past || seconds > far_future)
    throw Error(ErrorKind::usage, "", "modification time " + std::to_string(seconds) + " is outside the years 0000-9999");
  const CivilTime civil = civil_time_from_unix(seconds);
  std::string text;
  append_padded(text, civil.year, 4);
  text += '-';
  append_padded(text, civil.month, 2);
  text += '-';
  append_padded(text, civil.day, 2);
  text += 'T';
  append_padded(text, civil.hour, 2);
  text += ':';
  append_padded(text, civil.minute, 2);
  text += ':';
  append_padded(text, civil.second, 2);
  text += 'Z';
  return text;
}

DosTime dos_time_from_unix(std::int64_t seconds) {
  constexpr std::int64_t dos_epoch = 315532800;   // 1980-01-01T00:00:00Z
  constexpr std::int64_t dos_end = 4354819198;    // 2107-12-31T23:59:58Z
  const CivilTime civil = civil_time_from_unix(std::clamp(seconds, dos_epoch, dos_end));
  DosTime dos;
  dos.date = static_cast<std::uint16_t>(((civil.year - 1980) << 9) | (civil.month << 5) | civil.day);
  dos.time = static_cast<std::uint16_t>((civil.hour << 11) | (civil.minute << 5) | (civil.second / 2));
  return dos;
}

}  // namespace galley::epub::detail
