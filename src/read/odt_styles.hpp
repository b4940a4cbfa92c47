// OpenDocument styles (styles.xml's named styles and content.xml's
// automatic ones), resolved through their parents: what kind of paragraph a
// style makes, its list style and outline level, and the run formatting of
// text styles (odt_styles.cpp for the names).
#pragma once

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "read/office.hpp"

namespace galley::read::odt {

using detail::attribute;
using detail::child;
using detail::is_element;
using detail::local_name;
using detail::XmlPart;

// "Heading_20_1" is how ODF spells the style "Heading 1" in a name.
std::string decoded_style_name(std::string_view name);
// Decoded, lowercase, without spaces, hyphens or underscores.
std::string folded(std::string_view name);

enum class Kind { body, title, subtitle, heading, quote, caption, code, author, date };

struct ParagraphClass {
  Kind kind = Kind::body;
  int level = 0;
};

// A style recognised from its name in the languages LibreOffice and Word
// write; nothing when the name says nothing.
std::optional<ParagraphClass> class_from_name(std::string_view raw);
// Courier, Consolas and other fonts for code.
bool is_monospace_font(std::string_view font);

struct Style {
  std::string display_name;
  std::string parent;
  std::string list_style;
  int outline_level = 0;  // style:default-outline-level
  unsigned flags = 0, flags_off = 0;
  bool hidden = false;
  bool monospace = false;
};

class Styles {
 public:
  void load_fonts(pugi::xml_node declarations) {
    for (pugi::xml_node face : declarations.children())
      if (is_element(face, "font-face") &&
          (attribute(face, "font-pitch") == "fixed" || is_monospace_font(attribute(face, "font-family"))))
        fixed_fonts_.insert(attribute(face, "name"));
  }

  void load(pugi::xml_node container) {
    for (pugi::xml_node node : container.children()) {
      if (is_element(node, "list-style")) {
        load_list_style(node);
        continue;
      }
      if (!is_element(node, "style")) continue;
      const std::string family = attribute(node, "family");
      if (family != "paragraph" && family != "text") continue;
      Style style;
      style.display_name = attribute(node, "display-name");
      style.parent = attribute(node, "parent-style-name");
      style.list_style = attribute(node, "list-style-name");
      style.outline_level = std::atoi(attribute(node, "default-outline-level").c_str());
      pugi::xml_node text = child(node, "text-properties");
      const std::string weight = attribute(text, "font-weight");
      if (weight == "bold" || (weight.size() == 3 && weight >= "600")) style.flags |= detail::run_strong;
      else if (weight == "normal" || (weight.size() == 3 && weight < "600")) style.flags_off |= detail::run_strong;
      const std::string font_style = attribute(text, "font-style");
      if (font_style == "italic" || font_style == "oblique") style.flags |= detail::run_emph;
      else if (font_style == "normal") style.flags_off |= detail::run_emph;
      const std::string through = attribute(text, "text-line-through-style");
      if (!through.empty() && through != "none") style.flags |= detail::run_strike;
      else if (through == "none") style.flags_off |= detail::run_strike;
      style.hidden = attribute(text, "display") == "none";
      const std::string font = attribute(text, "font-name");
      style.monospace = (!font.empty() && (fixed_fonts_.count(font) || is_monospace_font(font))) ||
                        is_monospace_font(attribute(text, "font-family"));
      (family == "paragraph" ? paragraph_ : text_)[attribute(node, "name")] = std::move(style);
    }
  }

  ParagraphClass classify(std::string name) const {
    for (int step = 0; step < 32 && !name.empty(); ++step) {
      auto found = paragraph_.find(name);
      if (std::optional<ParagraphClass> by_name = class_from_name(name)) return *by_name;
      if (found == paragraph_.end()) break;
      if (std::optional<ParagraphClass> by_display = class_from_name(found->second.display_name)) return *by_display;
      if (found->second.outline_level > 0 && found->second.outline_level <= 10)
        return ParagraphClass{Kind::heading, found->second.outline_level};
      name = found->second.parent;
    }
    return {};
  }

  std::string list_style_of_paragraph(std::string name) const {
    for (int step = 0; step < 32 && !name.empty(); ++step) {
      auto found = paragraph_.find(name);
      if (found == paragraph_.end()) break;
      if (!found->second.list_style.empty()) return found->second.list_style;
      name = found->second.parent;
    }
    return {};
  }

  // A text style's formatting over `flags`, its own over its parents'.
  void text_style(std::string name, unsigned& flags, bool& hidden, bool& code) const {
    unsigned on = 0, off = 0;
    for (int step = 0; step < 32 && !name.empty(); ++step) {
      auto found = text_.find(name);
      if (found == text_.end()) break;
      const Style& style = found->second;
      on |= style.flags & ~off;
      off |= style.flags_off & ~on;
      hidden = hidden || style.hidden;
      const std::string folded_name = folded(name);
      if (style.monospace || folded_name == "sourcetext" || folded_name == "verbatimchar" || folded_name == "code")
        code = true;
      if (folded_name == "strongemphasis") on |= detail::run_strong;
      if (folded_name == "emphasis") on |= detail::run_emph;
      name = style.parent;
    }
    flags = (flags | on) & ~off;
  }

  // Paragraph styles carry text formatting too (a bold "Table Heading"):
  // what a paragraph's own automatic style says, for its runs.
  unsigned paragraph_flags(const std::string& name) const {
    auto found = paragraph_.find(name);
    return found == paragraph_.end() ? 0 : found->second.flags & ~found->second.flags_off & detail::run_strike;
  }
  bool paragraph_monospace(std::string name) const {
    for (int step = 0; step < 32 && !name.empty(); ++step) {
      auto found = paragraph_.find(name);
      if (found == paragraph_.end()) break;
      if (found->second.monospace) return true;
      name = found->second.parent;
    }
    return false;
  }

  struct ListLevel {
    bool ordered = false;
    int start = 1;
  };
  ListLevel list_level(const std::string& list_style, int level) const {
    auto found = lists_.find(list_style);
    if (found == lists_.end()) return {};
    auto level_found = found->second.find(level);
    if (level_found == found->second.end()) return {};
    return level_found->second;
  }

 private:
  void load_list_style(pugi::xml_node node) {
    std::map<int, ListLevel>& levels = lists_[attribute(node, "name")];
    for (pugi::xml_node level : node.children()) {
      if (level.type() != pugi::node_element) continue;
      const int index = std::atoi(attribute(level, "level").c_str());
      if (index < 1 || index > 10) continue;
      ListLevel format;
      format.ordered = local_name(level) == "list-level-style-number" && !attribute(level, "num-format").empty();
      const std::string start = attribute(level, "start-value");
      format.start = start.empty() ? 1 : std::max(0, std::atoi(start.c_str()));
      levels[index] = format;
    }
  }

  std::map<std::string, Style> paragraph_, text_;
  std::map<std::string, std::map<int, ListLevel>> lists_;
  std::set<std::string> fixed_fonts_;
};

}  // namespace galley::read::odt
