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

// The marked runs of some text, in reading order, nested ones after the run
// that holds them: emphasis, strong, strikeout, code and links, each with
// its words (and a link its address).
void collect_spans(const doc::Inlines& inlines, std::vector<std::string>& spans) {
  for (const doc::Inline& item : inlines)
    std::visit(
        [&spans](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          auto span = [&spans](const char* style, const std::string& text, const std::string& extra = {}) {
            spans.push_back("{" + field("style", style) + ", " + field("text", text) + extra + "}");
          };
          if constexpr (std::is_same_v<Node, doc::Emph>) {
            span("emphasis", doc::plain_text(node.body));
            collect_spans(node.body, spans);
          } else if constexpr (std::is_same_v<Node, doc::Strong>) {
            span("strong", doc::plain_text(node.body));
            collect_spans(node.body, spans);
          } else if constexpr (std::is_same_v<Node, doc::Strikeout>) {
            span("strikeout", doc::plain_text(node.body));
            collect_spans(node.body, spans);
          } else if constexpr (std::is_same_v<Node, doc::Link>) {
            span("link", doc::plain_text(node.body), ", " + field("url", node.url));
            collect_spans(node.body, spans);
          } else if constexpr (std::is_same_v<Node, doc::Code>) {
            span("code", node.text);
          }
        },
        item);
}

// The same for the text of blocks inside a quotation, an aside or a list.
void collect_block_spans(const doc::Blocks& blocks, std::vector<std::string>& spans) {
  for (const doc::Block& block : blocks)
    std::visit(
        [&spans](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, doc::Para> || std::is_same_v<Node, doc::Heading> ||
                        std::is_same_v<Node, doc::PullQuote>) {
            collect_spans(node.body, spans);
          } else if constexpr (std::is_same_v<Node, doc::Figure>) {
            collect_spans(node.caption, spans);
          } else if constexpr (std::is_same_v<Node, doc::Quote> || std::is_same_v<Node, doc::Aside>) {
            collect_block_spans(node.body, spans);
          } else if constexpr (std::is_same_v<Node, doc::List>) {
            for (const doc::Blocks& item : node.items) collect_block_spans(item, spans);
          }
        },
        block);
}

// ", \"spans\": [...]" for text with marked runs; nothing for plain text.
std::string spans_field(const std::vector<std::string>& spans) {
  if (spans.empty()) return {};
  std::string out = ", \"spans\": [";
  for (std::size_t index = 0; index < spans.size(); ++index) out += (index ? ", " : "") + spans[index];
  return out + "]";
}

std::string spans_field(const doc::Inlines& inlines) {
  std::vector<std::string> spans;
  collect_spans(inlines, spans);
  return spans_field(spans);
}

std::string spans_field(const doc::Blocks& blocks) {
  std::vector<std::string> spans;
  collect_block_spans(blocks, spans);
  return spans_field(spans);
}

std::string block_json(const doc::Block& block) {
  return std::visit(
      [&block](const auto& node) -> std::string {
        using Node = std::decay_t<decltype(node)>;
        std::string text = field("text", doc::plain_text(block));
        if constexpr (std::is_same_v<Node, doc::Para>) {
          std::string role = node.role == doc::ParaRole::lede ? ", \"role\": \"lede\"" : "";
          return "{\"type\": \"paragraph\", " + text + role + spans_field(node.body) + "}";
        } else if constexpr (std::is_same_v<Node, doc::Heading>) {
          return "{\"type\": \"heading\", \"level\": " + std::to_string(node.level) + ", " + text +
                 spans_field(node.body) + "}";
        } else if constexpr (std::is_same_v<Node, doc::Figure>) {
          std::string out = "{\"type\": \"figure\", " + text;
          if (!node.credit.empty()) out += ", " + field("credit", doc::plain_text(node.credit));
          if (!node.credit_label.empty()) out += ", " + field("credit_label", node.credit_label);
          if (!node.src.empty()) out += ", " + field("src", node.src);
          if (!node.alt.empty()) out += ", " + field("alt", node.alt);
          if (!node.title.empty()) out += ", " + field("title", node.title);
          return out + spans_field(node.caption) + "}";
        } else if constexpr (std::is_same_v<Node, doc::Quote>) {
          return "{\"type\": \"quote\", " + text + spans_field(node.body) + "}";
        } else if constexpr (std::is_same_v<Node, doc::PullQuote>) {
          return "{\"type\": \"pullquote\", " + text + spans_field(node.body) + "}";
        } else if constexpr (std::is_same_v<Node, doc::Aside>) {
          return "{\"type\": \"aside\", " + text + spans_field(node.body) + "}";
        } else if constexpr (std::is_same_v<Node, doc::CodeBlock>) {
          return "{\"type\": \"code\", " + text + "}";
        } else if constexpr (std::is_same_v<Node, doc::Rule>) {
          return "{\"type\": \"rule\"}";
        } else if constexpr (std::is_same_v<Node, doc::List>) {
          std::vector<std::string> items, spans;
          for (const doc::Blocks& item : node.items) {
            items.push_back(doc::plain_text(item));
            collect_block_spans(item, spans);
          }
          return std::string("{\"type\": \"list\", \"ordered\": ") + (node.ordered ? "true" : "false") +
                 ", \"items\": " + string_array(items) + spans_field(spans) + "}";
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
  out += "\n ]";
  if (!document.footnotes.empty()) {
    out += ",\n \"footnotes\": [";
    for (std::size_t index = 0; index < document.footnotes.size(); ++index) {
      const doc::Footnote& note = document.footnotes[index];
      out += std::string(index ? ",\n  " : "\n  ") + "{" + field("id", note.id) + ", " +
             field("text", doc::plain_text(note.body)) + "}";
    }
    out += "\n ]";
  }
  return out + "}\n";
}

}  // namespace galley::app
