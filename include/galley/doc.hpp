// The document model: what every reader produces and every writer consumes.
//
// Plain data with value semantics, after pandoc's `Pandoc Meta [Block]`. No
// library type (Pango, Cairo, pugixml, libzip) ever appears here; behaviour
// lives in free functions (see doc/text.hpp and the readers and writers).
// All text is UTF-8 that is valid and free of control characters other than
// '\n' inside code: readers guarantee that, writers rely on it.
#pragma once

#include <compare>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace galley::doc {

// ---------------------------------------------------------------- inlines

struct Str {
  std::string text;  // a run of text without spaces that may break
};
struct Space {};      // an inter-word space, a line-break opportunity
struct SoftBreak {};  // a line end in the source that is not a paragraph end
struct LineBreak {};  // a forced line break
struct Code {
  std::string text;
};
struct NoteRef {
  std::string id;  // the Footnote::id it refers to
};
struct Emph;
struct Strong;
struct Strikeout;
struct Link;

using Inline = std::variant<Str, Space, SoftBreak, LineBreak, Code, NoteRef, Emph, Strong, Strikeout, Link>;
using Inlines = std::vector<Inline>;

struct Emph {
  Inlines body;
};
struct Strong {
  Inlines body;
};
struct Strikeout {
  Inlines body;
};
struct Link {
  Inlines body;
  std::string url;  // absolute URL, or "#id" for a place in the document
};

// ---------------------------------------------------------------- places

// Where the input names something (an image), for messages: a line of the
// input file, or of a part inside a packaged input (a Word file's
// word/document.xml), where the file's own lines mean nothing.
struct SourceLine {
  std::string part;  // the part of a DOCX or ODT package; empty for the file itself
  int line = 0;      // 1-based, in the part when there is one; 0 when unknown
};

// ---------------------------------------------------------------- blocks

struct Para;
struct Heading;
struct Figure;
struct Quote;
struct PullQuote;
struct Aside;
struct List;
struct CodeBlock;
struct Table;
struct Rule {};

using Block = std::variant<Para, Heading, Figure, Quote, PullQuote, Aside, List, CodeBlock, Table, Rule>;
using Blocks = std::vector<Block>;

// What a paragraph is for, so themes can style it; it stays a paragraph.
enum class ParaRole { body, lede };

struct Para {
  Inlines body;
  ParaRole role = ParaRole::body;
};
struct Heading {
  int level = 2;  // 1..6; the article headline is Meta::title, so body headings start at 2
  Inlines body;
  std::string id;  // unique within the document, for links and the table of contents; may be empty
};
struct Figure {
  std::string src;  // image path relative to the input file; empty when no image is known
  std::string alt;  // alternative text for the image
  Inlines caption;
  Inlines credit;  // photographer or agency, without the "Credit:" label
  // How the source labelled the credit ("Credit", "Photo", "©"), shown
  // before it so that no word of the source is lost; empty for none.
  std::string credit_label;
  // The image's title as the source gives it (Markdown's `![…](src "title")`,
  // HTML's title attribute): a tooltip, not shown in print; may be empty.
  std::string title;
  // Where the input names the image, for the message when it cannot be had.
  SourceLine source_line;
  // The image named could not be had and the figure stands in for it
  // (--missing-images=describe): `src` is then empty, and writers show
  // `alt` in the picture's place, as pandoc replaces an image it cannot
  // fetch with its description.
  bool image_missing = false;
};
struct Quote {
  Blocks body;
  Inlines attribution;  // may be empty
};
struct PullQuote {
  Inlines body;
  Inlines attribution;
};
// Matter set apart from the running text: a teaser for an embedded video, a
// related-story link, a box.
struct Aside {
  Blocks body;
};
struct List {
  bool ordered = false;
  int start = 1;  // the first number of an ordered list
  std::vector<Blocks> items;
};
struct CodeBlock {
  std::string language;  // may be empty
  std::string text;      // lines separated by '\n', no final newline
};
enum class Alignment { default_, left, center, right };
struct TableCell {
  Blocks body;
};
struct Table {
  Inlines caption;
  std::vector<Alignment> alignments;  // one per column
  std::vector<std::vector<TableCell>> header_rows;
  std::vector<std::vector<TableCell>> body_rows;
};

// ---------------------------------------------------------------- document

struct Date {
  int year = 0;
  int month = 0;  // 1..12, 0 when only the year is known
  int day = 0;    // 1..31, 0 when unknown
};

struct Footnote {
  std::string id;  // what NoteRef::id names
  Blocks body;
};

struct Meta {
  std::string title;
  std::string subtitle;  // the standfirst
  std::vector<std::string> authors;
  std::string byline;  // the byline as the article gives it ("Jane Doe, Political Editor"); may be empty
  std::optional<Date> date;
  std::string date_text;  // the date as the article writes it ("Friday, July 21, 2017"); may be empty
  std::string dateline;   // "LONDON (Reuters)"
  std::string lang;      // BCP 47, for example "en-GB"
  std::string publisher;
  std::string source;      // where the article came from, usually a URL
  std::string identifier;  // a URN or URL; writers derive a UUID when empty
  std::string rights;
  std::string description;
  std::string section;
  std::vector<std::string> keywords;
  std::string cover_image;  // path relative to the input file; may be empty
  SourceLine cover_image_line;  // where the input names the cover image
  std::string style;        // the theme the article asks for; the command line overrides it
};

struct Document {
  Meta meta;
  Blocks blocks;
  std::vector<Footnote> footnotes;  // in order of first reference
  // Images the input carries inside itself (a web page's data: URIs, a Word
  // file's word/media), the file's bytes by the name a Figure::src gives
  // them. Writers look a src up here before they look in the input's folder.
  std::map<std::string, std::string> embedded_images;
};

// A place in the document, so that the EPUB can mark where each printed
// page begins. Blocks are numbered in doc::for_each_block's order; inlines
// in pre-order within the block's own inlines (Para::body, Heading::body;
// an Emph before what it holds).
struct SourcePosition {
  std::size_t block = 0;
  std::size_t inline_index = 0;
  // Bytes into that inline's text (Str::text), or into CodeBlock::text for a
  // code block; 0 for the start of the block.
  std::size_t offset = 0;
  auto operator<=>(const SourcePosition&) const = default;
};

}  // namespace galley::doc
