#include "read/text_decoding.hpp"

#include <glib.h>

#include "support/glib_owned.hpp"

namespace galley::read::detail {
namespace {

// Windows-1252's printable characters in 0x80..0x9F; the five undefined
// positions map to themselves in Unicode's C1 range and are removed later as
// control characters, so no byte is silently turned into a different letter.
constexpr char32_t windows_1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void append_utf8(std::string& out, char32_t code_point) {
  char buffer[6];
  int length = g_unichar_to_utf8(static_cast<gunichar>(code_point), buffer);
  out.append(buffer, static_cast<std::size_t>(length));
}

std::string decode_windows_1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (unsigned char byte : bytes) {
    if (byte < 0x80)
      out += static_cast<char>(byte);
    else if (byte < 0xA0)
      append_utf8(out, windows_1252_high[byte - 0x80]);
    else
      append_utf8(out, byte);  // Latin-1 and Windows-1252 agree with Unicode here
  }
  return out;
}

// A line that is mostly UTF-8 with a few stray bytes (a paste from two
// sources) keeps its UTF-8 characters; only the bytes that are not UTF-8 are
// read as Windows-1252, so "café" next to a stray 0xFF stays "café".
std::string decode_mixed(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  while (!bytes.empty()) {
    const gchar* valid_end = nullptr;
    g_utf8_validate(bytes.data(), static_cast<gssize>(bytes.size()), &valid_end);
    const auto valid = static_cast<std::size_t>(valid_end - bytes.data());
    out.append(bytes.data(), valid);
    bytes.remove_prefix(valid);
    if (bytes.empty()) break;
    out += decode_windows_1252(bytes.substr(0, 1));
    bytes.remove_prefix(1);
  }
  return out;
}

// Text has few control characters; an image, a PDF or a word-processor file
// has many. Judged on the first 64 KB, so a huge text costs nothing extra.
// UTF-16 with a byte-order mark is text (its NULs are half of its letters).
void refuse_binary(std::string_view bytes, const std::string& file_name) {
  if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                            (static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF)))
    return;
  const std::string_view sample = bytes.substr(0, 65536);
  std::size_t control = 0;
  for (unsigned char byte : sample)
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') || byte == 0x7F) ++control;
  // A text with stray control characters has a handful; 1 in 20 is binary.
  if (sample.size() >= 32 && control * 20 > sample.size())
    throw Error(ErrorKind::bad_input, file_name,
                "looks like a binary file, not text (" + std::to_string(control) + " control bytes in the first " +
                    std::to_string(sample.size()) + "); UTF-16 needs a byte-order mark");
}

// UTF-16 with a byte-order mark becomes UTF-8; GLib's iconv does the work.
std::string decode_utf16(std::string_view bytes, const char* encoding, const std::string& file_name) {
  gsize written = 0;
  GError* error = nullptr;
  glib::String converted(
      g_convert(bytes.data() + 2, static_cast<gssize>(bytes.size() - 2), "UTF-8", encoding, nullptr, &written, &error));
  if (!converted) {
    std::string message = error ? error->message : "conversion failed";
    if (error) g_error_free(error);
    throw Error(ErrorKind::bad_input, file_name, std::string("not valid ") + encoding + ": " + message);
  }
  return std::string(converted.get(), written);
}

bool is_removed_control(gunichar c) {
  return (c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF;
}

// Removes control characters; with `plain_line`, also turns tabs into
// spaces and trims the line end, as plain text wants.
std::string clean_line(std::string_view text, int line_number, const std::string& file_name, Diagnostics& diagnostics,
                       bool plain_line) {
  std::string out;
  out.reserve(text.size());
  bool removed = false;
  const char* position = text.data();
  const char* end = text.data() + text.size();
  while (position < end) {
    gunichar c = g_utf8_get_char(position);
    const char* next = g_utf8_next_char(position);
    if (c == '\t')
      out += plain_line ? ' ' : '\t';
    else if (is_removed_control(c))
      removed = true;
    else
      out.append(position, static_cast<std::size_t>(next - position));
    position = next;
  }
  if (removed) diagnostics.push_back({file_name, line_number, "removed control characters"});
  if (plain_line)
    while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Splits the bytes into lines of valid UTF-8, whatever the encoding and the
// line ends; `plain_lines` chooses clean_line's plain-text treatment.
std::vector<SourceLine> split_decoded_lines(std::string_view bytes, const std::string& file_name,
                                            Diagnostics& diagnostics, bool plain_lines) {
  refuse_binary(bytes, file_name);
  std::string converted;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) {
    converted = decode_utf16(bytes, "UTF-16LE", file_name);
    bytes = converted;
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    converted = decode_utf16(bytes, "UTF-16BE", file_name);
    bytes = converted;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

  std::vector<SourceLine> lines;
  std::size_t start = 0;
  int number = 1;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view raw = bytes.substr(start, end - start);
    // GLib's validator rejects NUL bytes; they are control characters to remove, not a sign of another encoding.
    std::string without_nul;
    if (raw.find('\0') != std::string_view::npos) {
      for (char c : raw)
        if (c != '\0') without_nul += c;
      diagnostics.push_back({file_name, number, "removed NUL bytes"});
      raw = without_nul;
    }
    std::string text;
    if (g_utf8_validate(raw.data(), static_cast<gssize>(raw.size()), nullptr)) {
      text = std::string(raw);
    } else {
      text = decode_mixed(raw);
      diagnostics.push_back({file_name, number, "not valid UTF-8; read as Windows-1252"});
    }
    lines.push_back({number, clean_line(text, number, file_name, diagnostics, plain_lines)});
    if (end == bytes.size()) break;
    // CRLF is one line end; a lone CR or LF is one too.
    start = end + ((bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n') ? 2 : 1);
    ++number;
  }
  return lines;
}

}  // namespace

std::optional<std::string> decode_declared(std::string_view bytes, const std::string& encoding, std::string& why) {
  gsize written = 0;
  GError* error = nullptr;
  glib::String converted(
      g_convert(bytes.data(), static_cast<gssize>(bytes.size()), "UTF-8", encoding.c_str(), nullptr, &written, &error));
  if (converted) return std::string(converted.get(), written);
  why = error ? error->message : "";
  if (error) g_error_free(error);
  return std::nullopt;
}

std::vector<SourceLine> decode_lines(std::string_view bytes, const std::string& file_name, Diagnostics& diagnostics) {
  return split_decoded_lines(bytes, file_name, diagnostics, true);
}

std::string decode_text(std::string_view bytes, const std::string& file_name, Diagnostics& diagnostics) {
  std::string text;
  text.reserve(bytes.size());
  for (const SourceLine& line : split_decoded_lines(bytes, file_name, diagnostics, false)) {
    if (line.number > 1) text += '\n';
    text += line.text;
  }
  return text;
}

}  // namespace galley::read::detail
