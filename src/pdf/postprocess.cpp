#include "pdf/postprocess.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sstream>

#include "galley/errors.hpp"
#include "pdf/srgb_profile.hpp"

namespace galley::pdf::detail {

std::string format_utc(std::int64_t seconds, const char* format) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour,
                parts.tm_min, parts.tm_sec);
  return buffer;
}

std::string pdf_date(std::int64_t seconds) { return format_utc(seconds, "D:%04d%02d%02d%02d%02d%02dZ"); }

namespace {

std::string xmp_date(std::int64_t seconds) { return format_utc(seconds, "%04d-%02d-%02dT%02d:%02d:%02dZ"); }

// An rdf:Alt, rdf:Seq or rdf:Bag of values under `property`.
void add_container(pugi::xml_node description, const char* property, const char* container,
                   const std::vector<std::string>& values, bool language_alternative = false) {
  if (values.empty()) return;
  pugi::xml_node list = description.append_child(property).append_child(container);
  for (const std::string& value : values) {
    pugi::xml_node item = list.append_child("rdf:li");
    if (language_alternative) item.append_attribute("xml:lang") = "x-default";
    item.text() = value.c_str();
  }
}

void add_text(pugi::xml_node description, const char* property, const std::string& value) {
  if (!value.empty()) description.append_child(property).text() = value.c_str();
}

// The last `pages` pages become the first, in their order, and the last
// `elements` children of the Document structure element its first, so
// that reading order follows the pages.
void move_to_front(QPDF& pdf, std::size_t pages, std::size_t elements) {
  QPDFPageDocumentHelper document(pdf);
  std::vector<QPDFPageObjectHelper> all = document.getAllPages();
  if (pages == 0 || pages >= all.size()) return;
  QPDFPageObjectHelper first = all.front();
  for (std::size_t index = all.size() - pages; index < all.size(); ++index) {
    document.removePage(all[index]);
    document.addPageAt(all[index], true, first);
  }
  QPDFObjectHandle tree = pdf.getRoot().getKey("/StructTreeRoot");
  if (!tree.isDictionary() || elements == 0) return;
  QPDFObjectHandle top = tree.getKey("/K");
  if (top.isArray() && top.getArrayNItems() == 1) top = top.getArrayItem(0);
  if (!top.isDictionary()) return;
  QPDFObjectHandle kids = top.getKey("/K");
  if (!kids.isArray()) return;
  std::vector<QPDFObjectHandle> items = kids.getArrayAsVector();
  if (elements > items.size()) return;
  std::rotate(items.begin(), items.end() - static_cast<long>(elements), items.end());
  top.replaceKey("/K", QPDFObjectHandle::newArray(items));
}

// Every page's TrimBox `offset` points inside its MediaBox, and its
// BleedBox `bleed` points outside the TrimBox.
void set_print_boxes(QPDF& pdf, double offset, double bleed) {
  auto rectangle = [](const QPDFObjectHandle::Rectangle& media, double inset) {
    return QPDFObjectHandle::newArray(
        QPDFObjectHandle::Rectangle(media.llx + inset, media.lly + inset, media.urx - inset, media.ury - inset));
  };
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    const QPDFObjectHandle::Rectangle media = page.getMediaBox().getArrayAsRectangle();
    page.getObjectHandle().replaceKey("/TrimBox", rectangle(media, offset));
    page.getObjectHandle().replaceKey("/BleedBox", rectangle(media, offset - bleed));
  }
}

}  // namespace

void add_srgb_output_intent(QPDF& pdf) {
  const std::string_view profile_bytes = srgb_icc_profile();
  QPDFObjectHandle profile = QPDFObjectHandle::newStream(&pdf, std::string(profile_bytes));
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
  QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  // The subtype prepress tools read an output intent under; the file claims
  // no PDF/X version (that would be GTS_PDFXVersion in the Info dictionary).
  intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
  intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
  intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
  intent.replaceKey("/Info", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
  intent.replaceKey("/DestOutputProfile", profile);
  pdf.getRoot().replaceKey("/OutputIntents", QPDFObjectHandle::newArray({pdf.makeIndirectObject(intent)}));
}

std::string xmp_packet(const doc::Meta& meta, const std::string& lang, std::int64_t modified_time) {
  pugi::xml_document document;
  pugi::xml_node meta_element = document.append_child("x:xmpmeta");
  meta_element.append_attribute("xmlns:x") = "adobe:ns:meta/";
  pugi::xml_node rdf = meta_element.append_child("rdf:RDF");
  rdf.append_attribute("xmlns:rdf") = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  pugi::xml_node description = rdf.append_child("rdf:Description");
  description.append_attribute("rdf:about") = "";
  description.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  description.append_attribute("xmlns:xmp") = "http://ns.adobe.com/xap/1.0/";
  description.append_attribute("xmlns:pdf") = "http://ns.adobe.com/pdf/1.3/";
  add_container(description, "dc:title", "rdf:Alt", {meta.title}, true);
  add_container(description, "dc:creator", "rdf:Seq", meta.authors);
  if (!meta.subtitle.empty()) add_container(description, "dc:description", "rdf:Alt", {meta.subtitle}, true);
  add_container(description, "dc:subject", "rdf:Bag", meta.keywords);
  if (!lang.empty()) add_container(description, "dc:language", "rdf:Bag", {lang});
  if (!meta.publisher.empty()) add_container(description, "dc:publisher", "rdf:Bag", {meta.publisher});
  if (!meta.rights.empty()) add_container(description, "dc:rights", "rdf:Alt", {meta.rights}, true);
  add_text(description, "dc:format", "application/pdf");
  std::string date = xmp_date(modified_time);
  add_text(description, "xmp:CreateDate", date);
  add_text(description, "xmp:ModifyDate", date);
  add_text(description, "xmp:MetadataDate", date);
  add_text(description, "xmp:CreatorTool", "galley " GALLEY_VERSION);
  add_text(description, "pdf:Producer", "galley " GALLEY_VERSION " (Cairo, qpdf)");
  std::string keywords;
  for (const std::string& keyword : meta.keywords) keywords += (keywords.empty() ? "" : ", ") + keyword;
  add_text(description, "pdf:Keywords", keywords);

  std::ostringstream xml;
  document.save(xml, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  // The packet wrapper lets tools find and rewrite the XMP in place.
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>" + xml.str() + "<?xpacket end=\"w\"?>";
}

std::string postprocess(const std::string& cairo_pdf, const PostprocessOptions& options) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("galley.pdf", cairo_pdf.data(), cairo_pdf.size());

    // Cairo 1.16 writes its dates without the "D:" prefix the PDF format requires.
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (info.isDictionary()) {
      std::string date = pdf_date(options.modified_time);
      info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
      info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
      info.replaceKey("/Producer", QPDFObjectHandle::newString("galley " GALLEY_VERSION " (Cairo, qpdf)"));
    }
    // Joined first: the parts' places are counted as they were drawn.
    join_structure_elements(pdf, options.joined_elements);
    move_to_front(pdf, options.move_last_pages_to_front, options.move_last_elements_to_front);
    set_print_boxes(pdf, options.trim_offset, options.bleed);
    add_srgb_output_intent(pdf);
    QPDFObjectHandle root = pdf.getRoot();
    if (!options.lang.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newString(options.lang));
    QPDFObjectHandle metadata =
        QPDFObjectHandle::newStream(&pdf, xmp_packet(*options.meta, options.lang, options.modified_time));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);
    // Page labels, so viewers show the printed folio: arabic from 1.
    root.replaceKey("/PageLabels", QPDFObjectHandle::parse("<< /Nums [ 0 << /S /D >> ] >>"));
    // Readers show the title, not the file name, in their window.
    QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
    preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", preferences);

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    // The /ID is a digest of the content, so the same input gives the same bytes.
    writer.setDeterministicID(true);
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setCompressStreams(true);
    // Cairo already compressed its streams: pass them through, not decode and deflate them again.
    writer.setDecodeLevel(qpdf_dl_none);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& error) {
    throw Error(ErrorKind::internal, "", std::string("qpdf could not post-process the PDF: ") + error.what());
  }
}

}  // namespace galley::pdf::detail
