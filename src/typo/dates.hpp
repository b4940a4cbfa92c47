// Recognises dates as news articles write them: "Wednesday, September 7,
// 2016", "7 September 2016", "Sept. 7, 2016", "2016-09-07", with an
// optional "Published:" label and a time of day.
#pragma once

#include <optional>
#include <string_view>

#include "galley/doc.hpp"

namespace galley::typo {

// The date when all of `text` is one date (a label and a time around it are
// allowed); nothing when the text says anything else.
std::optional<doc::Date> parse_date_line(std::string_view text);

}  // namespace galley::typo
