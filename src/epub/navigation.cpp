#include "epub/navigation.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "epub/xml.hpp"

namespace galley::epub::detail {
namespace {

constexpr const char* ncx_namespace = "http://www.daisy.org/z3986/2005/ncx/";

// The visible heading of the contents page in the publication's language.
const char* contents_label(std::string_view lang) {
  const std::string_view primary = lang.substr(0, lang.find('-'));
  static constexpr std::pair<std::string_view, const char*> labels[] = {
      {"de", "Inhalt"}, {"es", "Índice"}, {"fr", "Sommaire"}, {"it", "Indice"}, {"nl", "Inhoud"}, {"pt", "Índice"}};
  for (const auto& [language, label] : labels)
    if (primary == language) return label;
  return "Contents";
}

// A list item of the nav may hold only its link (or a span) and a nested
// list, so an article's byline and description go inside the link, each in
// a span the style sheet sets on a line of its own. Reading systems that
// show a link's text in a menu of their own show it flat: the separators,
// hidden where the style sheet applies, keep the parts apart there.
void write_nav_label(pugi::xml_node anchor, const NavItem& item) {
  if (item.byline.empty() && item.description.empty()) {
    append_text(anchor, item.label);
    return;
  }
  append_text_element(anchor, "span", item.label).append_attribute("class") = "toc-title";
  auto add_part = [&](const std::string& text, const char* css_class) {
    if (text.empty()) return;
    pugi::xml_node separator = append_text_element(anchor, "span", " \u2014 ");
    separator.append_attribute("class") = "toc-separator";
    append_text_element(anchor, "span", text).append_attribute("class") = css_class;
  };
  add_part(item.byline, "toc-byline");
  add_part(item.description, "toc-description");
}

void append_nav_list(pugi::xml_node parent, const std::vector<NavItem>& items) {
  pugi::xml_node list = append_block(parent, "ol");
  for (const NavItem& item : items) {
    pugi::xml_node entry = append_block(list, "li");
    pugi::xml_node anchor = entry.append_child("a");
    anchor.append_attribute("href") = item.href.c_str();
    write_nav_label(anchor, item);
    if (!item.children.empty()) {
      append_nav_list(entry, item.children);
      add_line_break(entry);
    }
  }
  add_line_break(list);
}

int depth_of(const std::vector<NavItem>& items) {
  int depth = 0;
  for (const NavItem& item : items) depth = std::max(depth, 1 + depth_of(item.children));
  return depth;
}

// NCX playOrder: the place of a point's target in reading order. Points
// with one target (a section and its first article) share the number, as
// the NCX requires.
struct PlayOrder {
  std::map<std::string, int> by_href;
  int points = 0;
};

void append_nav_points(pugi::xml_node parent, const std::vector<NavItem>& items, PlayOrder& play_order) {
  for (const NavItem& item : items) {
    pugi::xml_node point = append_block(parent, "navPoint");
    const int next = static_cast<int>(play_order.by_href.size()) + 1;
    const int order = play_order.by_href.emplace(item.href, next).first->second;
    point.append_attribute("id") = ("navpoint-" + std::to_string(++play_order.points)).c_str();
    point.append_attribute("playOrder") = std::to_string(order).c_str();
    pugi::xml_node label = append_block(point, "navLabel");
    append_text_element(label, "text", item.label);
    append_block(point, "content").append_attribute("src") = item.href.c_str();
    append_nav_points(point, item.children, play_order);
    add_line_break(point);
  }
}

}  // namespace

std::vector<NavItem> table_of_contents(const Publication& publication) {
  if (!publication.contents.empty()) return publication.contents;
  std::vector<NavItem> contents;
  for (const PackagedChapter& packaged : publication.chapters) {
    NavItem& chapter = contents.emplace_back(NavItem{packaged.chapter.title, packaged.file_name, {}, {}, {}});
    // Open lists by level: a heading goes below the nearest preceding heading
    // of a higher level, so a skipped level (h2 then h4) nests one step, not two.
    std::vector<std::pair<int, std::vector<NavItem>*>> open{{1, &chapter.children}};
    for (const TocEntry& heading : packaged.chapter.headings) {
      while (open.size() > 1 && open.back().first >= heading.level) open.pop_back();
      std::vector<NavItem>& siblings = *open.back().second;
      siblings.push_back(NavItem{heading.text, packaged.file_name + "#" + heading.id, {}, {}, {}});
      open.emplace_back(heading.level, &siblings.back().children);
    }
  }
  return contents;
}

std::string write_nav_document(const Publication& publication, const std::vector<NavItem>& contents) {
  pugi::xml_document xml;
  pugi::xml_node html = start_xhtml_document(xml, publication.lang);

  const char* label = contents_label(publication.lang);
  pugi::xml_node head = append_block(html, "head");
  append_block(head, "meta").append_attribute("charset") = "utf-8";
  append_text(append_block(head, "title"), label);
  pugi::xml_node stylesheet = append_block(head, "link");
  stylesheet.append_attribute("rel") = "stylesheet";
  stylesheet.append_attribute("type") = "text/css";
  stylesheet.append_attribute("href") = stylesheet_name;
  add_line_break(head);

  pugi::xml_node body = append_block(html, "body");
  pugi::xml_node toc = append_block(body, "nav");
  toc.append_attribute("epub:type") = "toc";
  toc.append_attribute("role") = "doc-toc";
  toc.append_attribute("id") = "toc";
  append_text(append_block(toc, "h1"), label);
  append_nav_list(toc, contents);
  add_line_break(toc);

  // The page list: where each page of the print edition begins, so a
  // reader can follow a citation of "page 3". For the reading system's
  // go-to-page, hence hidden like the landmarks.
  if (has_page_list(publication)) {
    pugi::xml_node page_list = append_block(body, "nav");
    page_list.append_attribute("epub:type") = "page-list";
    page_list.append_attribute("role") = "doc-pagelist";
    page_list.append_attribute("id") = "page-list";
    page_list.append_attribute("hidden") = "hidden";
    append_text(append_block(page_list, "h2"), "Pages");
    pugi::xml_node list = append_block(page_list, "ol");
    for (const PackagedChapter& packaged : publication.chapters)
      for (const PageTarget& page : packaged.chapter.pages) {
        pugi::xml_node anchor = append_text_element(append_block(list, "li"), "a", page.label);
        anchor.append_attribute("href") = (packaged.file_name + "#" + page.id).c_str();
      }
    add_line_break(list);
    add_line_break(page_list);
  }

  // Landmarks let a reading system jump to the contents and to the start of
  // the text. They are for the system, not the reader, hence hidden.
  pugi::xml_node landmarks = append_block(body, "nav");
  landmarks.append_attribute("epub:type") = "landmarks";
  landmarks.append_attribute("id") = "landmarks";
  landmarks.append_attribute("hidden") = "hidden";
  append_text(append_block(landmarks, "h2"), "Landmarks");
  pugi::xml_node list = append_block(landmarks, "ol");
  auto add_landmark = [&](const char* type, const std::string& href, const std::string& text) {
    pugi::xml_node anchor = append_text_element(append_block(list, "li"), "a", text);
    anchor.append_attribute("epub:type") = type;
    anchor.append_attribute("href") = href.c_str();
  };
  if (!publication.cover_page.empty()) add_landmark("cover", cover_page_name, "Cover");
  add_landmark("toc", std::string(nav_document_name) + "#toc", label);
  if (!publication.chapters.empty())
    add_landmark("bodymatter", publication.chapters.front().file_name, publication.chapters.front().chapter.title);
  add_line_break(list);
  add_line_break(landmarks);
  add_line_break(body);
  add_line_break(html);
  return to_xml_string(xml);
}

std::string write_ncx(const Publication& publication, const std::vector<NavItem>& contents) {
  pugi::xml_document xml;
  add_xml_declaration(xml);
  add_line_break(xml);
  pugi::xml_node ncx = xml.append_child("ncx");
  ncx.append_attribute("xmlns") = ncx_namespace;
  ncx.append_attribute("version") = "2005-1";
  ncx.append_attribute("xml:lang") = publication.lang.c_str();

  pugi::xml_node head = append_block(ncx, "head");
  auto add_meta = [&](const char* name, const std::string& content) {
    pugi::xml_node meta = append_block(head, "meta");
    meta.append_attribute("name") = name;
    meta.append_attribute("content") = content.c_str();
  };
  // EPUB 2 requires dtb:uid to repeat the package's unique identifier.
  add_meta("dtb:uid", publication.identifier);
  add_meta("dtb:depth", std::to_string(std::max(1, depth_of(contents))));
  add_meta("dtb:totalPageCount", "0");
  add_meta("dtb:maxPageNumber", "0");
  add_line_break(head);

  pugi::xml_node title = append_block(ncx, "docTitle");
  append_text_element(title, "text", display_title(publication.meta));
  for (const std::string& author : publication.meta.authors) append_text_element(append_block(ncx, "docAuthor"), "text", author);

  pugi::xml_node map = append_block(ncx, "navMap");
  PlayOrder play_order;
  append_nav_points(map, contents, play_order);
  add_line_break(map);
  add_line_break(ncx);
  return to_xml_string(xml);
}

}  // namespace galley::epub::detail
