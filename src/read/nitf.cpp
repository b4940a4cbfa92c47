// The NITF 3.x reader: the head's docdata and pubdata, the body.head's
// headline, byline, dateline, abstract and notes, then body.content and
// body.end through the shared XML-to-model converter (xml_model.hpp).
#include "read/nitf.hpp"

#include "read/readers.hpp"

namespace galley::read {
namespace xml {
namespace {

void read_nitf_head(pugi::xml_node nitf, doc::Meta& meta) {
  pugi::xml_node head = child_named(nitf, "head");
  if (pugi::xml_node docdata = child_named(head, "docdata")) {
    if (pugi::xml_node id = child_named(docdata, "doc-id")) meta.identifier = attribute_of(id, "id-string");
    for (std::string_view name : {"date.release", "date.issue"})
      if (pugi::xml_node date = child_named(docdata, name))
        if (std::optional<doc::Date> parsed = parse_iso_date(attribute_of(date, "norm"))) {
          meta.date = parsed;
          break;
        }
    if (pugi::xml_node copyright = child_named(docdata, "doc.copyright")) {
      std::string year = attribute_of(copyright, "year"), holder = attribute_of(copyright, "holder");
      if (!year.empty() || !holder.empty())
        meta.rights = "\u00A9 " + year + (year.empty() || holder.empty() ? "" : " ") + holder;
    }
    if (pugi::xml_node keys = child_named(docdata, "key-list"))
      for (pugi::xml_node keyword : keys.children())
        if (local_name(keyword) == "keyword" && !attribute_of(keyword, "key").empty())
          meta.keywords.push_back(attribute_of(keyword, "key"));
  }
  if (pugi::xml_node pubdata = child_named(head, "pubdata")) {
    if (!meta.date)
      meta.date = parse_iso_date(attribute_of(pubdata, "date.publication"));
    if (meta.publisher.empty()) meta.publisher = attribute_of(pubdata, "name");
  }
  if (meta.title.empty()) meta.title = collapsed_text(child_named(head, "title"));
}

void read_nitf_body_head(pugi::xml_node body_head, doc::Meta& meta, XmlConverter& converter, doc::Blocks& blocks) {
  if (pugi::xml_node hedline = child_named(body_head, "hedline")) {
    if (std::string title = collapsed_text(child_named(hedline, "hl1")); !title.empty()) meta.title = title;
    if (std::string subtitle = collapsed_text(child_named(hedline, "hl2")); !subtitle.empty()) meta.subtitle = subtitle;
  }
  if (pugi::xml_node byline = child_named(body_head, "byline")) {
    for (pugi::xml_node person : byline.children())
      if (local_name(person) == "person") meta.authors.push_back(collapsed_text(person));
    std::string text = collapsed_text(byline, "byttl");
    while (!text.empty() && std::string_view(",;: ").find(text.back()) != std::string_view::npos) text.pop_back();
    const std::string title = collapsed_text(child_named(byline, "byttl"));
    if (meta.authors.empty() && !text.empty()) {
      std::string name = text;
      if (name.rfind("By ", 0) == 0 || name.rfind("by ", 0) == 0) name.erase(0, 3);
      meta.authors.push_back(name);
    }
    meta.byline = text.empty() ? title : title.empty() ? text : text + ", " + title;
  }
  if (pugi::xml_node dateline = child_named(body_head, "dateline")) {
    // Without its story.date (the article's date says that), a dateline's
    // trailing separator has nothing to separate.
    meta.dateline = collapsed_text(dateline, "story.date");
    while (!meta.dateline.empty() && std::string_view(",;: ").find(meta.dateline.back()) != std::string_view::npos)
      meta.dateline.pop_back();
  }
  if (pugi::xml_node abstract = child_named(body_head, "abstract")) meta.description = collapsed_text(abstract);
  // An editor's note travels with the story: kept, set apart, before the text.
  for (pugi::xml_node note : body_head.children())
    if (local_name(note) == "note") {
      doc::Blocks body = converter.blocks_of(note);
      if (!body.empty()) blocks.emplace_back(doc::Aside{std::move(body)});
    }
}

}  // namespace

void read_nitf_element(pugi::xml_node nitf, doc::Document& document, XmlConverter& converter) {
  read_nitf_head(nitf, document.meta);
  pugi::xml_node body = child_named(nitf, "body");
  if (std::string lang = attribute_of(nitf, "lang"); !lang.empty() && document.meta.lang.empty())
    document.meta.lang = lang;
  if (pugi::xml_node body_head = child_named(body, "body.head"))
    read_nitf_body_head(body_head, document.meta, converter, document.blocks);
  doc::Blocks content = converter.blocks_of(child_named(body, "body.content"));
  document.blocks.insert(document.blocks.end(), std::make_move_iterator(content.begin()),
                         std::make_move_iterator(content.end()));
  if (pugi::xml_node end = child_named(body, "body.end"))
    for (pugi::xml_node tagline : end.children())
      if (local_name(tagline) == "tagline")
        if (doc::Inlines text = converter.inlines_of(tagline); !text.empty())
          document.blocks.emplace_back(doc::Para{{doc::Emph{std::move(text)}}, doc::ParaRole::body});
}

}  // namespace xml

ReadResult read_nitf(const ReadOptions& options, std::string_view bytes) {
  return xml::read_xml_article(options, bytes,
                               [](pugi::xml_node root, doc::Document& document, xml::XmlConverter& converter,
                                  const std::string&) {
                                 if (xml::local_name(root) != "nitf") return false;
                                 xml::read_nitf_element(root, document, converter);
                                 return true;
                               });
}

}  // namespace galley::read
