#include "read/office.hpp"

#include <glib.h>

#include <algorithm>

#include "galley/text.hpp"
#include "image/images.hpp"
#include "read/zip_input.hpp"

namespace galley::read::detail {
namespace {

bool is_office_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Folds tokens [begin, end) into inlines, grouping by the flag at `level`
// (0 Strong, 1 Emph, 2 Strikeout), outermost first.
template <typename Token>
void fold_tokens(const std::vector<Token>& tokens, std::size_t begin, std::size_t end, int level, doc::Inlines& out) {
  static constexpr unsigned flags_by_level[] = {run_strong, run_emph, run_strike};
  if (level == 3) {
    for (std::size_t i = begin; i < end; ++i) {
      const doc::Inline& node = tokens[i].node;
      if (const auto* text = std::get_if<doc::Str>(&node)) {
        if (auto* previous = out.empty() ? nullptr : std::get_if<doc::Str>(&out.back())) {
          previous->text += text->text;
          continue;
        }
      }
      out.push_back(node);
    }
    return;
  }
  const unsigned flag = flags_by_level[level];
  std::size_t start = begin;
  while (start < end) {
    const bool on = (tokens[start].flags & flag) != 0;
    std::size_t stop = start;
    while (stop < end && ((tokens[stop].flags & flag) != 0) == on) ++stop;
    // Spaces at the edges of a formatted stretch stay outside it.
    std::size_t inner_begin = start, inner_end = stop;
    if (on) {
      while (inner_begin < inner_end && std::holds_alternative<doc::Space>(tokens[inner_begin].node)) ++inner_begin;
      while (inner_end > inner_begin && std::holds_alternative<doc::Space>(tokens[inner_end - 1].node)) --inner_end;
    }
    if (!on) {
      fold_tokens(tokens, start, stop, level + 1, out);
    } else {
      if (inner_begin > start) fold_tokens(tokens, start, inner_begin, 3, out);
      doc::Inlines body;
      fold_tokens(tokens, inner_begin, inner_end, level + 1, body);
      if (!body.empty()) {
        if (level == 0) out.emplace_back(doc::Strong{std::move(body)});
        else if (level == 1) out.emplace_back(doc::Emph{std::move(body)});
        else out.emplace_back(doc::Strikeout{std::move(body)});
      }
      if (stop > inner_end) fold_tokens(tokens, inner_end, stop, 3, out);
    }
    start = stop;
  }
}

bool is_level_one_heading(const doc::Block& block) {
  const auto* heading = std::get_if<doc::Heading>(&block);
  return heading && heading->level == 1;
}

}  // namespace

std::string_view local_name(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node node : parent.children())
    if (is_element(node, name)) return node;
  return {};
}

pugi::xml_node descendant(pugi::xml_node parent, std::string_view name) {
  return parent.find_node([name](pugi::xml_node node) { return is_element(node, name); });
}

std::string attribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute item : node.attributes())
    if (local_name(item.name()) == name) return item.value();
  return {};
}

std::string all_text(pugi::xml_node root, std::string_view text_name) {
  std::string text;
  pugi::xml_node node = root.first_child();
  while (node) {
    if (text_name.empty() ? node.type() == pugi::node_pcdata : is_element(node, text_name)) {
      text += text_name.empty() ? node.value() : node.text().get();
      text += ' ';
    }
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != root && !node.next_sibling()) node = node.parent();
    if (node == root) break;
    node = node.next_sibling();
  }
  return text;
}

void load_xml_part(ZipInput& zip, const std::string& name, XmlPart& part, const std::string& file_name,
                   Diagnostics& diagnostics, const char* required_by) {
  part.name = name;
  std::optional<std::string> bytes = zip.read(name);
  if (!bytes) {
    if (required_by) throw Error(ErrorKind::bad_input, file_name, std::string(required_by) + " has no " + name);
    return;
  }
  // No DOCTYPE is parsed and no entity but the predefined five is
  // expanded: "&bomb;" stays literal text.
  part.text = std::move(*bytes);
  const pugi::xml_parse_result result = part.document.load_buffer(
      part.text.data(), part.text.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
  if (!result) {
    const std::string message =
        name + " is not well-formed XML (" + result.description() + " at byte " + std::to_string(result.offset) + ")";
    if (required_by) throw Error(ErrorKind::bad_input, file_name, message);
    diagnostics.push_back({file_name, 0, message + "; left out"});
    part.document.reset();
  }
}

doc::SourceLine source_line_of(pugi::xml_node node, const std::vector<const XmlPart*>& parts) {
  for (const XmlPart* part : parts) {
    if (!part || node.root() != part->document) continue;
    // pugixml keeps byte offsets into what it parsed; the line ends before
    // one give the line.
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0 || static_cast<std::size_t>(offset) > part->text.size()) return {part->name, 0};
    return {part->name, 1 + static_cast<int>(std::count(part->text.begin(), part->text.begin() + offset, '\n'))};
  }
  return {};
}

std::string file_and_part(const std::string& file_name, const doc::SourceLine& where) {
  return where.part.empty() ? file_name : file_name + ":" + where.part;
}

std::string clean_office_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const char* position = text.data();
  const char* end = text.data() + text.size();
  while (position < end) {
    const char* invalid = nullptr;
    g_utf8_validate(position, end - position, &invalid);
    const char* valid_end = invalid ? invalid : end;
    while (position < valid_end) {
      const gunichar c = g_utf8_get_char(position);
      const char* next = g_utf8_next_char(position);
      if (c == '\t' || c == '\n' || c == '\r')
        out += ' ';
      else if (!(c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF))
        out.append(position, static_cast<std::size_t>(next - position));
      position = next;
    }
    if (position < end) {
      out += "\uFFFD";  // a byte that is not UTF-8
      ++position;
    }
  }
  return out;
}

void InlineBuilder::text(std::string_view raw, unsigned flags) {
  const std::string text = clean_office_text(raw);
  if (flags & run_code) {
    // Code keeps its spaces; neighbouring code runs are one Code.
    if (text.empty()) return;
    if (!tokens_.empty() && (tokens_.back().flags & run_code))
      if (auto* code = std::get_if<doc::Code>(&tokens_.back().node)) {
        code->text += text;
        return;
      }
    tokens_.push_back({flags, doc::Code{text}});
    return;
  }
  std::size_t position = 0;
  while (position < text.size()) {
    if (is_office_space(text[position])) {
      while (position < text.size() && is_office_space(text[position])) ++position;
      if (!tokens_.empty() && !std::holds_alternative<doc::Space>(tokens_.back().node) &&
          !std::holds_alternative<doc::LineBreak>(tokens_.back().node))
        tokens_.push_back({flags, doc::Space{}});
      continue;
    }
    std::size_t end = position;
    while (end < text.size() && !is_office_space(text[end])) ++end;
    // Through leaf's by-value parameter: built in place, GCC 12 takes the
    // variant's storage for uninitialized in some unity batches.
    leaf(doc::Str{std::string(text.substr(position, end - position))}, flags);
    position = end;
  }
}

void InlineBuilder::leaf(doc::Inline inline_node, unsigned flags) {
  if (std::holds_alternative<doc::LineBreak>(inline_node) && !tokens_.empty() &&
      std::holds_alternative<doc::Space>(tokens_.back().node))
    tokens_.pop_back();  // no space before a line break
  tokens_.push_back({flags, std::move(inline_node)});
}

doc::Inlines InlineBuilder::finish(Edges* edges) {
  auto is_blank = [](const Token& token) {
    return std::holds_alternative<doc::Space>(token.node) || std::holds_alternative<doc::LineBreak>(token.node);
  };
  if (edges) {
    edges->leading_space = !tokens_.empty() && std::holds_alternative<doc::Space>(tokens_.front().node);
    edges->trailing_space = !tokens_.empty() && std::holds_alternative<doc::Space>(tokens_.back().node);
  }
  while (!tokens_.empty() && is_blank(tokens_.back())) tokens_.pop_back();
  std::size_t first = 0;
  while (first < tokens_.size() && is_blank(tokens_[first])) ++first;
  // A space right after a line break is the start of the next line.
  std::vector<Token> tokens;
  tokens.reserve(tokens_.size() - first);
  for (std::size_t i = first; i < tokens_.size(); ++i) {
    if (std::holds_alternative<doc::Space>(tokens_[i].node) && !tokens.empty() &&
        std::holds_alternative<doc::LineBreak>(tokens.back().node))
      continue;
    tokens.push_back(std::move(tokens_[i]));
  }
  tokens_.clear();
  doc::Inlines out;
  fold_tokens(tokens, 0, tokens.size(), 0, out);
  return out;
}

bool embed_office_image(doc::Document& document, const std::string& name, std::string bytes,
                        const std::string& file_name, const doc::SourceLine& where, Diagnostics& diagnostics) {
  if (document.embedded_images.count(name) != 0) return true;
  if (!image::read_image_header(bytes)) {
    std::string kind;
    std::string extension = name.substr(std::min(name.size(), name.rfind('.') + 1));
    for (char& c : extension) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    kind = extension.empty() || extension.size() > 5 ? "a format" : extension;
    diagnostics.push_back({file_and_part(file_name, where), where.line, "picture " + name + " is " + (kind == "a format" ? kind : "in " + kind) +
                                             " galley cannot draw (it embeds PNG and JPEG); its description is kept"});
    return false;
  }
  document.embedded_images.emplace(name, std::move(bytes));
  return true;
}

std::optional<doc::Date> parse_office_date(std::string_view text) {
  auto digits = [&](std::size_t start, std::size_t count) -> int {
    if (start + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = start; i < start + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  text.remove_prefix(first);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  doc::Date date{digits(0, 4), digits(5, 2), digits(8, 2)};
  // Word writes 1601-01-01 (its zero) and pandoc 0001 for "never".
  if (date.year < 1700 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return std::nullopt;
  return date;
}

void add_office_keywords(std::string_view text, std::vector<std::string>& keywords) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(",;", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string keyword = doc::plain_text(doc::inlines_from_text(clean_office_text(text.substr(start, end - start))));
    if (!keyword.empty() && std::find(keywords.begin(), keywords.end(), keyword) == keywords.end())
      keywords.push_back(keyword);
    start = end + 1;
  }
}

void settle_office_headings(doc::Document& document) {
  if (document.meta.title.empty()) {
    auto first_heading = std::find_if(document.blocks.begin(), document.blocks.end(), [](const doc::Block& block) {
      return std::holds_alternative<doc::Heading>(block);
    });
    const bool leads = first_heading == document.blocks.begin();
    if (first_heading != document.blocks.end() && is_level_one_heading(*first_heading) &&
        (leads || std::count_if(document.blocks.begin(), document.blocks.end(), is_level_one_heading) == 1)) {
      document.meta.title = doc::plain_text(std::get<doc::Heading>(*first_heading).body);
      document.blocks.erase(first_heading);
    }
  }
  if (std::any_of(document.blocks.begin(), document.blocks.end(), is_level_one_heading))
    for (doc::Block& block : document.blocks)
      if (auto* heading = std::get_if<doc::Heading>(&block)) heading->level = std::min(heading->level + 1, 6);
  // Word processors pick heading styles by their look, so levels skip
  // (Heading 2, then Heading 5): each heading goes at most one level below
  // the one before it (the headline is level 1), as readers of the outline
  // and accessibility checkers (Ace's heading-order) expect.
  int previous = 1;
  for (doc::Block& block : document.blocks)
    if (auto* heading = std::get_if<doc::Heading>(&block)) {
      heading->level = std::min(heading->level, previous + 1);
      previous = heading->level;
    }
}

std::string office_language_tag(std::string lang) {
  std::replace(lang.begin(), lang.end(), '_', '-');
  if (lang.size() > 35) return {};
  for (char c : lang)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return {};
  return lang;
}

}  // namespace galley::read::detail
