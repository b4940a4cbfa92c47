// Turns the bytes of a text file into clean UTF-8 lines, whatever the file's
// encoding and line ends: the hygiene every text-based reader shares.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/errors.hpp"

namespace galley::read::detail {

// One line of the input, without its line end; `number` is 1-based.
struct SourceLine {
  int number;
  std::string text;
};

// Accepts UTF-8 with or without a BOM and UTF-16 with a BOM; a line that is
// not valid UTF-8 is decoded as Windows-1252 with a warning naming the line.
// Line ends may be LF, CRLF or CR. Control characters other than tab are
// removed with a warning; tabs become spaces; trailing spaces are trimmed.
std::vector<SourceLine> decode_lines(std::string_view bytes, const std::string& file_name, Diagnostics& diagnostics);

// The same hygiene for formats where tabs and trailing spaces mean something
// (Markdown: indented code, hard line breaks): the whole text as UTF-8 with
// '\n' line ends, tabs and trailing spaces kept, other control characters
// removed with a warning, lines that are not UTF-8 read as Windows-1252.
std::string decode_text(std::string_view bytes, const std::string& file_name, Diagnostics& diagnostics);

// The bytes converted to UTF-8 from the encoding a file declares (an iconv
// name: "windows-1252", "iso-8859-15"); nullopt when GLib cannot, with its
// reason in `why` (empty when it gave none). Each format decides what to do
// then, so the message stays its own.
std::optional<std::string> decode_declared(std::string_view bytes, const std::string& encoding, std::string& why);

}  // namespace galley::read::detail
