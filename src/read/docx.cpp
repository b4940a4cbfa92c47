// The Word reader: WordprocessingML (.docx, and .docm without its macros),
// read from the zip in memory with libzip (read/zip_input.hpp) and pugixml.
//
// What a paragraph is comes from its style, resolved through basedOn to a
// built-in style: Word stores built-in styles under their English names
// ("heading 1") whatever the user's language, but hand-made and converted
// files carry the localised name ("Überschrift 1", "Titre 1") and only the
// outline level says what they are, so names in several languages and
// outline levels are both understood.
//
// The text is the document as it would read with every tracked change
// accepted: insertions kept, deletions dropped. Comments, hidden text and
// field instructions never reach the model; a field shows its last result.
//
// Safety: the archive is checked before anything inflates (zip_input.hpp);
// pugixml neither fetches a DTD nor expands an entity other than the five
// predefined ones, so an entity bomb stays a few literal characters.
//
// Outline: the package (docx_package), styles (docx_styles) and numbering
// (docx_numbering) are read first; then this file's converter walks the
// body, paragraph by paragraph, into the document model. The converter is
// one algorithm (the body mapping) and stays whole here.
#include <glib.h>

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>

#include "galley/text.hpp"
#include "read/descent.hpp"
#include "read/docx_numbering.hpp"
#include "read/docx_package.hpp"
#include "read/docx_styles.hpp"
#include "read/office.hpp"
#include "read/readers.hpp"
#include "read/zip_input.hpp"
#include "typo/dates.hpp"

namespace galley::read {
namespace docx {
namespace {

using detail::InlineBuilder;

// ---------------------------------------------------------------- the body

class Converter {
 public:
  Converter(const std::string& file_name, int max_depth, detail::ZipInput& zip, doc::Document& document,
            Diagnostics& diagnostics)
      : file_name_(file_name), max_depth_(max_depth), zip_(zip), document_(document), diagnostics_(diagnostics) {}

  Styles styles;
  Numbering numbering;
  std::map<std::string, Relationship> relationships;
  std::string main_part;
  std::map<std::string, pugi::xml_node> footnotes, endnotes;
  std::vector<const XmlPart*> parts;  // the parts the body and notes are read from, for lines in messages

  doc::Blocks blocks_of(pugi::xml_node container) {
    doc::Blocks out;
    Descent descent(depth_);
    if (too_deep()) {
      doc::Inlines text = doc::inlines_from_text(detail::clean_office_text(all_text(container, "t")));
      if (!text.empty()) out.emplace_back(doc::Para{std::move(text), doc::ParaRole::body});
      return out;
    }
    ListAssembler lists(out);
    add_container(container, out, lists);
    lists.close();
    finish_figures(out);
    return out;
  }

  void warn(std::string message) { diagnostics_.push_back({file_name_, 0, std::move(message)}); }
  void warn(const doc::SourceLine& where, std::string message) {
    diagnostics_.push_back({detail::file_and_part(file_name_, where), where.line, std::move(message)});
  }

  bool saw_tracked_changes = false;

 private:
  using Descent = detail::Descent;

  bool too_deep() {
    if (depth_ <= max_depth_) return false;
    if (!warned_depth_)
      warn("elements nested more than " + std::to_string(max_depth_) +
           " levels deep; the deeper levels are kept as text (see --max-depth)");
    warned_depth_ = true;
    return true;
  }

  // Body-level content: paragraphs, tables, and the wrappers around them
  // (content controls, custom XML, tracked insertions).
  void add_container(pugi::xml_node container, doc::Blocks& out, ListAssembler& lists) {
    for (pugi::xml_node node : container.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "p") {
        add_paragraph(node, out, lists);
      } else if (name == "tbl") {
        doc::Blocks table;
        add_table(node, table);
        lists.close();
        for (doc::Block& block : table) push(out, std::move(block));
      } else if (name == "sdt") {
        Descent descent(depth_);
        if (!too_deep()) add_container(child(node, "sdtContent"), out, lists);
      } else if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") {
        if (name == "ins" || name == "moveTo") saw_tracked_changes = true;
        Descent descent(depth_);
        if (!too_deep()) add_container(node, out, lists);
      } else if (name == "del" || name == "moveFrom") {
        saw_tracked_changes = true;
      } else if (name == "AlternateContent") {
        Descent descent(depth_);
        if (!too_deep()) add_container(child(node, "Choice") ? child(node, "Choice") : child(node, "Fallback"), out, lists);
      }
      // sectPr, bookmarks and comment ranges between paragraphs carry no text.
    }
  }

  // ------------------------------------------------------------ paragraphs

  struct Piece {
    doc::Inlines inlines;
    std::optional<doc::Figure> figure;
  };

  struct ParagraphState {
    InlineBuilder builder;
    std::vector<Piece> pieces;
    doc::Blocks extra;  // text boxes, after the paragraph
    std::string bookmark;
    bool code = false;
  };

  void add_paragraph(pugi::xml_node paragraph, doc::Blocks& out, ListAssembler& lists) {
    pugi::xml_node properties = child(paragraph, "pPr");
    const std::string style_id = value_of(properties, "pStyle");
    ParagraphClass kind = styles.classify(style_id);
    const int direct_outline = int_value(value_of(properties, "outlineLvl"), -1);
    if (kind.kind == Kind::body && direct_outline >= 0 && direct_outline < 9) kind = {Kind::heading, direct_outline + 1};
    // A paragraph whose mark is hidden or deleted and which holds nothing
    // else is dropped with it.
    ParagraphState state;
    state.code = kind.kind == Kind::code;
    add_runs(paragraph, state, 0);
    // A field's result may run over paragraphs (a table of contents), its
    // instructions never do: a field left in its instructions (its separator
    // deleted, or never written) must not hide the rest of the document.
    fields_.erase(std::remove(fields_.begin(), fields_.end(), true), fields_.end());
    Piece last{state.builder.finish(), std::nullopt};
    if (!last.inlines.empty()) state.pieces.push_back(std::move(last));

    // Numbering: the paragraph's own, else its style's.
    std::string num_id;
    int num_level = 0;
    if (pugi::xml_node numbering_properties = child(properties, "numPr")) {
      num_id = value_of(numbering_properties, "numId");
      num_level = int_value(value_of(numbering_properties, "ilvl"), 0);
    } else if (kind.kind == Kind::body) {
      std::tie(num_id, num_level) = styles.numbering(style_id.empty() ? std::string() : style_id);
    }
    const bool has_text = !state.pieces.empty();
    std::optional<Numbering::Item> item;
    if (has_text && kind.kind != Kind::heading && kind.kind != Kind::title && kind.kind != Kind::subtitle)
      item = numbering.next(num_id, num_level);

    if (item) {
      doc::Blocks body;
      emit_pieces(state.pieces, Kind::body, 0, state.bookmark, body);
      lists.add(std::clamp(num_level, 0, 8), *item, std::move(body));
    } else if (has_text) {
      lists.close();
      emit_pieces(state.pieces, kind.kind, kind.level, state.bookmark, out);
    }
    if (!state.extra.empty()) {
      lists.close();
      for (doc::Block& block : state.extra) push(out, std::move(block));
    }
  }

  void emit_pieces(std::vector<Piece>& pieces, Kind kind, int level, const std::string& bookmark, doc::Blocks& out) {
    for (Piece& piece : pieces) {
      if (piece.figure) {
        push(out, std::move(*piece.figure));
        continue;
      }
      emit(std::move(piece.inlines), kind, level, bookmark, out);
    }
  }

  void emit(doc::Inlines inlines, Kind kind, int level, const std::string& bookmark, doc::Blocks& out) {
    doc::Meta& meta = document_.meta;
    switch (kind) {
      case Kind::title:
        if (meta.title.empty() && depth_ <= 1) {
          meta.title = doc::plain_text(inlines);
          return;
        }
        push(out, doc::Heading{1, std::move(inlines), bookmark});
        return;
      case Kind::subtitle:
        if (meta.subtitle.empty() && depth_ <= 1) {
          meta.subtitle = doc::plain_text(inlines);
          return;
        }
        push(out, doc::Para{std::move(inlines), doc::ParaRole::body});
        return;
      case Kind::author:
        if (depth_ <= 1 && out.empty()) {
          meta.byline = meta.byline.empty() ? doc::plain_text(inlines) : meta.byline + ", " + doc::plain_text(inlines);
          return;
        }
        break;
      case Kind::date:
        if (depth_ <= 1 && out.empty() && meta.date_text.empty()) {
          meta.date_text = doc::plain_text(inlines);
          return;
        }
        break;
      case Kind::heading:
        push(out, doc::Heading{std::clamp(level, 1, 6), std::move(inlines), bookmark});
        return;
      case Kind::quote:
        if (!out.empty())
          if (auto* quote = std::get_if<doc::Quote>(&out.back())) {
            quote->body.emplace_back(doc::Para{std::move(inlines), doc::ParaRole::body});
            return;
          }
        push(out, doc::Quote{{doc::Para{std::move(inlines), doc::ParaRole::body}}, {}});
        return;
      case Kind::code: {
        std::string text;
        for (const doc::Inline& node : inlines) {
          if (const auto* code = std::get_if<doc::Code>(&node)) text += code->text;
          else if (std::holds_alternative<doc::LineBreak>(node)) text += '\n';
          else text += doc::plain_text(doc::Inlines{node});
        }
        if (!out.empty())
          if (auto* block = std::get_if<doc::CodeBlock>(&out.back())) {
            block->text += "\n" + text;
            return;
          }
        push(out, doc::CodeBlock{"", text});
        return;
      }
      case Kind::caption:
        push_caption(out, std::move(inlines));
        return;
      default:
        break;
    }
    push(out, doc::Para{std::move(inlines), doc::ParaRole::body});
  }

  // Every block a container gets goes through here, so that a Caption
  // paragraph finds its figure or table: the one just before it, or (Word
  // puts table captions above) the one just after.
  void push(doc::Blocks& out, doc::Block block) {
    auto caption_slot = [](doc::Block& candidate) -> doc::Inlines* {
      if (auto* figure = std::get_if<doc::Figure>(&candidate)) return figure->caption.empty() ? &figure->caption : nullptr;
      if (auto* table = std::get_if<doc::Table>(&candidate)) return table->caption.empty() ? &table->caption : nullptr;
      return nullptr;
    };
    if (doc::Inlines* slot = caption_slot(block);
        slot && pending_caption_.first == &out && pending_caption_.second + 1 == out.size() &&
        std::holds_alternative<doc::Para>(out.back())) {
      *slot = std::move(std::get<doc::Para>(out.back()).body);
      out.pop_back();
    }
    if (pending_caption_.first == &out) pending_caption_ = {nullptr, 0};
    out.push_back(std::move(block));
  }

  void push_caption(doc::Blocks& out, doc::Inlines caption) {
    if (!out.empty()) {
      doc::Inlines* slot = nullptr;
      if (auto* figure = std::get_if<doc::Figure>(&out.back())) slot = figure->caption.empty() ? &figure->caption : nullptr;
      if (auto* table = std::get_if<doc::Table>(&out.back())) slot = table->caption.empty() ? &table->caption : nullptr;
      if (slot) {
        *slot = std::move(caption);
        pending_caption_ = {nullptr, 0};
        return;
      }
    }
    out.emplace_back(doc::Para{std::move(caption), doc::ParaRole::body});
    pending_caption_ = {&out, out.size() - 1};
  }

  // Pictures galley cannot draw keep their description as the caption; a
  // figure with neither picture nor words goes.
  static void finish_figures(doc::Blocks& blocks) {
    for (doc::Block& block : blocks)
      if (auto* figure = std::get_if<doc::Figure>(&block)) {
        if (figure->caption.empty() && figure->src.empty()) figure->caption = doc::inlines_from_text(figure->alt);
        if (figure->alt.empty()) figure->alt = doc::plain_text(figure->caption);
      }
    blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                                [](const doc::Block& block) {
                                  const auto* figure = std::get_if<doc::Figure>(&block);
                                  return figure && figure->src.empty() && figure->caption.empty();
                                }),
                 blocks.end());
  }

  // ------------------------------------------------------------ runs

  // Walks a paragraph's inline content: runs and the elements around them.
  void add_runs(pugi::xml_node parent, ParagraphState& state, unsigned inherited) {
    Descent descent(depth_);
    if (too_deep()) {
      state.builder.text(" " + all_text(parent, "t") + " ", inherited);
      return;
    }
    for (pugi::xml_node node : parent.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "r") {
        add_run(node, state, inherited);
      } else if (name == "hyperlink") {
        add_hyperlink(node, state, inherited);
      } else if (name == "ins" || name == "moveTo") {
        saw_tracked_changes = true;
        add_runs(node, state, inherited);
      } else if (name == "del" || name == "moveFrom") {
        saw_tracked_changes = true;
      } else if (name == "fldSimple" || name == "smartTag" || name == "customXml" || name == "dir" || name == "bdo") {
        add_runs(node, state, inherited);
      } else if (name == "sdt") {
        add_runs(child(node, "sdtContent"), state, inherited);
      } else if (name == "bookmarkStart") {
        const std::string bookmark = attribute(node, "name");
        if (state.bookmark.empty() && bookmark != "_GoBack") state.bookmark = bookmark;
      } else if (name == "oMath" || name == "oMathPara") {
        state.builder.text(" " + all_text(node, "t") + " ", inherited);
      } else if (name == "AlternateContent") {
        add_runs(child(node, "Choice") ? child(node, "Choice") : child(node, "Fallback"), state, inherited);
      }
      // pPr, proofErr, comment ranges, permissions: no text.
    }
  }

  void add_hyperlink(pugi::xml_node node, ParagraphState& state, unsigned inherited) {
    std::string url;
    const std::string anchor = attribute(node, "anchor");
    const std::string id = attribute(node, "id");
    if (!id.empty())
      if (auto found = relationships.find(id); found != relationships.end() && found->second.external)
        url = found->second.target;
    if (url.empty() && !anchor.empty()) url = "#" + anchor;
    else if (!url.empty() && !anchor.empty()) url += "#" + anchor;
    ParagraphState inner;
    inner.code = state.code;
    add_runs(node, inner, 0);
    if (!inner.bookmark.empty() && state.bookmark.empty()) state.bookmark = inner.bookmark;
    for (doc::Block& block : inner.extra) state.extra.push_back(std::move(block));
    // A picture inside the link splits it: the words before it stay a link
    // in the text before the figure.
    for (Piece& piece : inner.pieces) {
      if (piece.figure) {
        Piece before{state.builder.finish(), std::nullopt};
        if (!before.inlines.empty()) state.pieces.push_back(std::move(before));
        state.pieces.push_back(std::move(piece));
      } else if (!piece.inlines.empty()) {
        if (url.empty() || state.code)
          for (doc::Inline& item : piece.inlines) state.builder.leaf(std::move(item), inherited);
        else
          state.builder.leaf(doc::Link{std::move(piece.inlines), url}, inherited);
      }
    }
    InlineBuilder::Edges edges;
    doc::Inlines body = inner.builder.finish(&edges);
    if (state.code) {  // code keeps its text, not links
      for (const doc::Inline& item : body) {
        const auto* code = std::get_if<doc::Code>(&item);
        state.builder.text(code ? code->text : doc::plain_text(doc::Inlines{item}), inherited | detail::run_code);
      }
      return;
    }
    if (body.empty()) {
      if (edges.leading_space || edges.trailing_space) state.builder.text(" ", inherited);
      return;
    }
    if (edges.leading_space) state.builder.text(" ", inherited);
    if (url.empty()) {  // a link to nowhere keeps its words
      for (doc::Inline& item : body) state.builder.leaf(std::move(item), inherited);
    } else {
      state.builder.leaf(doc::Link{std::move(body), url}, inherited);
    }
    if (edges.trailing_space) state.builder.text(" ", inherited);
  }

  void add_run(pugi::xml_node run, ParagraphState& state, unsigned inherited) {
    pugi::xml_node properties = child(run, "rPr");
    unsigned flags = inherited;
    bool hidden = false, code = state.code;
    styles.character(value_of(properties, "rStyle"), flags, hidden, code);
    unsigned on = 0, off = 0;
    bool direct_hidden = false, monospace = false;
    read_run_properties(properties, on, off, direct_hidden, monospace);
    flags = (flags | on) & ~off;
    if (std::optional<bool> vanish = toggle(properties, "vanish")) hidden = *vanish;
    if (toggle(properties, "specVanish").value_or(false)) hidden = true;
    if (hidden) return;
    if (monospace || code) flags |= detail::run_code;
    if (state.code) flags = detail::run_code;

    for (pugi::xml_node node : run.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "fldChar") {
        const std::string type = attribute(node, "fldCharType");
        if (type == "begin") fields_.push_back(true);
        else if (type == "separate" && !fields_.empty()) fields_.back() = false;
        else if (type == "end" && !fields_.empty()) fields_.pop_back();
        continue;
      }
      // A field's instructions (between begin and separate) are never shown.
      const bool in_instructions = std::find(fields_.begin(), fields_.end(), true) != fields_.end();
      if (name == "t") {
        if (!in_instructions) state.builder.text(node.text().get(), flags);
      } else if (in_instructions) {
        continue;
      } else if (name == "tab" || name == "ptab") {
        state.builder.text(flags & detail::run_code ? "\t" : " ", flags);
      } else if (name == "br") {
        const std::string type = attribute(node, "type");
        if (type == "page" || type == "column") state.builder.text(" ", flags);
        else if (flags & detail::run_code) state.builder.leaf(doc::LineBreak{}, 0);
        else state.builder.leaf(doc::LineBreak{}, flags);
      } else if (name == "cr") {
        state.builder.leaf(doc::LineBreak{}, flags);
      } else if (name == "noBreakHyphen") {
        state.builder.text("\u2011", flags);
      } else if (name == "softHyphen") {
        state.builder.text("\u00AD", flags);
      } else if (name == "sym") {
        const long code_point = std::strtol(attribute(node, "char").c_str(), nullptr, 16);
        // F000-F0FF: a glyph of a symbol font, not a character.
        if (code_point >= 0x20 && code_point < 0xD800) {
          char buffer[8] = {};
          g_unichar_to_utf8(static_cast<gunichar>(code_point), buffer);
          state.builder.text(buffer, flags);
        }
      } else if (name == "footnoteReference" || name == "endnoteReference") {
        add_note_reference(node, name == "endnoteReference", state);
      } else if (name == "drawing" || name == "pict" || name == "object") {
        add_drawing(node, state);
      } else if (name == "AlternateContent") {
        pugi::xml_node choice = child(node, "Choice") ? child(node, "Choice") : child(node, "Fallback");
        for (pugi::xml_node inner : choice.children())
          if (is_element(inner, "drawing") || is_element(inner, "pict")) add_drawing(inner, state);
      }
      // delText, instrText, footnoteRef, annotationRef, commentReference,
      // lastRenderedPageBreak: nothing to read.
    }
  }

  void add_note_reference(pugi::xml_node node, bool endnote, ParagraphState& state) {
    const std::string id = attribute(node, "id");
    auto& notes = endnote ? endnotes : footnotes;
    auto found = notes.find(id);
    if (found == notes.end()) return;
    const std::string note_id = (endnote ? "en" : "fn") + id;
    if (notes_added_.insert(note_id).second) {
      const std::size_t index = document_.footnotes.size();
      document_.footnotes.push_back({note_id, {}});
      doc::Blocks body = blocks_of(found->second);  // may add notes of its own after this one
      document_.footnotes[index].body = std::move(body);
    }
    state.builder.leaf(doc::NoteRef{note_id}, 0);
  }

  // ------------------------------------------------------------ pictures

  void add_drawing(pugi::xml_node drawing, ParagraphState& state) {
    // Text boxes: their paragraphs follow the paragraph that anchors them.
    for (pugi::xpath_node box : drawing.select_nodes(".//*[local-name()='txbxContent']")) {
      bool nested = false;  // a text box inside a text box is read with its outer one
      for (pugi::xml_node parent = box.node().parent(); parent && parent != drawing; parent = parent.parent())
        nested = nested || is_element(parent, "txbxContent");
      if (nested) continue;
      doc::Blocks inner = blocks_of(box.node());
      for (doc::Block& block : inner) state.extra.push_back(std::move(block));
    }
    // The picture itself, not one inside a text box (read with the box).
    auto outside_boxes = [drawing](std::string_view name) {
      return drawing.find_node([drawing, name](pugi::xml_node node) {
        if (!is_element(node, name)) return false;
        for (pugi::xml_node parent = node.parent(); parent && parent != drawing; parent = parent.parent())
          if (is_element(parent, "txbxContent")) return false;
        return true;
      });
    };
    std::string relationship_id, description;
    bool linked = false;
    if (pugi::xml_node blip = outside_boxes("blip")) {
      relationship_id = attribute(blip, "embed");
      if (relationship_id.empty()) {
        relationship_id = attribute(blip, "link");
        linked = true;
      }
    } else if (pugi::xml_node image_data = outside_boxes("imagedata")) {
      relationship_id = attribute(image_data, "id");
      description = attribute(image_data, "title");
    } else {
      return;  // a shape or a text box with no picture
    }
    if (pugi::xml_node properties = descendant(drawing, "docPr")) {
      description = attribute(properties, "descr");
      if (description.empty()) description = attribute(properties, "title");
    }
    if (description.empty())
      if (pugi::xml_node properties = descendant(drawing, "cNvPr")) description = attribute(properties, "descr");
    if (pugi::xml_node shape = descendant(drawing, "shape"); description.empty() && shape)
      description = attribute(shape, "alt");
    doc::Figure figure;
    figure.alt = doc::plain_text(doc::inlines_from_text(detail::clean_office_text(description)));
    figure.source_line = detail::source_line_of(drawing, parts);
    auto found = relationships.find(relationship_id);
    if (found == relationships.end() || relationship_id.empty()) {
      if (!relationship_id.empty())
        warn(figure.source_line, "a picture names relationship " + relationship_id + ", which the document lacks");
    } else if (linked || found->second.external) {
      warn(figure.source_line,
           "picture " + found->second.target + " is linked, not embedded: never fetched; its description is kept");
    } else if (std::optional<std::string> bytes = zip_.read(found->second.target)) {
      if (detail::embed_office_image(document_, found->second.target, std::move(*bytes), file_name_,
                                     figure.source_line, diagnostics_))
        figure.src = found->second.target;
    } else {
      // Missing from the package: the image pass reports it with this line
      // (--missing-images).
      figure.src = found->second.target;
    }
    Piece before{state.builder.finish(), std::nullopt};
    if (!before.inlines.empty()) state.pieces.push_back(std::move(before));
    state.pieces.push_back({{}, std::move(figure)});
  }

  // ------------------------------------------------------------ tables

  void add_table(pugi::xml_node table_node, doc::Blocks& out) {
    Descent descent(depth_);
    if (too_deep()) {
      doc::Inlines text = doc::inlines_from_text(detail::clean_office_text(all_text(table_node, "t")));
      if (!text.empty()) out.emplace_back(doc::Para{std::move(text), doc::ParaRole::body});
      return;
    }
    doc::Table table;
    bool first_row_header = false;
    if (pugi::xml_node look = child(child(table_node, "tblPr"), "tblLook")) {
      const std::string first_row = attribute(look, "firstRow");
      first_row_header = first_row == "1" || first_row == "true" ||
                         (first_row.empty() && (std::strtol(attribute(look, "val").c_str(), nullptr, 16) & 0x20));
    }
    std::vector<pugi::xml_node> rows;
    collect_rows(table_node, rows, 0);
    bool any_marked_header = false;
    for (pugi::xml_node row : rows) {
      pugi::xml_node row_properties = child(row, "trPr");
      std::vector<doc::TableCell> cells;
      collect_cells(row, cells, 0);
      if (cells.empty()) continue;
      const bool marked_header = toggle(row_properties, "tblHeader").value_or(false);
      any_marked_header = any_marked_header || marked_header;
      if (marked_header && table.body_rows.empty())
        table.header_rows.push_back(std::move(cells));
      else
        table.body_rows.push_back(std::move(cells));
    }
    if (!any_marked_header && first_row_header && table.body_rows.size() > 1) {
      table.header_rows.push_back(std::move(table.body_rows.front()));
      table.body_rows.erase(table.body_rows.begin());
    }
    if (table.header_rows.empty() && table.body_rows.empty()) return;
    std::size_t columns = 0;
    for (const auto* rows_of : {&table.header_rows, &table.body_rows})
      for (const auto& row : *rows_of) columns = std::max(columns, row.size());
    table.alignments.assign(columns, doc::Alignment::default_);
    for (auto* rows_of : {&table.header_rows, &table.body_rows})
      for (auto& row : *rows_of) row.resize(columns);
    out.emplace_back(std::move(table));
  }

  // Rows, looking through content controls and tracked insertions; a row
  // whose insertion was deleted is left out.
  void collect_rows(pugi::xml_node parent, std::vector<pugi::xml_node>& rows, int depth) {
    if (depth > 8) return;
    for (pugi::xml_node node : parent.children()) {
      if (is_element(node, "tr")) {
        if (child(child(node, "trPr"), "del")) {
          saw_tracked_changes = true;
          continue;
        }
        rows.push_back(node);
      } else if (is_element(node, "sdt")) {
        collect_rows(child(node, "sdtContent"), rows, depth + 1);
      } else if (is_element(node, "customXml") || is_element(node, "ins")) {
        collect_rows(node, rows, depth + 1);
      }
    }
  }

  void collect_cells(pugi::xml_node row, std::vector<doc::TableCell>& cells, int depth) {
    if (depth > 8) return;
    for (pugi::xml_node cell : row.children()) {
      if (is_element(cell, "sdt")) {
        collect_cells(child(cell, "sdtContent"), cells, depth + 1);
        continue;
      }
      if (is_element(cell, "customXml")) {
        collect_cells(cell, cells, depth + 1);
        continue;
      }
      if (!is_element(cell, "tc")) continue;
      pugi::xml_node properties = child(cell, "tcPr");
      // A vertically merged cell's continuation is empty: the first cell of
      // the merge holds the text.
      pugi::xml_node merge = child(properties, "vMerge");
      const bool continuation = merge && attribute(merge, "val") != "restart";
      cells.push_back({continuation ? doc::Blocks{} : blocks_of(cell)});
      const int span = int_value(value_of(properties, "gridSpan"), 1);
      for (int extra = 1; extra < std::min(span, 64); ++extra) cells.push_back({});
    }
  }

  const std::string& file_name_;
  int max_depth_;
  int depth_ = 0;
  bool warned_depth_ = false;
  detail::ZipInput& zip_;
  doc::Document& document_;
  Diagnostics& diagnostics_;
  std::vector<bool> fields_;  // open fields, innermost last: true while in the instructions
  std::set<std::string> notes_added_;
  // The last Caption paragraph pushed, as (container, index), while
  // nothing has followed it: it may belong to the next table or figure.
  std::pair<const doc::Blocks*, std::size_t> pending_caption_{nullptr, 0};
};


// ---------------------------------------------------------------- the reader

ReadResult read_package(const ReadOptions& options, std::string_view bytes) {
  const std::string& file_name = options.file_name;
  if (detail::looks_like_compound_file(bytes)) {
    // Office wraps an encrypted .docx in a compound file with an
    // "EncryptedPackage" stream (its name in UTF-16).
    const std::string_view encrypted("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    if (bytes.find(encrypted) != std::string_view::npos)
      throw Error(ErrorKind::bad_input, file_name,
                  "is password-protected (encrypted by Word); save it without a password and try again");
    throw Error(ErrorKind::bad_input, file_name,
                "is a Word 97-2003 document (.doc) or another Office binary file, not .docx; save it as .docx");
  }
  if (!detail::looks_like_zip(bytes))
    throw Error(ErrorKind::bad_input, file_name, "is not a Word document (.docx is a zip archive; this is not one)");
  detail::ZipInput zip(bytes, file_name);

  ReadResult result;
  doc::Document& document = result.document;
  // The main part is where the package's relationships say.
  std::string main_part = "word/document.xml";
  std::string core_part = "docProps/core.xml";
  {
    XmlPart package_rels;
    load_part(zip, "_rels/.rels", package_rels, file_name, result.diagnostics, false);
    for (pugi::xml_node node : package_rels.document.document_element().children()) {
      const std::string type = attribute(node, "Type");
      const std::string target = resolve_target("", attribute(node, "Target"));
      if (type.size() >= 15 && type.compare(type.size() - 15, 15, "/officeDocument") == 0 && zip.has(target))
        main_part = target;
      else if (type.size() >= 16 && type.compare(type.size() - 16, 16, "/core-properties") == 0 && zip.has(target))
        core_part = target;
    }
  }
  if (!zip.has(main_part)) {
    if (zip.has("mimetype") || zip.has("content.xml"))
      throw Error(ErrorKind::bad_input, file_name,
                  "is an OpenDocument file, not a Word document; name it .odt or use --from odt");
    throw Error(ErrorKind::bad_input, file_name,
                "is a zip archive but not a Word document: it holds no word/document.xml");
  }
  XmlPart main, styles_part, numbering_part, footnotes_part, endnotes_part;
  load_part(zip, main_part, main, file_name, result.diagnostics, true);
  Converter converter(file_name, options.max_depth + 8, zip, document, result.diagnostics);
  converter.relationships = read_relationships(zip, main_part, file_name, result.diagnostics);
  const std::string folder = main_part.substr(0, main_part.rfind('/') + 1);
  load_part(zip, folder + "styles.xml", styles_part, file_name, result.diagnostics, false);
  load_part(zip, folder + "numbering.xml", numbering_part, file_name, result.diagnostics, false);
  load_part(zip, folder + "footnotes.xml", footnotes_part, file_name, result.diagnostics, false);
  load_part(zip, folder + "endnotes.xml", endnotes_part, file_name, result.diagnostics, false);
  converter.styles.load(styles_part.document.document_element());
  converter.numbering.load(numbering_part.document.document_element());
  converter.parts = {&main, &footnotes_part, &endnotes_part};
  converter.footnotes = notes_of(footnotes_part, "footnote");
  converter.endnotes = notes_of(endnotes_part, "endnote");

  pugi::xml_node body = child(main.document.document_element(), "body");
  document.blocks = converter.blocks_of(body);
  if (converter.saw_tracked_changes)
    converter.warn("has tracked changes that were never accepted: read as if every change were accepted "
                   "(insertions kept, deletions left out)");

  if (!document.meta.date_text.empty()) document.meta.date = typo::parse_date_line(document.meta.date_text);
  read_core_properties(zip, core_part, document.meta, file_name, result.diagnostics);
  if (document.meta.lang.empty()) document.meta.lang = default_language(styles_part.document.document_element());
  document.meta.lang = detail::office_language_tag(document.meta.lang);
  if (document.meta.lang.empty()) document.meta.lang = options.default_lang;
  detail::settle_office_headings(document);
  if (document.meta.title.empty() && document.blocks.empty())
    throw Error(ErrorKind::bad_input, file_name, "holds no text");
  return result;
}

}  // namespace
}  // namespace docx

ReadResult read_docx(const ReadOptions& options, std::string_view bytes) { return docx::read_package(options, bytes); }

}  // namespace galley::read
