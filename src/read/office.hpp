// What the two word-processor readers (docx.cpp, odt.cpp) share: clean text
// out of XML, runs of formatted text folded into the model's nested inlines,
// embedded pictures, package metadata and the headline rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "galley/doc.hpp"
#include "galley/errors.hpp"

namespace galley::read::detail {

class ZipInput;

// ---------------------------------------------------------------- XML

// Names without their prefix: the mapping is by local name, whatever prefix
// a producer binds to the namespace.
std::string_view local_name(std::string_view name);
inline std::string_view local_name(pugi::xml_node node) { return local_name(std::string_view(node.name())); }
inline bool is_element(pugi::xml_node node, std::string_view name) {
  return node.type() == pugi::node_element && local_name(node) == name;
}
pugi::xml_node child(pugi::xml_node parent, std::string_view name);
// The first descendant in document order; pugixml's search does not recurse.
pugi::xml_node descendant(pugi::xml_node parent, std::string_view name);
std::string attribute(pugi::xml_node node, std::string_view name);
// The text of every element named `text_name` under `root` (all text when
// empty), in document order, walked without recursion.
std::string all_text(pugi::xml_node root, std::string_view text_name = {});

struct XmlPart {
  std::string name;
  pugi::xml_document document;
  std::string text;  // what was parsed, for the lines of messages
  explicit operator bool() const { return static_cast<bool>(document.document_element()); }
};

// Where `node` is in the package: the part among `parts` that holds it and
// its line there; the line alone (0) when none does.
doc::SourceLine source_line_of(pugi::xml_node node, const std::vector<const XmlPart*>& parts);
// "report.docx:word/document.xml" for a line in a part, for messages.
std::string file_and_part(const std::string& file_name, const doc::SourceLine& where);

// Parses one part of the package, whitespace-only text kept (it separates
// words in runs). A missing or broken part is empty with a warning, unless
// `required_by` names what needs it: then it is an error.
void load_xml_part(ZipInput& zip, const std::string& name, XmlPart& part, const std::string& file_name,
                   Diagnostics& diagnostics, const char* required_by);

// Valid UTF-8 with no control characters (a tab, a line end is a space):
// what the model promises, whatever a package's XML holds (pugixml turns
// "&#1;" into a control character, and does not check UTF-8).
std::string clean_office_text(std::string_view text);

// The formatting of a run of text, as flags.
enum RunFlag : unsigned {
  run_strong = 1,
  run_emph = 2,
  run_strike = 4,
  run_code = 8,
};

// Collects a paragraph's runs in order, each with its flags, and folds them
// into Strong/Emph/Strikeout wrappers spanning neighbouring runs alike
// (Word splits a sentence into runs wherever its revision history did).
// Runs of whitespace are one Space; the ends of the paragraph are trimmed.
class InlineBuilder {
 public:
  void text(std::string_view text, unsigned flags);
  // A leaf the text cannot say: LineBreak, NoteRef, a whole Link.
  void leaf(doc::Inline inline_node, unsigned flags = 0);
  bool empty() const { return tokens_.empty(); }
  // With `edges`, says whether spaces were trimmed at the start and the end
  // (a link's "by Taboola " keeps its space outside the link).
  struct Edges {
    bool leading_space = false;
    bool trailing_space = false;
  };
  doc::Inlines finish(Edges* edges = nullptr);

 private:
  struct Token {
    unsigned flags;
    doc::Inline node;
  };
  std::vector<Token> tokens_;
};

// A picture the package holds: put into document.embedded_images under
// `name` when it is a PNG or JPEG galley can draw (true); anything else
// (EMF, WMF, GIF, SVG, TIFF) is reported in a warning and not embedded.
// `where` is the place in the package that shows it, for the warning.
bool embed_office_image(doc::Document& document, const std::string& name, std::string bytes,
                        const std::string& file_name, const doc::SourceLine& where, Diagnostics& diagnostics);

// "2024-03-05T10:00:00Z" and the like: the calendar date as written.
std::optional<doc::Date> parse_office_date(std::string_view text);

// Keywords as packages store them: one string separated by commas or
// semicolons.
void add_office_keywords(std::string_view text, std::vector<std::string>& keywords);

// Without a Title paragraph, a leading heading of level 1 (or the only one)
// is the headline; body headings then start at level 2, as the model wants,
// and none is more than one level below the heading before it.
void settle_office_headings(doc::Document& document);

// A package's language as EPUB wants it: "de-DE", not "de_DE"; nothing for junk.
std::string office_language_tag(std::string lang);

}  // namespace galley::read::detail
