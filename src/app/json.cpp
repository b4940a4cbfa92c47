#include "app/json.hpp"

#include <cstdio>
#include <type_traits>

#include "galley/text.hpp"

namespace galley::app {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

namespace {

std::string field(const char* name, const std::string& value) { return json_string(name) + ": " + json_string(value); }

std::string string_array(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t index = 0; index < values.size(); ++index) out += (index ? ", " : "") + json_string(values[index]);
  return out + "]";
}

std::string meta_json(const doc::Meta& meta) {
  std::vector<std::string> fields = {field("title", meta.title)};
  auto optional = [&fields](const char* name, const std::string& value) {
    if (!value.empty()) fields.push_back(field(name, value));
  };
  optional("subtitle", meta.subtitle);
  if (!meta.authors.empty()) fields.push_back(json_string("authors") + ": " + string_array(meta.authors));
  if (meta.date) fields.push_back(field("date", doc::iso_date(*meta.date)));
  optional("byline", meta.byline);
  optional("date_text", meta.date_text);
  optional("dateline", meta.dateline);
  fields.push_back(field("lang", meta.lang));
  optional("publisher", meta.publisher);
  optional("source", meta.source);
  optional("identifier", meta.identifier);
  optional("rights", meta.rights);
  optional("description", meta.description);
  optional("section", meta.section);
  if (!meta.keywords.empty()) fields.push_back(json_string("keywords") + ": " + string_array(meta.keywords));
  optional("cover_image", meta.cover_image);
  optional("style", meta.style);
  std::string out = "{";
  for (std::size_t index = 0; index < fields.size(); ++index) out += (index ? ", " : "") + fields[index];
  return out + "}";
}

std::string block_json(const doc::Block& block) {
  return std::visit(
      [&block](const auto& node) -> std::string {
        using Node = std::decay_t<decltype(node)>;
        std::string text = field("text", doc::plain_text(block));
        if constexpr (std::is_same_v<Node, doc::Para>) {
          std::string role = node.role == doc::ParaRole::lede ? ", \"role\": \"lede\"" : "";
          return "{\"type\": \"paragraph\", " + text + role + "}";
        } else if constexpr (std::is_same_v<Node, doc::Heading>) {
          return "{\"type\": \"heading\", \"level\": " + std::to_string(node.level) + ", " + text + "}";
        } else if constexpr (std::is_same_v<Node, doc::Figure>) {
          std::string out = "{\"type\": \"figure\", " + text + ", " + field("credit", doc::plain_text(node.credit));
          if (!node.credit_label.empty()) out += ", " + field("credit_label", node.credit_label);
          if (!node.src.empty()) out += ", " + field("src", node.src);
          if (!node.alt.empty()) out += ", " + field("alt", node.alt);
          return out + "}";
        } else if constexpr (std::is_same_v<Node, doc::Quote>) {
          return "{\"type\": \"quote\", " + text + "}";
        } else if constexpr (std::is_same_v<Node, doc::PullQuote>) {
          return "{\"type\": \"pullquote\", " + text + "}";
        } else if constexpr (std::is_same_v<Node, doc::Aside>) {
          return "{\"type\": \"aside\", " + text + "}";
        } else if constexpr (std::is_same_v<Node, doc::CodeBlock>) {
          return "{\"type\": \"code\", " + text + "}";
        } else if constexpr (std::is_same_v<Node, doc::Rule>) {
          return "{\"type\": \"rule\", \"text\": \"\"}";
        } else if constexpr (std::is_same_v<Node, doc::List>) {
          std::vector<std::string> items;
          for (const doc::Blocks& item : node.items) items.push_back(doc::plain_text(item));
          return std::string("{\"type\": \"list\", \"ordered\": ") + (node.ordered ? "true" : "false") +
                 ", \"items\": " + string_array(items) + "}";
        } else {
          std::string rows = "[";
          bool first_row = true;
          for (const auto* group : {&node.header_rows, &node.body_rows})
            for (const auto& row : *group) {
              std::vector<std::string> cells;
              for (const doc::TableCell& cell : row) cells.push_back(doc::plain_text(cell.body));
              rows += (first_row ? "" : ", ") + string_array(cells);
              first_row = false;
            }
          return "{\"type\": \"table\", \"rows\": " + rows + "]}";
        }
      },
      block);
}

}  // namespace

std::string document_to_json(const doc::Document& document) {
  std::string out = "{\"meta\": " + meta_json(document.meta) + ",\n \"blocks\": [";
  for (std::size_t index = 0; index < document.blocks.size(); ++index)
    out += std::string(index ? ",\n  " : "\n  ") + block_json(document.blocks[index]);
  return out + "\n ]}\n";
}

}  // namespace galley::app
