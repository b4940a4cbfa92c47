// OpenDocument style names: decoded, folded, and what a name says a
// paragraph is, in the names LibreOffice and Word write.
#include "read/odt_styles.hpp"

#include <cctype>
#include <map>

namespace galley::read::odt {

// "Heading_20_1" is how ODF spells the style "Heading 1" in a name.
std::string decoded_style_name(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '_' && i + 3 < name.size() + 1) {
      const std::size_t close = name.find('_', i + 1);
      if (close != std::string_view::npos && close - i - 1 == 2) {
        const std::string hex(name.substr(i + 1, 2));
        char* end = nullptr;
        const long value = std::strtol(hex.c_str(), &end, 16);
        if (end && *end == '\0' && value >= 0x20 && value < 0x7F) {
          out += static_cast<char>(value);
          i = close;
          continue;
        }
      }
    }
    out += name[i];
  }
  return out;
}

std::string folded(std::string_view name) {
  std::string out;
  for (char c : decoded_style_name(name))
    if (c != ' ' && c != '-' && c != '_') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<ParagraphClass> class_from_name(std::string_view raw) {
  if (raw.empty()) return std::nullopt;
  const std::string name = folded(raw);
  for (std::string_view prefix : {"heading", "überschrift", "titre", "título", "titolo", "kop"})
    if (name.size() == prefix.size() + 1 && name.compare(0, prefix.size(), prefix) == 0 && name.back() >= '1' &&
        name.back() <= '9')
      return ParagraphClass{Kind::heading, name.back() - '0'};
  static const std::map<std::string_view, Kind> names = {
      {"title", Kind::title},           {"titel", Kind::title},            {"titre", Kind::title},
      {"subtitle", Kind::subtitle},     {"untertitel", Kind::subtitle},    {"soustitre", Kind::subtitle},
      {"quotations", Kind::quote},      {"quote", Kind::quote},            {"blocktext", Kind::quote},
      {"zitat", Kind::quote},           {"citation", Kind::quote},         {"caption", Kind::caption},
      {"figurecaption", Kind::caption}, {"tablecaption", Kind::caption},   {"imagecaption", Kind::caption},
      {"illustration", Kind::caption},  {"beschriftung", Kind::caption},   {"légende", Kind::caption},
      {"preformattedtext", Kind::code}, {"sourcecode", Kind::code},        {"code", Kind::code},
      {"author", Kind::author},         {"date", Kind::date}};
  if (auto found = names.find(name); found != names.end()) return ParagraphClass{found->second, 0};
  return std::nullopt;
}

bool is_monospace_font(std::string_view font) {
  std::string name = folded(font);
  for (const char* mono : {"courier", "consolas", "menlo", "monaco", "mono", "lucidaconsole", "sourcecodepro"})
    if (name.find(mono) != std::string::npos) return true;
  return false;
}

}  // namespace galley::read::odt
