// Word's styles: what a paragraph style's name says it is, in the languages
// Word and LibreOffice write, and the run formatting styles carry.
#include "read/docx_styles.hpp"

#include <glib.h>

#include <map>

#include "support/glib_owned.hpp"

namespace galley::read::docx {

// Lowercase without spaces, hyphens or underscores: "Heading 1",
// "heading1" and "Heading_1" are one name.
std::string folded_name(std::string_view name) {
  glib::String lower(g_utf8_strdown(name.data(), static_cast<gssize>(name.size())));
  std::string out;
  for (const char* c = lower.get(); c && *c; ++c)
    if (*c != ' ' && *c != '-' && *c != '_') out += *c;
  return out;
}

// A built-in style recognised from its name or id in the languages Word
// and LibreOffice most often write; nothing when the name says nothing.
std::optional<ParagraphClass> class_from_name(std::string_view raw) {
  if (raw.empty()) return std::nullopt;
  const std::string name = folded_name(raw);
  static const char* const heading_prefixes[] = {"heading", "überschrift", "berschrift", "titre", "título", "titulo",
                                                 "titolo", "kop", "nagłówek", "rubrik", "otsikko", "overskrift"};
  for (const char* prefix : heading_prefixes) {
    const std::string_view p(prefix);
    if (name.size() == p.size() + 1 && name.compare(0, p.size(), p) == 0 && name.back() >= '1' && name.back() <= '9')
      return ParagraphClass{Kind::heading, name.back() - '0'};
  }
  static const std::map<std::string_view, Kind> names = {
      {"title", Kind::title},           {"titel", Kind::title},          {"titre", Kind::title},
      {"título", Kind::title},          {"titolo", Kind::title},         {"tytuł", Kind::title},
      {"subtitle", Kind::subtitle},     {"untertitel", Kind::subtitle},  {"soustitre", Kind::subtitle},
      {"subtítulo", Kind::subtitle},    {"sottotitolo", Kind::subtitle}, {"ondertitel", Kind::subtitle},
      {"quote", Kind::quote},           {"intensequote", Kind::quote},   {"blocktext", Kind::quote},
      {"quotations", Kind::quote},      {"zitat", Kind::quote},          {"intensiveszitat", Kind::quote},
      {"citation", Kind::quote},        {"citationintense", Kind::quote}, {"cita", Kind::quote},
      {"citadestacada", Kind::quote},   {"citazione", Kind::quote},      {"citaat", Kind::quote},
      {"caption", Kind::caption},       {"imagecaption", Kind::caption}, {"tablecaption", Kind::caption},
      {"beschriftung", Kind::caption},  {"légende", Kind::caption},     {"epígrafe", Kind::caption},
      {"didascalia", Kind::caption},    {"bijschrift", Kind::caption},   {"sourcecode", Kind::code},
      {"htmlpreformatted", Kind::code}, {"htmlvorformatiert", Kind::code}, {"preformattedtext", Kind::code},
      {"macrotext", Kind::code},        {"code", Kind::code},            {"author", Kind::author},
      {"date", Kind::date},             {"abstract", Kind::abstract_text}};
  if (auto found = names.find(name); found != names.end()) return ParagraphClass{found->second, 0};
  return std::nullopt;
}

bool is_monospace_font(std::string_view font) {
  const std::string name = folded_name(font);
  for (const char* mono : {"courier", "consolas", "menlo", "monaco", "mono", "lucidaconsole", "sourcecodepro", "inconsolata"})
    if (name.find(mono) != std::string::npos) return true;
  return false;
}

void read_run_properties(pugi::xml_node properties, unsigned& flags, unsigned& flags_off, bool& hidden, bool& monospace) {
  auto apply = [&](std::string_view name, unsigned flag) {
    if (std::optional<bool> on = toggle(properties, name)) (*on ? flags : flags_off) |= flag;
  };
  apply("b", detail::run_strong);
  apply("i", detail::run_emph);
  apply("strike", detail::run_strike);
  apply("dstrike", detail::run_strike);
  if (std::optional<bool> vanish = toggle(properties, "vanish")) hidden = *vanish;
  if (pugi::xml_node fonts = child(properties, "rFonts"))
    monospace = is_monospace_font(attribute(fonts, "ascii")) || is_monospace_font(attribute(fonts, "hAnsi"));
}

}  // namespace galley::read::docx
