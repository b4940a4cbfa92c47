// An OpenDocument package's metadata: meta.xml's title, authors,
// description, keywords, language and dates, and the default language of
// styles.xml.
#include "read/odt_meta.hpp"

#include "galley/text.hpp"

namespace galley::read::odt {

using detail::attribute;
using detail::child;
using detail::is_element;
using detail::XmlPart;

void read_meta(const XmlPart& part, doc::Meta& meta) {
  pugi::xml_node office_meta = child(part.document.document_element(), "meta");
  auto text_of = [&](std::string_view element) {
    return doc::plain_text(doc::inlines_from_text(detail::clean_office_text(child(office_meta, element).text().get())));
  };
  if (meta.title.empty()) meta.title = text_of("title");
  std::string creator = text_of("initial-creator");
  if (creator.empty()) creator = text_of("creator");
  if (meta.authors.empty()) {
    std::size_t start = 0;
    while (start <= creator.size()) {
      std::size_t end = creator.find(';', start);
      if (end == std::string::npos) end = creator.size();
      std::string name = doc::plain_text(doc::inlines_from_text(creator.substr(start, end - start)));
      if (!name.empty()) meta.authors.push_back(name);
      start = end + 1;
    }
  }
  if (meta.description.empty()) meta.description = text_of("description");
  detail::add_office_keywords(text_of("subject"), meta.keywords);
  for (pugi::xml_node keyword : office_meta.children())
    if (is_element(keyword, "keyword")) detail::add_office_keywords(keyword.text().get(), meta.keywords);
  if (meta.lang.empty()) meta.lang = text_of("language");
  if (!meta.date) meta.date = detail::parse_office_date(text_of("date"));
  if (!meta.date) meta.date = detail::parse_office_date(text_of("creation-date"));
}

// The language of the default paragraph style: fo:language and fo:country.
std::string default_language(const XmlPart& styles) {
  pugi::xml_node office_styles = child(styles.document.document_element(), "styles");
  for (pugi::xml_node style : office_styles.children())
    if (is_element(style, "default-style") && attribute(style, "family") == "paragraph") {
      pugi::xml_node text = child(style, "text-properties");
      std::string language = attribute(text, "language");
      const std::string country = attribute(text, "country");
      if (language.empty() || language == "none" || language == "zxx") return {};
      if (!country.empty() && country != "none") language += "-" + country;
      return language;
    }
  return {};
}

}  // namespace galley::read::odt
