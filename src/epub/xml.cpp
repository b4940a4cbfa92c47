#include "epub/xml.hpp"

namespace galley::epub::detail {
namespace {

struct StringWriter final : pugi::xml_writer {
  std::string text;
  void write(const void* data, std::size_t size) override { text.append(static_cast<const char*>(data), size); }
};

}  // namespace

void add_xml_declaration(pugi::xml_document& document) {
  pugi::xml_node declaration = document.prepend_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
}

std::string to_xml_string(const pugi::xml_document& document) {
  StringWriter writer;
  document.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  if (writer.text.empty() || writer.text.back() != '\n') writer.text += '\n';
  return std::move(writer.text);
}

void add_line_break(pugi::xml_node parent) { append_text(parent, "\n"); }

pugi::xml_node append_block(pugi::xml_node parent, const char* name) {
  add_line_break(parent);
  return parent.append_child(name);
}

void append_text(pugi::xml_node parent, std::string_view text) {
  if (text.empty()) return;
  pugi::xml_node last = parent.last_child();
  if (last.type() != pugi::node_pcdata) last = parent.append_child(pugi::node_pcdata);
  std::string joined = last.value();
  joined.append(text);
  last.set_value(joined.c_str());
}

pugi::xml_node append_text_element(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node element = parent.append_child(name);
  append_text(element, text);
  return element;
}

}  // namespace galley::epub::detail
