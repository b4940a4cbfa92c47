// The NewsML-G2 reader: a news item (or the first item of a news message),
// its contentMeta and itemMeta as the metadata and its inlineXML (NITF or
// XHTML) as the text; remote content is never fetched.
#include "read/nitf.hpp"
#include "read/readers.hpp"

namespace galley::read {
namespace xml {
namespace {

void read_newsml_item(pugi::xml_node item, doc::Document& document, XmlConverter& converter) {
  doc::Meta& meta = document.meta;
  pugi::xml_node content_meta = child_named(item, "contentMeta");
  pugi::xml_node item_meta = child_named(item, "itemMeta");
  meta.identifier = attribute_of(item, "guid");
  if (pugi::xml_node language = child_named(content_meta, "language")) meta.lang = attribute_of(language, "tag");
  if (meta.lang.empty()) meta.lang = attribute_of(item, "lang");

  // The body first: item metadata, where present, is the authority.
  pugi::xml_node content_set = child_named(item, "contentSet");
  pugi::xml_node inline_xml = child_named(content_set, "inlineXML");
  if (pugi::xml_node nitf = descendant_named(inline_xml, "nitf")) {
    read_nitf_element(nitf, document, converter);
  } else if (pugi::xml_node html_body = descendant_named(inline_xml, "body")) {
    document.blocks = converter.blocks_of(html_body);
  } else if (inline_xml) {
    document.blocks = converter.blocks_of(inline_xml);
  } else {
    converter.warn(item, "the news item carries no inline text (remote content is never fetched)");
  }

  if (std::string headline = collapsed_text(child_named(content_meta, "headline")); !headline.empty())
    meta.title = headline;
  if (std::string subheadline = collapsed_text(child_named(content_meta, "subheadline")); !subheadline.empty())
    meta.subtitle = subheadline;
  if (std::string description = collapsed_text(child_named(content_meta, "description")); !description.empty())
    meta.description = description;
  if (std::string by = collapsed_text(child_named(content_meta, "by")); !by.empty()) meta.byline = by;
  if (std::string credit = collapsed_text(child_named(content_meta, "creditline")); !credit.empty()) {
    if (meta.byline.empty()) meta.byline = credit;
    if (meta.publisher.empty()) meta.publisher = credit;
  }
  for (pugi::xml_node creator : content_meta.children())
    if (local_name(creator) == "creator" && meta.authors.empty() && meta.byline.empty())
      if (std::string name = collapsed_text(child_named(creator, "name")); !name.empty()) meta.publisher = name;
  if (std::string dateline = collapsed_text(child_named(content_meta, "dateline")); !dateline.empty())
    meta.dateline = dateline;
  if (meta.dateline.empty())
    if (pugi::xml_node located = child_named(content_meta, "located")) {
      // The place the story was filed from: its name, or the code of a city.
      std::string place = collapsed_text(child_named(located, "name"));
      const std::string qcode = attribute_of(located, "qcode");
      if (place.empty() && qcode.rfind("city:", 0) == 0) place = qcode.substr(5);
      meta.dateline = place;
    }
  for (std::string_view name : {"contentCreated", "firstCreated"})
    if (!meta.date)
      if (pugi::xml_node date = child_named(content_meta, name)) meta.date = parse_iso_date(collapsed_text(date));
  if (!meta.date)
    if (pugi::xml_node date = child_named(item_meta, "versionCreated")) meta.date = parse_iso_date(collapsed_text(date));
  if (pugi::xml_node rights = child_named(item, "rightsInfo"))
    if (std::string notice = collapsed_text(child_named(rights, "copyrightNotice")); !notice.empty()) meta.rights = notice;
  for (pugi::xml_node keyword : content_meta.children())
    if (local_name(keyword) == "keyword") meta.keywords.push_back(collapsed_text(keyword));
}

bool read_newsml_root(pugi::xml_node root, doc::Document& document, XmlConverter& converter,
                      const std::string& file_name) {
  const std::string_view root_name = local_name(root);
  if (root_name == "newsItem") {
    read_newsml_item(root, document, converter);
  } else if (root_name == "newsMessage") {
    // A message holding several items: the first news item is the article.
    pugi::xml_node item = descendant_named(root, "newsItem");
    if (!item) throw Error(ErrorKind::bad_input, file_name, "the NewsML-G2 message holds no news item");
    read_newsml_item(item, document, converter);
  } else {
    return false;
  }
  return true;
}

}  // namespace
}  // namespace xml

ReadResult read_newsml(const ReadOptions& options, std::string_view bytes) {
  return xml::read_xml_article(options, bytes, &xml::read_newsml_root);
}

}  // namespace galley::read
