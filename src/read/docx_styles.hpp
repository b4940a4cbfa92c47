// Word's styles (styles.xml), resolved through basedOn: what kind of
// paragraph a style makes, the numbering it carries, and the run formatting
// of character styles (docx_styles.cpp).
#pragma once

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "read/docx_package.hpp"

namespace galley::read::docx {

enum class Kind { body, title, subtitle, heading, quote, caption, code, author, date, abstract_text };

struct ParagraphClass {
  Kind kind = Kind::body;
  int level = 0;  // for headings, 1..9
};

// Lowercase without spaces, hyphens or underscores: "Heading 1",
// "heading1" and "Heading_1" are one name.
std::string folded_name(std::string_view name);
// A built-in style recognised from its name or id in the languages Word
// and LibreOffice most often write; nothing when the name says nothing.
std::optional<ParagraphClass> class_from_name(std::string_view raw);
// Courier, Consolas and other fonts for code.
bool is_monospace_font(std::string_view font);
// Bold, italic, strike-through, hidden and a monospaced font from a w:rPr.
void read_run_properties(pugi::xml_node properties, unsigned& flags, unsigned& flags_off, bool& hidden, bool& monospace);

struct Style {
  std::string name;
  std::string based_on;
  int outline_level = -1;  // 0..8 from w:outlineLvl; 9 means body text
  std::string num_id;      // numbering the style itself carries (List Bullet)
  int num_level = 0;
  unsigned flags = 0;       // run formatting of a character style
  unsigned flags_off = 0;   // and what it switches off
  bool hidden_text = false; // w:vanish in the style's run properties
  bool monospace = false;
};

class Styles {
 public:
  void load(pugi::xml_node root) {
    for (pugi::xml_node node : root.children()) {
      if (!is_element(node, "style")) continue;
      Style style;
      style.name = value_of(node, "name");
      style.based_on = value_of(node, "basedOn");
      pugi::xml_node paragraph = child(node, "pPr");
      style.outline_level = int_value(value_of(paragraph, "outlineLvl"), -1);
      if (pugi::xml_node numbering = child(paragraph, "numPr")) {
        style.num_id = value_of(numbering, "numId");
        style.num_level = int_value(value_of(numbering, "ilvl"), 0);
      }
      read_run_properties(child(node, "rPr"), style.flags, style.flags_off, style.hidden_text, style.monospace);
      const std::string id = attribute(node, "styleId");
      const std::string type = attribute(node, "type");
      (type == "character" ? character_ : paragraph_).emplace(id, std::move(style));
      if (type == "paragraph" && (attribute(node, "default") == "1" || attribute(node, "default") == "true"))
        default_paragraph_ = id;
    }
  }

  // What a paragraph of this style is: the first style up the basedOn
  // chain whose name, id or outline level says.
  ParagraphClass classify(std::string id) const {
    if (id.empty()) id = default_paragraph_;
    for (int step = 0; step < 32 && !id.empty(); ++step) {
      auto found = paragraph_.find(id);
      if (std::optional<ParagraphClass> by_name = class_from_name(found == paragraph_.end() ? "" : found->second.name))
        return *by_name;
      if (std::optional<ParagraphClass> by_id = class_from_name(id)) return *by_id;
      if (found == paragraph_.end()) break;
      if (found->second.outline_level >= 0 && found->second.outline_level < 9)
        return ParagraphClass{Kind::heading, found->second.outline_level + 1};
      if (found->second.monospace) return ParagraphClass{Kind::code, 0};  // a style set in Courier is for code
      id = found->second.based_on;
    }
    return {};
  }

  // The numbering a paragraph style gives its paragraphs, up the chain.
  std::pair<std::string, int> numbering(std::string id) const {
    for (int step = 0; step < 32 && !id.empty(); ++step) {
      auto found = paragraph_.find(id);
      if (found == paragraph_.end()) break;
      if (!found->second.num_id.empty()) return {found->second.num_id, found->second.num_level};
      id = found->second.based_on;
    }
    return {};
  }

  // A character style's formatting, its own over what it is based on.
  void character(std::string id, unsigned& flags, bool& hidden, bool& code) const {
    unsigned on = 0, off = 0;
    bool hide = false, set_hidden = false;
    for (int step = 0; step < 32 && !id.empty(); ++step) {
      auto found = character_.find(id);
      if (found == character_.end()) break;
      const Style& style = found->second;
      on |= style.flags & ~off;
      off |= style.flags_off & ~on;
      if (!set_hidden && style.hidden_text) hide = set_hidden = true;
      const std::string name = folded_name(style.name);
      if (style.monospace || name == "verbatimchar" || name == "htmlcode" || name == "sourcetext" ||
          name == "htmlcode" || name == "code" || name == "htmltypewriter")
        code = true;
      if (name == "strong" || name == "fett") on |= detail::run_strong;
      if (name == "emphasis" || name == "hervorhebung" || name == "accentuation") on |= detail::run_emph;
      id = style.based_on;
    }
    flags = (flags | on) & ~off;
    hidden = hidden || hide;
  }

 private:
  std::map<std::string, Style> paragraph_;
  std::map<std::string, Style> character_;
  std::string default_paragraph_;
};

}  // namespace galley::read::docx
