// The OpenDocument Text reader (.odt, as LibreOffice, Google Docs and Word
// write it), read from the zip in memory with libzip (read/zip_input.hpp)
// and pugixml.
//
// What a paragraph is comes from its style, resolved through the parent
// styles (automatic styles such as "P1" in content.xml are children of the
// named styles in styles.xml) to a style whose name or outline level says:
// LibreOffice's style names are English in every UI language, its display
// names are not, and Word's .odt files use their own names.
//
// The text is the document as it would read with every tracked change
// accepted: ODF keeps deleted text apart, in text:tracked-changes, which is
// never read. Annotations (comments) and hidden text are left out; fields
// show the value they last had.
//
// Outline: styles (odt_styles) and metadata (odt_meta) are read from their
// parts; this file's converter walks content.xml's body into the document
// model (one algorithm, the body mapping).
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "galley/text.hpp"
#include "read/descent.hpp"
#include "read/odt_meta.hpp"
#include "read/odt_styles.hpp"
#include "read/office.hpp"
#include "read/readers.hpp"
#include "read/zip_input.hpp"
#include "typo/dates.hpp"

namespace galley::read {
namespace odt {
namespace {

using detail::InlineBuilder;

class Converter {
 public:
  Converter(const std::string& file_name, int max_depth, detail::ZipInput& zip, doc::Document& document,
            Diagnostics& diagnostics)
      : file_name_(file_name), max_depth_(max_depth), zip_(zip), document_(document), diagnostics_(diagnostics) {}

  Styles styles;
  bool saw_tracked_changes = false;

  doc::Blocks blocks_of(pugi::xml_node container) {
    doc::Blocks out;
    Descent descent(depth_);
    if (too_deep()) {
      doc::Inlines text = doc::inlines_from_text(detail::clean_office_text(detail::all_text(container)));
      if (!text.empty()) out.emplace_back(doc::Para{std::move(text), doc::ParaRole::body});
      return out;
    }
    add_container(container, out);
    finish_figures(out);
    return out;
  }

  void warn(std::string message) { diagnostics_.push_back({file_name_, 0, std::move(message)}); }
  void warn(const doc::SourceLine& where, std::string message) {
    diagnostics_.push_back({detail::file_and_part(file_name_, where), where.line, std::move(message)});
  }
  std::vector<const detail::XmlPart*> parts;  // the parts the body is read from, for lines in messages

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

  void add_container(pugi::xml_node container, doc::Blocks& out) {
    for (pugi::xml_node node : container.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "p" || name == "h") {
        add_paragraph(node, out);
      } else if (name == "list") {
        add_list(node, out, 1, {});
      } else if (name == "table") {
        add_table(node, out);
      } else if (name == "tracked-changes") {
        // Deleted text lives here; the body holds what stays.
        if (node.first_child()) saw_tracked_changes = true;
      } else if (name == "hidden-paragraph") {
        if (attribute(node, "is-hidden") == "false") add_paragraph(node, out);
      } else if (name == "section" || name == "index-body" || name == "table-of-content" ||
                 name == "alphabetical-index" || name == "illustration-index" || name == "table-index" ||
                 name == "user-index" || name == "bibliography" || name == "object-index" ||
                 name == "change-start" || name == "text" || name == "numbered-paragraph") {
        if (name == "change-start") continue;
        Descent descent(depth_);
        if (!too_deep()) add_container(node, out);
      }
      // sequence-decls, forms, variable declarations, soft page breaks:
      // nothing to read.
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
    doc::Blocks extra;
    std::string bookmark;
    bool code = false;
  };

  void add_paragraph(pugi::xml_node paragraph, doc::Blocks& out) {
    const std::string style = attribute(paragraph, "style-name");
    ParagraphClass kind = styles.classify(style);
    if (local_name(paragraph) == "h") {
      const int level = std::atoi(attribute(paragraph, "outline-level").c_str());
      if (kind.kind != Kind::title && kind.kind != Kind::subtitle) kind = {Kind::heading, level > 0 ? level : 1};
    }
    if (kind.kind == Kind::body && styles.paragraph_monospace(style)) kind.kind = Kind::code;
    ParagraphState state;
    state.code = kind.kind == Kind::code;
    add_inlines(paragraph, state, styles.paragraph_flags(style));
    Piece last{state.builder.finish(), std::nullopt};
    if (!last.inlines.empty()) state.pieces.push_back(std::move(last));
    for (Piece& piece : state.pieces) {
      if (piece.figure) push(out, std::move(*piece.figure));
      else emit(std::move(piece.inlines), kind, state.bookmark, out);
    }
    for (doc::Block& block : state.extra) push(out, std::move(block));
  }

  void emit(doc::Inlines inlines, ParagraphClass kind, const std::string& bookmark, doc::Blocks& out) {
    doc::Meta& meta = document_.meta;
    switch (kind.kind) {
      case Kind::title:
        if (meta.title.empty() && depth_ <= 2) {
          meta.title = doc::plain_text(inlines);
          return;
        }
        push(out, doc::Heading{1, std::move(inlines), bookmark});
        return;
      case Kind::subtitle:
        if (meta.subtitle.empty() && depth_ <= 2) {
          meta.subtitle = doc::plain_text(inlines);
          return;
        }
        break;
      case Kind::author:
        if (depth_ <= 2 && out.empty()) {
          meta.byline = meta.byline.empty() ? doc::plain_text(inlines) : meta.byline + ", " + doc::plain_text(inlines);
          return;
        }
        break;
      case Kind::date:
        if (depth_ <= 2 && out.empty() && meta.date_text.empty()) {
          meta.date_text = doc::plain_text(inlines);
          return;
        }
        break;
      case Kind::heading:
        push(out, doc::Heading{std::clamp(kind.level, 1, 6), std::move(inlines), bookmark});
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

  // As in the Word reader: a caption paragraph goes to the figure or table
  // just before it, or to the one just after it.
  void push(doc::Blocks& out, doc::Block block) {
    doc::Inlines* slot = nullptr;
    if (auto* figure = std::get_if<doc::Figure>(&block)) slot = figure->caption.empty() ? &figure->caption : nullptr;
    if (auto* table = std::get_if<doc::Table>(&block)) slot = table->caption.empty() ? &table->caption : nullptr;
    if (slot && pending_caption_.first == &out && pending_caption_.second + 1 == out.size() &&
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
        if (pending_caption_.first == &out) pending_caption_ = {nullptr, 0};
        return;
      }
    }
    out.emplace_back(doc::Para{std::move(caption), doc::ParaRole::body});
    pending_caption_ = {&out, out.size() - 1};
  }

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

  // ------------------------------------------------------------ inline content

  void add_inlines(pugi::xml_node parent, ParagraphState& state, unsigned flags) {
    Descent descent(depth_);
    if (too_deep()) {
      state.builder.text(" " + detail::all_text(parent) + " ", flags);
      return;
    }
    if (state.code) flags = detail::run_code;
    for (pugi::xml_node node : parent.children()) {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        state.builder.text(node.value(), flags);
        continue;
      }
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local_name(node);
      if (name == "span") {
        unsigned inner = flags;
        bool hidden = false, code = false;
        styles.text_style(attribute(node, "style-name"), inner, hidden, code);
        if (hidden) continue;
        if (code) inner |= detail::run_code;
        add_inlines(node, state, inner);
      } else if (name == "s") {
        const int count = std::clamp(std::atoi(attribute(node, "c").c_str()), 1, 1000);
        state.builder.text(std::string((flags & detail::run_code) ? static_cast<std::size_t>(count) : 1, ' '), flags);
      } else if (name == "tab") {
        state.builder.text((flags & detail::run_code) ? "\t" : " ", flags);
      } else if (name == "line-break") {
        state.builder.leaf(doc::LineBreak{}, (flags & detail::run_code) ? 0 : flags);
      } else if (name == "a") {
        add_link(node, state, flags);
      } else if (name == "note") {
        add_note(node, state);
      } else if (name == "frame") {
        add_frame(node, state);
      } else if (name == "bookmark" || name == "bookmark-start") {
        if (state.bookmark.empty()) state.bookmark = attribute(node, "name");
      } else if (name == "annotation" || name == "annotation-end" || name == "change" || name == "change-start" ||
                 name == "change-end" || name == "soft-page-break" || name == "hidden-text" ||
                 name == "note-citation" || name == "sequence-decls" || name == "bookmark-end" ||
                 name == "reference-mark-end" || name == "toc-mark-end") {
        continue;  // comments, change marks, hidden text: never shown
      } else if (name == "custom-shape" || name == "rect" || name == "g" || name == "line" || name == "ellipse" ||
                 name == "polygon" || name == "path" || name == "connector") {
        doc::Blocks inner = blocks_of(node);  // a shape's own text
        for (doc::Block& block : inner) state.extra.push_back(std::move(block));
      } else {
        // Fields (dates, page numbers, sequences, references) and the other
        // wrappers show the text they hold.
        add_inlines(node, state, flags);
      }
    }
  }

  void add_link(pugi::xml_node node, ParagraphState& state, unsigned flags) {
    const std::string href = attribute(node, "href");
    ParagraphState inner;
    inner.code = state.code;
    add_inlines(node, inner, state.code ? unsigned{detail::run_code} : 0u);
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
        if (state.code || href.empty())
          state.builder.text(doc::plain_text(piece.inlines), flags);
        else
          state.builder.leaf(doc::Link{std::move(piece.inlines), href}, flags);
      }
    }
    InlineBuilder::Edges edges;
    doc::Inlines body = inner.builder.finish(&edges);
    if (body.empty()) {
      if (edges.leading_space || edges.trailing_space) state.builder.text(" ", flags);
      return;
    }
    if (edges.leading_space) state.builder.text(" ", flags);
    if (state.code || href.empty())
      state.builder.text(doc::plain_text(body), flags);
    else
      state.builder.leaf(doc::Link{std::move(body), href}, flags);
    if (edges.trailing_space) state.builder.text(" ", flags);
  }

  void add_note(pugi::xml_node node, ParagraphState& state) {
    const bool endnote = attribute(node, "note-class") == "endnote";
    std::string id = attribute(node, "id");
    if (id.empty()) id = std::to_string(document_.footnotes.size() + 1);
    std::string note_id = (endnote ? "en-" : "fn-") + id;
    while (!notes_added_.insert(note_id).second) note_id += "+";
    const std::size_t index = document_.footnotes.size();
    document_.footnotes.push_back({note_id, {}});
    doc::Blocks body = blocks_of(child(node, "note-body"));
    document_.footnotes[index].body = std::move(body);
    state.builder.leaf(doc::NoteRef{note_id}, 0);
  }

  void add_frame(pugi::xml_node frame, ParagraphState& state) {
    std::string description = detail::all_text(child(frame, "desc"));
    if (description.find_first_not_of(' ') == std::string::npos) description = detail::all_text(child(frame, "title"));
    doc::Figure figure;
    figure.alt = doc::plain_text(doc::inlines_from_text(detail::clean_office_text(description)));
    figure.source_line = detail::source_line_of(frame, parts);
    bool has_picture = false;
    std::string missing;  // a picture the package lacks, for the image pass to report
    // Several draw:image children are one picture in several formats: the
    // first galley can draw is taken.
    std::vector<std::string> skipped;
    for (pugi::xml_node image : frame.children()) {
      if (!is_element(image, "image")) continue;
      has_picture = true;
      const std::string href = attribute(image, "href");
      if (href.empty()) {
        if (child(image, "binary-data")) skipped.push_back("an inline picture");
        continue;
      }
      if (href.find("://") != std::string::npos || href.rfind("../", 0) == 0 || href.front() == '/') {
        warn(figure.source_line, "picture " + href + " is linked, not embedded: never fetched; its description is kept");
        continue;
      }
      const std::string name = href.rfind("./", 0) == 0 ? href.substr(2) : href;
      std::optional<std::string> bytes = zip_.read(name);
      if (!bytes) {
        if (missing.empty()) missing = name;
        continue;
      }
      if (detail::embed_office_image(document_, name, std::move(*bytes), file_name_, figure.source_line,
                                     diagnostics_)) {
        figure.src = name;
        break;
      }
    }
    if (pugi::xml_node box = child(frame, "text-box")) {
      // A frame holding text: LibreOffice's captioned figure (the picture and
      // its caption inside), or a text box; its blocks follow the paragraph.
      doc::Blocks inner = blocks_of(box);
      for (doc::Block& block : inner) state.extra.push_back(std::move(block));
    }
    if (!has_picture) return;
    // Missing from the package: the image pass reports it with its line
    // (--missing-images).
    if (figure.src.empty() && !missing.empty()) figure.src = missing;
    Piece before{state.builder.finish(), std::nullopt};
    if (!before.inlines.empty()) state.pieces.push_back(std::move(before));
    state.pieces.push_back({{}, std::move(figure)});
  }

  // ------------------------------------------------------------ lists

  // A list and the lists inside its items. Numbering continues from the
  // previous list of the same style when the list says so
  // (text:continue-numbering, text:continue-list), and restarts where an
  // item gives text:start-value.
  void add_list(pugi::xml_node list_node, doc::Blocks& out, int level, std::string inherited_style) {
    Descent descent(depth_);
    if (too_deep()) {
      doc::Inlines text = doc::inlines_from_text(detail::clean_office_text(detail::all_text(list_node)));
      if (!text.empty()) push(out, doc::Para{std::move(text), doc::ParaRole::body});
      return;
    }
    std::string style = attribute(list_node, "style-name");
    if (style.empty()) style = inherited_style;
    if (style.empty()) {
      // The list style may come with the first paragraph's style.
      pugi::xml_node first_paragraph = detail::descendant(list_node, "p");
      style = styles.list_style_of_paragraph(attribute(first_paragraph, "style-name"));
    }
    const Styles::ListLevel format = styles.list_level(style, std::min(level, 10));
    const std::string counter_key = style + "/" + std::to_string(level);
    const bool continues = attribute(list_node, "continue-numbering") == "true" ||
                           !attribute(list_node, "continue-list").empty();
    doc::List list;
    list.ordered = format.ordered;
    int number = continues && next_number_.count(counter_key) ? next_number_[counter_key] : format.start;
    list.start = number;
    for (pugi::xml_node item : list_node.children()) {
      if (!is_element(item, "list-item") && !is_element(item, "list-header")) continue;
      const std::string start_value = attribute(item, "start-value");
      if (!start_value.empty() && list.ordered) {
        const int restart = std::max(0, std::atoi(start_value.c_str()));
        if (!list.items.empty() && restart != number) {
          push(out, std::move(list));
          list = doc::List{};
          list.ordered = format.ordered;
        }
        if (list.items.empty()) list.start = restart;
        number = restart;
      }
      doc::Blocks body;
      {
        Descent item_descent(depth_);
        for (pugi::xml_node node : item.children()) {
          if (is_element(node, "list")) add_list(node, body, level + 1, style);
          else if (node.type() == pugi::node_element) {
            pugi::xml_node wrapper = node;  // one element at a time through the container reader
            doc::Blocks part;
            add_single(wrapper, part);
            for (doc::Block& block : part) body.push_back(std::move(block));
          }
        }
        finish_figures(body);
      }
      list.items.push_back(std::move(body));
      ++number;
    }
    next_number_[counter_key] = number;
    // Deeper levels restart under a new item of this level.
    for (int deeper = level + 1; deeper <= 10; ++deeper) next_number_.erase(style + "/" + std::to_string(deeper));
    if (!list.items.empty()) push(out, std::move(list));
  }

  void add_single(pugi::xml_node node, doc::Blocks& out) {
    const std::string_view name = local_name(node);
    if (name == "p" || name == "h") add_paragraph(node, out);
    else if (name == "table") add_table(node, out);
    else if (name == "section") add_container(node, out);
  }

  // ------------------------------------------------------------ tables

  void add_table(pugi::xml_node table_node, doc::Blocks& out) {
    Descent descent(depth_);
    if (too_deep()) {
      doc::Inlines text = doc::inlines_from_text(detail::clean_office_text(detail::all_text(table_node)));
      if (!text.empty()) push(out, doc::Para{std::move(text), doc::ParaRole::body});
      return;
    }
    doc::Table table;
    add_rows(table_node, table, false, 0);
    if (table.header_rows.empty() && table.body_rows.empty()) return;
    std::size_t columns = 0;
    for (const auto* rows : {&table.header_rows, &table.body_rows})
      for (const auto& row : *rows) columns = std::max(columns, row.size());
    table.alignments.assign(columns, doc::Alignment::default_);
    for (auto* rows : {&table.header_rows, &table.body_rows})
      for (auto& row : *rows) row.resize(columns);
    push(out, std::move(table));
  }

  void add_rows(pugi::xml_node parent, doc::Table& table, bool header, int depth) {
    if (depth > 8) return;
    for (pugi::xml_node node : parent.children()) {
      const std::string_view name = local_name(node);
      if (name == "table-header-rows") {
        add_rows(node, table, true, depth + 1);
      } else if (name == "table-rows" || name == "table-row-group") {
        add_rows(node, table, header, depth + 1);
      } else if (name == "table-row") {
        std::vector<doc::TableCell> cells;
        for (pugi::xml_node cell : node.children()) {
          const std::string_view cell_name = local_name(cell);
          if (cell_name != "table-cell" && cell_name != "covered-table-cell") continue;
          // Spreadsheet-style repeats are capped: an empty column repeated
          // a million times is still empty.
          const int repeat = std::clamp(std::atoi(attribute(cell, "number-columns-repeated").c_str()), 1, 64);
          doc::Blocks body = cell_name == "table-cell" ? blocks_of(cell) : doc::Blocks{};
          for (int i = 1; i < repeat; ++i) cells.push_back({body});
          cells.push_back({std::move(body)});
        }
        while (!cells.empty() && cells.back().body.empty() && cells.size() > 1) cells.pop_back();
        if (cells.empty()) continue;
        const int repeat = std::clamp(std::atoi(attribute(node, "number-rows-repeated").c_str()), 1, 64);
        auto& rows = header && table.body_rows.empty() ? table.header_rows : table.body_rows;
        for (int i = 1; i < repeat; ++i) rows.push_back(cells);
        rows.push_back(std::move(cells));
      }
    }
  }

  const std::string& file_name_;
  int max_depth_;
  int depth_ = 0;
  bool warned_depth_ = false;
  detail::ZipInput& zip_;
  doc::Document& document_;
  Diagnostics& diagnostics_;
  std::set<std::string> notes_added_;
  std::map<std::string, int> next_number_;  // "list style/level" -> the number after the last item
  std::pair<const doc::Blocks*, std::size_t> pending_caption_{nullptr, 0};
};

// ---------------------------------------------------------------- the reader

ReadResult read_package(const ReadOptions& options, std::string_view bytes) {
  const std::string& file_name = options.file_name;
  if (detail::looks_like_compound_file(bytes))
    throw Error(ErrorKind::bad_input, file_name,
                "is an Office binary file (a .doc, or an encrypted Word file), not OpenDocument; save it as .odt");
  if (!detail::looks_like_zip(bytes))
    throw Error(ErrorKind::bad_input, file_name,
                "is not an OpenDocument text (.odt is a zip archive; this is not one; a flat .fodt is not read)");
  detail::ZipInput zip(bytes, file_name);
  if (std::optional<std::uint64_t> size = zip.size_of("mimetype"); size && *size < 200) {
    const std::string mimetype = zip.read("mimetype").value_or("");
    if (mimetype.rfind("application/vnd.oasis.opendocument.text", 0) != 0)
      throw Error(ErrorKind::bad_input, file_name,
                  "is " + (mimetype.empty() ? std::string("an unnamed OpenDocument file") : mimetype) +
                      ", not an OpenDocument text (application/vnd.oasis.opendocument.text)");
  } else if (!zip.has("content.xml")) {
    if (zip.has("word/document.xml"))
      throw Error(ErrorKind::bad_input, file_name, "is a Word document, not OpenDocument; name it .docx or use --from docx");
    throw Error(ErrorKind::bad_input, file_name, "is a zip archive but not an OpenDocument text: it holds no content.xml");
  }
  // An encrypted ODF package keeps its zip entries readable but encrypts
  // their data, and says so in its manifest.
  {
    XmlPart manifest;
    Diagnostics ignored;
    detail::load_xml_part(zip, "META-INF/manifest.xml", manifest, file_name, ignored, nullptr);
    if (manifest && detail::descendant(manifest.document, "encryption-data"))
      throw Error(ErrorKind::bad_input, file_name,
                  "is password-protected (encrypted); save it without a password and try again");
  }

  ReadResult result;
  doc::Document& document = result.document;
  XmlPart content, styles_part, meta_part;
  detail::load_xml_part(zip, "content.xml", content, file_name, result.diagnostics, "the OpenDocument file");
  detail::load_xml_part(zip, "styles.xml", styles_part, file_name, result.diagnostics, nullptr);
  detail::load_xml_part(zip, "meta.xml", meta_part, file_name, result.diagnostics, nullptr);

  Converter converter(file_name, options.max_depth + 8, zip, document, result.diagnostics);
  converter.parts = {&content};
  pugi::xml_node styles_root = styles_part.document.document_element();
  pugi::xml_node content_root = content.document.document_element();
  converter.styles.load_fonts(child(styles_root, "font-face-decls"));
  converter.styles.load_fonts(child(content_root, "font-face-decls"));
  converter.styles.load(child(styles_root, "styles"));
  converter.styles.load(child(styles_root, "automatic-styles"));
  converter.styles.load(child(content_root, "automatic-styles"));

  pugi::xml_node text = child(child(content_root, "body"), "text");
  if (!text) throw Error(ErrorKind::bad_input, file_name, "content.xml holds no office:text body");
  document.blocks = converter.blocks_of(text);
  if (converter.saw_tracked_changes)
    converter.warn("has tracked changes that were never accepted: read as if every change were accepted "
                   "(insertions kept, deletions left out)");
  if (!document.meta.date_text.empty()) document.meta.date = typo::parse_date_line(document.meta.date_text);
  if (meta_part) read_meta(meta_part, document.meta);
  if (document.meta.lang.empty()) document.meta.lang = default_language(styles_part);
  document.meta.lang = detail::office_language_tag(document.meta.lang);
  if (document.meta.lang.empty()) document.meta.lang = options.default_lang;
  detail::settle_office_headings(document);
  if (document.meta.title.empty() && document.blocks.empty())
    throw Error(ErrorKind::bad_input, file_name, "holds no text");
  return result;
}

}  // namespace
}  // namespace odt

ReadResult read_odt(const ReadOptions& options, std::string_view bytes) { return odt::read_package(options, bytes); }

}  // namespace galley::read
