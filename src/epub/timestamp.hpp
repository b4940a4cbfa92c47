// Calendar arithmetic on seconds since 1970 in UTC, without the C library's
// time zone or locale, so that the same modified_time gives the same bytes
// on every machine.
#pragma once

#include <cstdint>
#include <string>

namespace galley::epub::detail {

struct CivilTime {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 0, minute = 0, second = 0;
};

// Proleptic Gregorian calendar, UTC; exact for any 64-bit input whose year fits an int.
CivilTime civil_time_from_unix(std::int64_t seconds);

// "YYYY-MM-DDThh:mm:ssZ", the form dcterms:modified requires. Throws
// galley::Error (usage) for a time outside the years 0000..9999.
std::string format_utc_timestamp(std::int64_t seconds);

// A zip entry's modification time in MS-DOS form (two-second resolution, no
// zone), holding the UTC calendar fields. Clamped to 1980..2107, the range
// the form can hold.
struct DosTime {
  std::uint16_t time = 0;
  std::uint16_t date = 0;
};
DosTime dos_time_from_unix(std::int64_t seconds);

}  // namespace galley::epub::detail
