// The JATS reader (journal articles: PubMed Central, eLife and kin): the
// front matter's article-meta as the metadata, then the abstract, body,
// back matter and sub-articles through the shared XML-to-model converter.
#include "galley/text.hpp"
#include "read/readers.hpp"
#include "read/xml_model.hpp"

namespace galley::read {
namespace xml {
namespace {

// An author as the byline shows one: "given-names surname" from <name> (or
// <string-name> as written), else a group's name from <collab> without the
// members, affiliations and addresses a collab may list inside it.
std::string author_name(pugi::xml_node contrib) {
  if (pugi::xml_node name = child_named(contrib, "name")) {
    const std::string given = collapsed_text(child_named(name, "given-names"));
    const std::string surname = collapsed_text(child_named(name, "surname"));
    return given + (given.empty() || surname.empty() ? "" : " ") + surname;
  }
  if (pugi::xml_node name = child_named(contrib, "string-name")) return collapsed_text(name);
  pugi::xml_node collab = child_named(contrib, "collab");
  std::string group;
  for (pugi::xml_node child : collab.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      group += child.value();
    } else if (child.type() == pugi::node_element && local_name(child) != "contrib-group" &&
               local_name(child) != "aff" && local_name(child) != "address" && local_name(child) != "xref") {
      gather_text(child, group);
    }
  return doc::plain_text(doc::inlines_from_text(group));
}

void read_jats_article(pugi::xml_node article, doc::Document& document, XmlConverter& converter) {
  doc::Meta& meta = document.meta;
  meta.lang = attribute_of(article, "lang");
  pugi::xml_node front = child_named(article, "front");
  pugi::xml_node article_meta = child_named(front, "article-meta");
  if (pugi::xml_node group = child_named(article_meta, "title-group")) {
    meta.title = collapsed_text(child_named(group, "article-title"));
    meta.subtitle = collapsed_text(child_named(group, "subtitle"));
  }
  for (pugi::xml_node group : article_meta.children())
    if (local_name(group) == "contrib-group")
      for (pugi::xml_node contrib : group.children())
        if (local_name(contrib) == "contrib" && attribute_of(contrib, "contrib-type") == "author")
          if (std::string name = author_name(contrib); !name.empty()) meta.authors.push_back(name);
  for (pugi::xml_node date : article_meta.children())
    if (local_name(date) == "pub-date" && !meta.date) {
      doc::Date parsed;
      parsed.year = child_named(date, "year").text().as_int(0);
      parsed.month = child_named(date, "month").text().as_int(0);
      parsed.day = child_named(date, "day").text().as_int(0);
      if (parsed.year > 0) meta.date = parsed;
    }
  for (pugi::xml_node id : article_meta.children())
    if (local_name(id) == "article-id" && attribute_of(id, "pub-id-type") == "doi")
      meta.identifier = "https://doi.org/" + collapsed_text(id);
  if (pugi::xml_node permissions = child_named(article_meta, "permissions"))
    meta.rights = collapsed_text(child_named(permissions, "copyright-statement"));
  for (pugi::xml_node abstract : article_meta.children())
    if (local_name(abstract) == "abstract") {
      if (meta.description.empty()) meta.description = collapsed_text(abstract);
      doc::Blocks body = converter.blocks_of(abstract, 1);
      document.blocks.insert(document.blocks.end(), std::make_move_iterator(body.begin()),
                             std::make_move_iterator(body.end()));
    }
  for (std::string_view part : {"body", "back"}) {
    doc::Blocks body = converter.blocks_of(child_named(article, part), 1);
    document.blocks.insert(document.blocks.end(), std::make_move_iterator(body.begin()),
                           std::make_move_iterator(body.end()));
  }
  // Decision letters and author responses follow as sections of their own.
  for (pugi::xml_node sub_article : article.children()) {
    if (local_name(sub_article) != "sub-article") continue;
    pugi::xml_node stub = child_named(sub_article, "front-stub");
    if (!stub) stub = child_named(child_named(sub_article, "front"), "article-meta");
    doc::Heading heading;
    heading.level = 2;
    heading.body = converter.inlines_of(descendant_named(stub, "article-title"));
    if (!heading.body.empty()) document.blocks.emplace_back(std::move(heading));
    doc::Blocks body = converter.blocks_of(child_named(sub_article, "body"), 2);
    document.blocks.insert(document.blocks.end(), std::make_move_iterator(body.begin()),
                           std::make_move_iterator(body.end()));
  }
}

bool read_jats_root(pugi::xml_node root, doc::Document& document, XmlConverter& converter, const std::string&) {
  if (local_name(root) != "article" || !child_named(root, "front")) return false;
  read_jats_article(root, document, converter);
  return true;
}

}  // namespace
}  // namespace xml

ReadResult read_jats(const ReadOptions& options, std::string_view bytes) {
  return xml::read_xml_article(options, bytes, &xml::read_jats_root);
}

}  // namespace galley::read
