// The chapter writer's blocks and inlines (epub/chapter_writer.hpp).
#include "epub/chapter_writer.hpp"

#include <type_traits>

#include "epub/xml.hpp"
#include "galley/text.hpp"

namespace galley::epub::detail {

void ChapterWriter::write_blocks(pugi::xml_node parent, const doc::Blocks& blocks) {
  for (const doc::Block& block : blocks) write_block(parent, block);
}

void ChapterWriter::write_block(pugi::xml_node parent, const doc::Block& block) {
  if (!std::holds_alternative<doc::Para>(block) && !std::holds_alternative<doc::Heading>(block) &&
      !std::holds_alternative<doc::CodeBlock>(block))
    write_block_markers(parent, block_numbers_.at(&block));
  std::visit(
      [&](const auto& node) {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, doc::Para> || std::is_same_v<Node, doc::Heading> ||
                      std::is_same_v<Node, doc::CodeBlock>) {
          TextMarkers markers(*this, block);
          pugi::xml_node element;
          if constexpr (std::is_same_v<Node, doc::Para>) element = write_para(parent, node);
          else if constexpr (std::is_same_v<Node, doc::Heading>) element = write_heading(parent, node);
          else element = write_code_block(parent, node);
          markers.finish(element);
        }
        else if constexpr (std::is_same_v<Node, doc::Figure>) write_figure(parent, node);
        else if constexpr (std::is_same_v<Node, doc::Quote>) write_quote(parent, node);
        else if constexpr (std::is_same_v<Node, doc::PullQuote>) write_pull_quote(parent, node);
        else if constexpr (std::is_same_v<Node, doc::Aside>) write_aside(parent, node);
        else if constexpr (std::is_same_v<Node, doc::List>) write_list(parent, node);
        else if constexpr (std::is_same_v<Node, doc::Table>) write_table(parent, node);
        else append_block(parent, "hr");  // doc::Rule
      },
      block);
}

pugi::xml_node ChapterWriter::write_para(pugi::xml_node parent, const doc::Para& para) {
  pugi::xml_node paragraph = append_block(parent, "p");
  if (para.role == doc::ParaRole::lede) paragraph.append_attribute("class") = "lede";
  write_inlines(paragraph, para.body);
  return paragraph;
}

pugi::xml_node ChapterWriter::write_heading(pugi::xml_node parent, const doc::Heading& heading) {
  const std::string name = "h" + std::to_string(heading_level(heading));
  pugi::xml_node element = append_block(parent, name.c_str());
  element.append_attribute("id") = heading_ids_.at(&heading).c_str();
  write_inlines(element, heading.body);
  return element;
}

void ChapterWriter::write_figure(pugi::xml_node parent, const doc::Figure& figure) {
  // An <img> naming a file outside the package is an error in EPUB: a
  // figure without a packaged image is its caption.
  const auto image = figure.src.empty() ? image_hrefs_.end() : image_hrefs_.find(figure.src);
  const bool has_image = image != image_hrefs_.end();
  // A picture that could not be had is described in its place, as text:
  // no <img> names a file the package lacks.
  const std::string description = doc::missing_image_description(figure);
  if (!has_image && description.empty() && figure.caption.empty() && figure.credit.empty()) return;
  pugi::xml_node element = append_block(parent, "figure");
  if (has_image) {
    pugi::xml_node img = append_block(element, "img");
    img.append_attribute("src") = image->second.c_str();
    img.append_attribute("alt") = figure.alt.c_str();
  } else if (!description.empty()) {
    pugi::xml_node described = append_block(element, "p");
    described.append_attribute("class") = "missing-image";
    pugi::xml_node emphasis = described.append_child("em");
    append_text(emphasis, description);
  }
  if (figure.caption.empty() && figure.credit.empty()) {
    add_line_break(element);
    return;
  }
  pugi::xml_node caption = append_block(element, "figcaption");
  write_inlines(caption, figure.caption);
  if (!figure.credit.empty()) {
    // The space keeps caption and credit apart in readers without CSS.
    if (!figure.caption.empty()) append_text(caption, " ");
    pugi::xml_node credit = caption.append_child("span");
    credit.append_attribute("class") = "credit";
    credit.append_attribute("epub:type") = "credit";
    credit.append_attribute("role") = "doc-credit";
    write_inlines(credit, doc::labelled_credit(figure));
  }
  add_line_break(element);
}

void ChapterWriter::write_quote(pugi::xml_node parent, const doc::Quote& quote) {
  if (quote.attribution.empty()) {
    pugi::xml_node blockquote = append_block(parent, "blockquote");
    write_blocks(blockquote, quote.body);
    add_line_break(blockquote);
    return;
  }
  // HTML keeps the attribution outside the quotation proper: the WHATWG's
  // pattern is a figure whose caption names the source.
  pugi::xml_node figure = append_block(parent, "figure");
  figure.append_attribute("class") = "quote";
  pugi::xml_node blockquote = append_block(figure, "blockquote");
  write_blocks(blockquote, quote.body);
  add_line_break(blockquote);
  pugi::xml_node caption = append_block(figure, "figcaption");
  append_text(caption, "\u2014\u00a0");
  write_inlines(caption, quote.attribution);
  add_line_break(figure);
}

void ChapterWriter::write_pull_quote(pugi::xml_node parent, const doc::PullQuote& pull_quote) {
  pugi::xml_node aside = append_block(parent, "aside");
  aside.append_attribute("class") = "pullquote";
  aside.append_attribute("epub:type") = "pullquote";
  aside.append_attribute("role") = "doc-pullquote";
  write_inlines(append_block(aside, "p"), pull_quote.body);
  if (!pull_quote.attribution.empty()) {
    pugi::xml_node attribution = append_block(aside, "p");
    attribution.append_attribute("class") = "attribution";
    append_text(attribution, "\u2014\u00a0");
    write_inlines(attribution, pull_quote.attribution);
  }
  add_line_break(aside);
}

void ChapterWriter::write_aside(pugi::xml_node parent, const doc::Aside& aside) {
  pugi::xml_node element = append_block(parent, "aside");
  write_blocks(element, aside.body);
  add_line_break(element);
}

void ChapterWriter::write_list(pugi::xml_node parent, const doc::List& list) {
  pugi::xml_node element = append_block(parent, list.ordered ? "ol" : "ul");
  if (list.ordered && list.start != 1) element.append_attribute("start") = list.start;
  for (const doc::Blocks& item : list.items) write_compact_blocks(append_block(element, "li"), item);
  add_line_break(element);
}

pugi::xml_node ChapterWriter::write_code_block(pugi::xml_node parent, const doc::CodeBlock& code_block) {
  pugi::xml_node code = append_block(parent, "pre").append_child("code");
  // The names highlighters use: "C++" is "cpp", "C#" is "csharp".
  std::string language_name;
  for (char c : code_block.language) language_name += c == '+' ? std::string("p") : c == '#' ? std::string("sharp") : std::string(1, c);
  const std::string language = safe_id(language_name, true);
  if (!language.empty()) code.append_attribute("class") = ("language-" + language).c_str();
  // A page that begins inside the code begins at one of its lines.
  std::size_t from = 0;
  while (const doc::SourcePosition* position = next_marker_position(*text_block_)) {
    const std::size_t at = std::clamp(position->offset, from, code_block.text.size());
    append_text(code, code_block.text.substr(from, at - from));
    write_block_markers(code, *text_block_, position->inline_index, position->offset);
    from = at;
  }
  append_text(code, code_block.text.substr(from));
  return code;
}

void ChapterWriter::write_table(pugi::xml_node parent, const doc::Table& table) {
  pugi::xml_node element = append_block(parent, "table");
  if (!table.caption.empty()) write_inlines(append_block(element, "caption"), table.caption);

  auto write_rows = [&](const char* section_name, const char* cell_name,
                        const std::vector<std::vector<doc::TableCell>>& rows) {
    if (rows.empty()) return;
    pugi::xml_node section = append_block(element, section_name);
    for (const auto& row : rows) {
      pugi::xml_node tr = append_block(section, "tr");
      for (std::size_t column = 0; column < row.size(); ++column) {
        // An empty cell in a header row (a corner, the rest of a merged
        // heading) heads nothing: a th without text is an accessibility
        // error (Ace's empty-table-header), so it is a td.
        const bool header = std::string_view(cell_name) == "th" && !row[column].body.empty();
        pugi::xml_node cell = append_block(tr, header || std::string_view(cell_name) == "td" ? cell_name : "td");
        if (header) cell.append_attribute("scope") = "col";
        const doc::Alignment alignment =
            column < table.alignments.size() ? table.alignments[column] : doc::Alignment::default_;
        if (alignment == doc::Alignment::left) cell.append_attribute("class") = "align-left";
        if (alignment == doc::Alignment::center) cell.append_attribute("class") = "align-center";
        if (alignment == doc::Alignment::right) cell.append_attribute("class") = "align-right";
        write_compact_blocks(cell, row[column].body);
      }
      add_line_break(tr);
    }
    add_line_break(section);
  };
  write_rows("thead", "th", table.header_rows);
  write_rows("tbody", "td", table.body_rows);
  add_line_break(element);
}

void ChapterWriter::write_compact_blocks(pugi::xml_node parent, const doc::Blocks& blocks) {
  if (blocks.size() == 1)
    if (const auto* para = std::get_if<doc::Para>(&blocks.front()); para && para->role == doc::ParaRole::body) {
      TextMarkers markers(*this, blocks.front());
      write_inlines(parent, para->body);
      markers.finish(parent);
      return;
    }
  write_blocks(parent, blocks);
  if (!blocks.empty()) add_line_break(parent);
}

void ChapterWriter::write_inlines(pugi::xml_node parent, const doc::Inlines& inlines) {
  // Words and spaces are gathered into one text node per run.
  std::string run;
  auto flush = [&] {
    append_text(parent, run);
    run.clear();
  };
  auto next_marker = [&]() { return text_block_ ? next_marker_position(*text_block_) : nullptr; };
  for (const doc::Inline& item : inlines) {
    const std::size_t index = inline_counter_++;
    // Page markers before this inline, and inside its text.
    if (const doc::SourcePosition* position = next_marker(); position && position->inline_index <= index) {
      flush();
      write_block_markers(parent, *text_block_, index, 0);
    }
    std::visit(
        [&](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, doc::Str>) {
            std::size_t from = 0;
            for (const doc::SourcePosition* position = next_marker(); position && position->inline_index == index;
                 position = next_marker()) {
              const std::size_t at = std::clamp(position->offset, from, node.text.size());
              run += node.text.substr(from, at - from);
              flush();
              write_block_markers(parent, *text_block_, index, position->offset);
              from = at;
            }
            run += node.text.substr(from);
          } else if constexpr (std::is_same_v<Node, doc::Space> || std::is_same_v<Node, doc::SoftBreak>) {
            run += ' ';
          } else {
            flush();
            if constexpr (std::is_same_v<Node, doc::LineBreak>) parent.append_child("br");
            else if constexpr (std::is_same_v<Node, doc::Code>) append_text_element(parent, "code", node.text);
            else if constexpr (std::is_same_v<Node, doc::NoteRef>) write_note_ref(parent, node);
            else if constexpr (std::is_same_v<Node, doc::Emph>) write_inlines(parent.append_child("em"), node.body);
            else if constexpr (std::is_same_v<Node, doc::Strong>) write_inlines(parent.append_child("strong"), node.body);
            else if constexpr (std::is_same_v<Node, doc::Strikeout>) write_inlines(parent.append_child("s"), node.body);
            else write_link(parent, node);
          }
        },
        item);
  }
  flush();
}

void ChapterWriter::write_link(pugi::xml_node parent, const doc::Link& link) {
  std::string href;
  if (!link.url.empty() && link.url.front() == '#') {
    if (auto target = link_targets_.find(link.url.substr(1)); target != link_targets_.end()) href = "#" + target->second;
  } else if (has_allowed_scheme(link.url)) {
    href = encode_url(link.url);
  }
  // A link to nowhere (a missing anchor, a file outside the package) would
  // be an error in the EPUB; its words stay, unlinked.
  if (href.empty()) {
    write_inlines(parent, link.body);
    return;
  }
  pugi::xml_node anchor = parent.append_child("a");
  anchor.append_attribute("href") = href.c_str();
  write_inlines(anchor, link.body);
}

void ChapterWriter::write_note_ref(pugi::xml_node parent, const doc::NoteRef& note_ref) {
  auto found = notes_.find(note_ref.id);
  if (found == notes_.end()) return;  // a reference to no note: nothing to point at
  NoteAnchors& note = found->second;
  const std::string ref_id = ids_.claim(note.wanted_ref_id);
  if (note.first_ref_id.empty()) note.first_ref_id = ref_id;
  pugi::xml_node anchor = parent.append_child("a");
  anchor.append_attribute("epub:type") = "noteref";
  anchor.append_attribute("role") = "doc-noteref";
  anchor.append_attribute("href") = ("#" + note.id).c_str();
  anchor.append_attribute("id") = ref_id.c_str();
  append_text(anchor, std::to_string(note.number));
}

}  // namespace galley::epub::detail
