#include "epub/font_files.hpp"

#include <fontconfig/fontconfig.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <tuple>

namespace galley::epub::detail {
namespace {

struct PatternDestroy {
  void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDestroy>;

struct FontSetDestroy {
  void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};
struct ObjectSetDestroy {
  void operator()(FcObjectSet* set) const { FcObjectSetDestroy(set); }
};

// The file of exactly this face of this family (OpenType preferred to
// TrueType), or empty: a substitute or a neighbouring weight would be
// embedded under the wrong name (fontconfig's best match for EB Garamond
// 12 at bold weight is its regular).
std::string face_file(const std::string& family, int weight, bool italic) {
  PatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, FcWeightFromOpenType(weight));
  FcPatternAddInteger(pattern.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  std::unique_ptr<FcObjectSet, ObjectSetDestroy> objects(FcObjectSetBuild(FC_FILE, nullptr));
  std::unique_ptr<FcFontSet, FontSetDestroy> set(FcFontList(nullptr, pattern.get(), objects.get()));
  std::string best;
  for (int index = 0; set && index < set->nfont; ++index) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(set->fonts[index], FC_FILE, 0, &file) != FcResultMatch) continue;
    std::string path = reinterpret_cast<const char*>(file);
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension == ".otf" && (best.empty() || std::filesystem::path(best).extension() != ".otf")) best = path;
    if (extension == ".ttf" && best.empty()) best = path;
  }
  return best;
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return file ? bytes.str() : std::string();
}

}  // namespace

std::vector<FontFile> theme_font_files(const style::Theme& theme) {
  std::set<std::tuple<std::string, int, bool>> faces;
  for (const style::TextStyle* style : {&theme.body, &theme.lede, &theme.headline, &theme.standfirst, &theme.byline,
                                        &theme.heading, &theme.caption, &theme.credit, &theme.aside, &theme.quote,
                                        &theme.folio})
    faces.emplace(style->family, style->weight, style->italic);
  // Emphasis and strong emphasis in the running text.
  faces.emplace(theme.body.family, theme.body.weight, true);
  faces.emplace(theme.body.family, 700, false);
  if (theme.drop_cap.enabled) faces.emplace(theme.drop_cap.style.family, theme.drop_cap.style.weight, false);

  std::vector<FontFile> fonts;
  for (const auto& [family, weight, italic] : faces) {
    const std::string path = face_file(family, weight, italic);
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension != ".otf" && extension != ".ttf") continue;
    std::string name = "fonts/" + std::filesystem::path(path).filename().string();
    std::string bytes = read_file(path);
    if (bytes.empty()) continue;
    fonts.push_back({family, weight, italic, name, extension == ".otf" ? "font/otf" : "font/ttf", std::move(bytes)});
  }
  // Two faces may come from one file (a missing bold is the regular): the
  // package holds it once (the first entry keeps the bytes) and both rules
  // name it.
  std::vector<FontFile> unique;
  std::set<std::string> seen;
  for (FontFile& font : fonts) {
    if (!seen.insert(font.file_name).second) font.bytes.clear();
    unique.push_back(std::move(font));
  }
  return unique;
}

std::string font_face_rules(const std::vector<FontFile>& fonts) {
  std::string css = "/* Fonts carried in the book (SIL Open Font License) */\n";
  for (const FontFile& font : fonts) {
    css += "@font-face {\n  font-family: \"" + font.family + "\";\n";
    css += "  src: url(\"" + font.file_name + "\") format(\"" +
           std::string(font.media_type == "font/otf" ? "opentype" : "truetype") + "\");\n";
    css += "  font-weight: " + std::to_string(font.weight) + ";\n";
    css += std::string("  font-style: ") + (font.italic ? "italic" : "normal") + ";\n}\n\n";
  }
  return css;
}

}  // namespace galley::epub::detail
