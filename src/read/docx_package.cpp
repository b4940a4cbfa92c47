// The Word package around the body: its parts, their relationships, the
// core properties (title, authors, dates), the notes and the language.
#include "read/docx_package.hpp"

#include <algorithm>

#include "galley/text.hpp"

namespace galley::read::docx {

// The w:val of a child element ("<w:pStyle w:val='Heading1'/>").
std::string value_of(pugi::xml_node parent, std::string_view name) { return attribute(child(parent, name), "val"); }

// A toggle property (<w:b/>, <w:b w:val="false"/>): on unless its value says off.
std::optional<bool> toggle(pugi::xml_node properties, std::string_view name) {
  pugi::xml_node node = child(properties, name);
  if (!node) return std::nullopt;
  const std::string value = attribute(node, "val");
  return !(value == "0" || value == "false" || value == "off" || value == "none");
}

int int_value(const std::string& text, int fallback) {
  if (text.empty() || text.size() > 9) return fallback;
  int value = 0;
  std::size_t start = text[0] == '-' ? 1 : 0;
  if (start == text.size()) return fallback;
  for (std::size_t i = start; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return fallback;
    value = value * 10 + (text[i] - '0');
  }
  return start ? -value : value;
}

std::string all_text(pugi::xml_node root, std::string_view text_name) { return detail::all_text(root, text_name); }

void load_part(detail::ZipInput& zip, const std::string& name, XmlPart& part, const std::string& file_name,
               Diagnostics& diagnostics, bool required) {
  detail::load_xml_part(zip, name, part, file_name, diagnostics, required ? "the Word document" : nullptr);
}

// A relationship target resolved against the folder of the part that names
// it ("media/image1.png" from word/document.xml is "word/media/image1.png").
std::string resolve_target(const std::string& part_name, const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::vector<std::string> segments;
  std::string base = part_name.substr(0, part_name.rfind('/') == std::string::npos ? 0 : part_name.rfind('/'));
  auto push_path = [&segments](std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      std::string_view segment = path.substr(start, end - start);
      if (segment == "..") {
        if (!segments.empty()) segments.pop_back();
      } else if (!segment.empty() && segment != ".") {
        segments.emplace_back(segment);
      }
      start = end + 1;
    }
  };
  push_path(base);
  push_path(target);
  std::string out;
  for (const std::string& segment : segments) out += (out.empty() ? "" : "/") + segment;
  return out;
}

std::map<std::string, Relationship> read_relationships(detail::ZipInput& zip, const std::string& part_name,
                                                       const std::string& file_name, Diagnostics& diagnostics) {
  const std::size_t slash = part_name.rfind('/');
  const std::string rels_name = (slash == std::string::npos ? "" : part_name.substr(0, slash + 1)) + "_rels/" +
                                part_name.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
  XmlPart rels;
  load_part(zip, rels_name, rels, file_name, diagnostics, false);
  std::map<std::string, Relationship> out;
  for (pugi::xml_node node : rels.document.document_element().children()) {
    if (!is_element(node, "Relationship")) continue;
    Relationship relationship;
    relationship.external = attribute(node, "TargetMode") == "External";
    const std::string target = attribute(node, "Target");
    relationship.target = relationship.external ? target : resolve_target(part_name, target);
    out.emplace(attribute(node, "Id"), std::move(relationship));
  }
  return out;
}

// ---------------------------------------------------------------- the package

void read_core_properties(detail::ZipInput& zip, const std::string& name, doc::Meta& meta,
                          const std::string& file_name, Diagnostics& diagnostics) {
  XmlPart core;
  load_part(zip, name, core, file_name, diagnostics, false);
  if (!core) return;
  auto text_of = [&](std::string_view element) {
    return doc::plain_text(doc::inlines_from_text(detail::clean_office_text(child(core.document.document_element(), element).text().get())));
  };
  if (meta.title.empty()) meta.title = text_of("title");
  const std::string creator = text_of("creator");
  if (!creator.empty() && meta.authors.empty()) {
    std::size_t start = 0;
    while (start <= creator.size()) {
      std::size_t end = creator.find(';', start);
      if (end == std::string::npos) end = creator.size();
      std::string name_part = doc::plain_text(doc::inlines_from_text(creator.substr(start, end - start)));
      if (!name_part.empty()) meta.authors.push_back(name_part);
      start = end + 1;
    }
  }
  if (meta.description.empty()) meta.description = text_of("description");
  detail::add_office_keywords(text_of("subject"), meta.keywords);
  detail::add_office_keywords(text_of("keywords"), meta.keywords);
  if (meta.lang.empty()) meta.lang = text_of("language");
  if (!meta.date) meta.date = detail::parse_office_date(text_of("modified"));
  if (!meta.date) meta.date = detail::parse_office_date(text_of("created"));
}

// The language the document's default run properties name.
std::string default_language(pugi::xml_node styles_root) {
  pugi::xml_node defaults = child(child(child(child(styles_root, "docDefaults"), "rPrDefault"), "rPr"), "lang");
  return attribute(defaults, "val");
}

std::map<std::string, pugi::xml_node> notes_of(const XmlPart& part, std::string_view element) {
  std::map<std::string, pugi::xml_node> notes;
  for (pugi::xml_node note : part.document.document_element().children()) {
    if (!is_element(note, element)) continue;
    const std::string type = attribute(note, "type");
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
    notes.emplace(attribute(note, "id"), note);
  }
  return notes;
}

}  // namespace galley::read::docx
