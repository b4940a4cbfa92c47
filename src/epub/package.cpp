#include "epub/package.hpp"

#include <pugixml.hpp>

#include <string_view>

#include "epub/navigation.hpp"
#include "galley/text.hpp"
#include "epub/timestamp.hpp"
#include "epub/xml.hpp"
#include "epub/zip_archive.hpp"

namespace galley::epub::detail {
namespace {

constexpr const char* opf_namespace = "http://www.idpf.org/2007/opf";
constexpr const char* dc_namespace = "http://purl.org/dc/elements/1.1/";
constexpr const char* container_namespace = "urn:oasis:names:tc:opendocument:xmlns:container";
constexpr const char* epub_mimetype = "application/epub+zip";



// The manifest id of publication.images[index].
std::string image_id(std::size_t index) { return "image-" + std::to_string(index + 1); }

class Metadata {
 public:
  explicit Metadata(pugi::xml_node node) : node_(node) {}

  pugi::xml_node dc(const char* name, const std::string& text) {
    pugi::xml_node element = append_block(node_, name);
    append_text(element, text);
    return element;
  }
  pugi::xml_node property(const char* property, const std::string& text, const std::string& refines = {},
                          const char* scheme = nullptr) {
    pugi::xml_node meta = append_block(node_, "meta");
    if (!refines.empty()) meta.append_attribute("refines") = ("#" + refines).c_str();
    meta.append_attribute("property") = property;
    if (scheme != nullptr) meta.append_attribute("scheme") = scheme;
    append_text(meta, text);
    return meta;
  }

 private:
  pugi::xml_node node_;
};

void write_metadata(pugi::xml_node package, const Publication& publication) {
  const doc::Meta& meta = publication.meta;
  pugi::xml_node node = append_block(package, "metadata");
  node.append_attribute("xmlns:dc") = dc_namespace;
  Metadata metadata(node);

  metadata.dc("dc:identifier", publication.identifier).append_attribute("id") = "pub-id";
  metadata.dc("dc:title", display_title(meta)).append_attribute("id") = "title";
  if (!meta.subtitle.empty()) {
    metadata.property("title-type", "main", "title");
    metadata.dc("dc:title", meta.subtitle).append_attribute("id") = "subtitle";
    metadata.property("title-type", "subtitle", "subtitle");
  }
  metadata.dc("dc:language", publication.lang);
  for (std::size_t i = 0; i < meta.authors.size(); ++i) {
    const std::string id = "creator-" + std::to_string(i + 1);
    metadata.dc("dc:creator", meta.authors[i]).append_attribute("id") = id.c_str();
    metadata.property("role", "aut", id, "marc:relators");
  }
  if (!meta.publisher.empty()) metadata.dc("dc:publisher", meta.publisher);
  // The series an edition belongs to and its number there, as EPUB 3 names
  // them: library views group and sort issues by these.
  if (publication.collection && !publication.collection->name.empty()) {
    metadata.property("belongs-to-collection", publication.collection->name).append_attribute("id") = "collection";
    metadata.property("collection-type", "series", "collection");
    if (publication.collection->position)
      metadata.property("group-position", std::to_string(*publication.collection->position), "collection");
  }
  if (meta.date)
    if (const std::string date = doc::iso_date(*meta.date); !date.empty()) metadata.dc("dc:date", date);
  if (!meta.source.empty()) metadata.dc("dc:source", meta.source);
  if (!meta.rights.empty()) metadata.dc("dc:rights", meta.rights);
  // A store shows the description under the title; the standfirst is the
  // article's own summary when it has no other.
  if (const std::string& description = meta.description.empty() ? meta.subtitle : meta.description; !description.empty())
    metadata.dc("dc:description", description);
  for (const std::string& keyword : meta.keywords)
    if (!keyword.empty()) metadata.dc("dc:subject", keyword);
  metadata.property("dcterms:modified", format_utc_timestamp(publication.modified_time));

  // Schema.org accessibility metadata (EPUB Accessibility 1.0): what a reader
  // needs to know before choosing the book. Every image carries alternative
  // text, so text alone is still sufficient.
  const bool has_images = !publication.images.empty();
  metadata.property("schema:accessMode", "textual");
  if (has_images) metadata.property("schema:accessMode", "visual");
  metadata.property("schema:accessModeSufficient", "textual");
  if (has_images) metadata.property("schema:accessModeSufficient", "textual,visual");
  metadata.property("schema:accessibilityFeature", "structuralNavigation");
  metadata.property("schema:accessibilityFeature", "tableOfContents");
  metadata.property("schema:accessibilityFeature", "readingOrder");
  if (has_images) metadata.property("schema:accessibilityFeature", "alternativeText");
  const bool page_list = has_page_list(publication);
  if (page_list) {
    metadata.property("schema:accessibilityFeature", "printPageNumbers");
    metadata.property("schema:accessibilityFeature", "pageBreakMarkers");
    metadata.property("schema:accessibilityFeature", "pageNavigation");
  }
  metadata.property("schema:accessibilityHazard", "none");
  const std::string& subject = publication.summary_subject;
  const bool vowel = !subject.empty() && std::string_view("aeiou").find(subject.front()) != std::string_view::npos;
  std::string summary = has_images ? std::string(vowel ? "An " : "A ") + subject +
                                         " with images described by alternative text, a table of contents"
                                   : "A text-only " + subject + " with a table of contents";
  summary += ", headings for structural navigation";
  if (page_list) summary += ", the page numbers of its print edition";
  summary += " and footnotes linked in both directions; reading order follows the text.";
  metadata.property("schema:accessibilitySummary", summary);
  // The claim the content is made to meet (EPUB Accessibility 1.1), and
  // which print edition the page numbers are those of.
  metadata.property("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.2 Level AA");
  // The page-break source, as EPUB 3.2 names it: a dc:source refined as
  // the source of the pagination. (The newer pageBreakSource property is
  // an error to epubcheck 4.2; Ace accepts either form.)
  if (page_list && !publication.page_break_source.empty()) {
    metadata.dc("dc:source", publication.page_break_source).append_attribute("id") = "print-edition";
    metadata.property("source-of", "pagination", "print-edition");
  }
  // EPUB 2 reading systems (and some stores' library views) find the cover
  // image only this way.
  for (std::size_t i = 0; i < publication.images.size(); ++i)
    if (publication.images[i].cover) {
      pugi::xml_node cover = append_block(node, "meta");
      cover.append_attribute("name") = "cover";
      cover.append_attribute("content") = image_id(i).c_str();
      break;
    }
  add_line_break(node);
}

void write_manifest_and_spine(pugi::xml_node package, const Publication& publication) {
  pugi::xml_node manifest = append_block(package, "manifest");
  auto add_item = [&](const std::string& id, const std::string& href, const char* media_type,
                      const char* properties = nullptr) {
    pugi::xml_node item = append_block(manifest, "item");
    item.append_attribute("id") = id.c_str();
    item.append_attribute("href") = href.c_str();
    item.append_attribute("media-type") = media_type;
    if (properties != nullptr) item.append_attribute("properties") = properties;
  };
  add_item("nav", nav_document_name, "application/xhtml+xml", "nav");
  add_item("ncx", ncx_name, "application/x-dtbncx+xml");
  add_item("css", stylesheet_name, "text/css");
  if (!publication.cover_page.empty()) add_item("cover", cover_page_name, "application/xhtml+xml");
  for (std::size_t i = 0; i < publication.chapters.size(); ++i)
    add_item("chapter-" + std::to_string(i + 1), publication.chapters[i].file_name, "application/xhtml+xml");
  for (std::size_t i = 0; i < publication.images.size(); ++i) {
    const PackagedImage& image = publication.images[i];
    add_item(image_id(i), image.file_name, image.media_type.c_str(),
             image.cover ? "cover-image" : nullptr);
  }
  for (std::size_t i = 0; i < publication.fonts.size(); ++i)
    add_item("font-" + std::to_string(i + 1), publication.fonts[i].file_name, publication.fonts[i].media_type.c_str());
  add_line_break(manifest);

  pugi::xml_node spine = append_block(package, "spine");
  spine.append_attribute("toc") = "ncx";  // the NCX, for EPUB 2 reading systems
  if (!publication.cover_page.empty()) append_block(spine, "itemref").append_attribute("idref") = "cover";
  for (std::size_t i = 0; i < publication.chapters.size(); ++i)
    append_block(spine, "itemref").append_attribute("idref") = ("chapter-" + std::to_string(i + 1)).c_str();
  // The contents page is reachable from the landmarks and the reader's menu
  // but is not part of the reading order.
  pugi::xml_node nav = append_block(spine, "itemref");
  nav.append_attribute("idref") = "nav";
  nav.append_attribute("linear") = "no";
  add_line_break(spine);
}

}  // namespace

std::string write_package_document(const Publication& publication) {
  pugi::xml_document xml;
  add_xml_declaration(xml);
  add_line_break(xml);
  pugi::xml_node package = xml.append_child("package");
  package.append_attribute("xmlns") = opf_namespace;
  package.append_attribute("version") = "3.0";
  package.append_attribute("unique-identifier") = "pub-id";
  package.append_attribute("xml:lang") = publication.lang.c_str();
  write_metadata(package, publication);
  write_manifest_and_spine(package, publication);
  add_line_break(package);
  return to_xml_string(xml);
}

std::string write_container() {
  pugi::xml_document xml;
  add_xml_declaration(xml);
  add_line_break(xml);
  pugi::xml_node container = xml.append_child("container");
  container.append_attribute("version") = "1.0";
  container.append_attribute("xmlns") = container_namespace;
  pugi::xml_node rootfiles = append_block(container, "rootfiles");
  pugi::xml_node rootfile = append_block(rootfiles, "rootfile");
  rootfile.append_attribute("full-path") = (std::string(content_folder) + package_document_name).c_str();
  rootfile.append_attribute("media-type") = "application/oebps-package+xml";
  add_line_break(rootfiles);
  add_line_break(container);
  return to_xml_string(xml);
}

std::string package_epub(const Publication& publication) {
  const std::vector<NavItem> contents = table_of_contents(publication);
  const std::string container = write_container();
  const std::string package_document = write_package_document(publication);
  const std::string nav_document = write_nav_document(publication, contents);
  const std::string ncx = write_ncx(publication, contents);

  auto in_content_folder = [](const std::string& name) { return std::string(content_folder) + name; };
  std::vector<ZipEntry> entries;
  // OCF: the first entry is "mimetype", stored, so that tools can identify
  // the file by the bytes at offset 38.
  entries.push_back({"mimetype", epub_mimetype, Compression::store});
  entries.push_back({"META-INF/container.xml", container, Compression::deflate});
  entries.push_back({in_content_folder(package_document_name), package_document, Compression::deflate});
  entries.push_back({in_content_folder(nav_document_name), nav_document, Compression::deflate});
  entries.push_back({in_content_folder(ncx_name), ncx, Compression::deflate});
  entries.push_back({in_content_folder(stylesheet_name), publication.stylesheet, Compression::deflate});
  if (!publication.cover_page.empty())
    entries.push_back({in_content_folder(cover_page_name), publication.cover_page, Compression::deflate});
  for (const PackagedChapter& packaged : publication.chapters)
    entries.push_back({in_content_folder(packaged.file_name), packaged.chapter.xhtml, Compression::deflate});
  // PNG and JPEG are compressed already: deflating them again gains nothing.
  for (const PackagedImage& image : publication.images)
    entries.push_back({in_content_folder(image.file_name), image.bytes, Compression::store});
  for (const PackagedImage& font : publication.fonts)
    entries.push_back({in_content_folder(font.file_name), font.bytes, Compression::deflate});
  return write_zip(entries, publication.modified_time);
}

}  // namespace galley::epub::detail
