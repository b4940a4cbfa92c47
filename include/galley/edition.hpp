// An edition: many articles made into one PDF and one EPUB, in sections, as
// a day's paper or a magazine issue. Plain data like the document model it
// holds; the edition's readers, layout and writers are free functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/doc.hpp"
#include "galley/galley.hpp"
#include "galley/layout.hpp"

namespace galley {

struct EditionArticle {
  doc::Document document;
  std::filesystem::path source;  // the input file; its folder is where the article's images are
  // Unique within the edition, safe in a file name and an XML id ("a-03-budget-talks"):
  // the article's XHTML file, anchors and bookmarks are named after it.
  std::string key;
  // Its weight in a newspaper's make-up: the manifest's `priority` (1 for
  // the lead); none: its place in the section decides.
  std::optional<int> priority;
  bool may_jump = true;  // false: the manifest's `jump = false`, set whole on one page
};

struct EditionSection {
  std::string title;  // may be empty: an edition without a manifest has one untitled section
  std::vector<EditionArticle> articles;  // in reading order
};

struct EditionMeta {
  std::string title;      // as the manifest names the edition ("The Daily Planet"); never empty once read
  std::string series;     // the series the edition belongs to (belongs-to-collection): the manifest's, else the title
  std::string issue;      // as printed: "No. 4,512"; may be empty
  std::optional<int> issue_number;  // group-position in the series, when the issue is a number
  std::string publisher;
  std::optional<doc::Date> date;
  std::string date_text;  // the date as the manifest writes it; may be empty
  std::string lang;       // BCP 47; empty: the first article's, else the theme's
  std::string identifier; // a URN or URL; derived from the articles when empty
  std::string rights;
  std::string description;
  std::filesystem::path cover_image;  // as the process opens it (the manifest's relative path resolved); may be empty
  int cover_image_line = 0;           // the manifest's line naming the cover, for messages (0: none)
  std::string style;      // the theme the manifest asks for; the command line overrides it
};

struct Edition {
  EditionMeta meta;
  std::vector<EditionSection> sections;  // at least one article in all
  std::filesystem::path directory;       // the folder the edition was read from
};

// Every article of the edition in reading order, section after section.
std::vector<const EditionArticle*> articles_in_order(const Edition& edition);

// The edition's language: the manifest's, else its first article's, else
// the theme's, else "en".
std::string edition_language(const Edition& edition, const style::Theme& theme);

// The manifest's cover as image::load_image takes it from the edition's
// folder: relative when it lies inside, so that only a cover outside needs
// allow_outside_images, as an article's image would.
std::string edition_cover_source(const Edition& edition);

// What an article is about in one line, for contents: its description,
// else its standfirst, else its first sentence; cut at a word, with an
// ellipsis, to at most `max_characters` characters.
std::string one_line_description(const doc::Document& document, std::size_t max_characters = 160);

// Gives every article its key: its place in the edition and its file's
// name, "a-03-budget-talks", so keys sort in reading order and stay
// readable and safe in file names and XML ids.
void assign_article_keys(Edition& edition);

// A name-based (version 5) UUID, "urn:uuid:...", from the edition's title and
// its articles' identifiers (their own, else derive_identifier's), sorted:
// rebuilding the edition gives the same id, whatever order it lists them in.
std::string derive_edition_identifier(const Edition& edition);

// ---------------------------------------------------------------- reading

// What an edition manifest (TOML or YAML) asks for: the metadata and, when
// it lists them, the sections and their articles' files (resolved against
// the manifest's folder). Articles themselves are read by the caller.
struct EditionPlan {
  struct Section {
    std::string title;
    std::vector<std::filesystem::path> articles;
    std::vector<int> article_lines;  // each article's line in the manifest, for messages
    std::vector<std::optional<int>> priorities;  // each article's `priority`, when given (1: the lead)
    std::vector<bool> may_jump;                  // each article's `jump` (true unless `jump = false`)
  };
  EditionMeta meta;
  int style_line = 0;  // the line that names the theme, for messages (0: none)
  std::vector<Section> sections;  // empty: every article of the folder, by name
  Diagnostics diagnostics;        // unknown keys and the like, with their lines
};

// Reads a manifest; `file` names it in messages and decides the syntax
// (".toml", else YAML). Throws Error(bad_input) naming the file and line for
// broken syntax, a wrong type, an empty section or an article named twice.
EditionPlan read_edition_manifest(const std::filesystem::path& file, std::string_view bytes);

// The manifest a folder holds (edition.toml, edition.yaml or edition.yml),
// if any.
std::optional<std::filesystem::path> find_edition_manifest(const std::filesystem::path& directory);

// One printed page of the edition, as the EPUB's page list needs it.
struct EditionPage {
  std::string label;  // the printed page number ("1", "ii")
  // The article the page belongs to (an index into articles_in_order), or
  // none for the edition's own pages (cover, contents, section openers).
  std::optional<std::size_t> article;
  // Where the page's text begins in that article's model; empty when the
  // page begins with the article's head (or belongs to no article).
  std::optional<doc::SourcePosition> begins_at;
  // A story of a modular make-up's page: the article (articles_in_order)
  // and where its text on the page begins (empty: with its head).
  struct Story {
    std::size_t article = 0;
    std::optional<doc::SourcePosition> begins_at;
  };
  // A modular make-up's page holds several stories, and a jumped story's
  // parts stand pages apart, so that the page does not go on from the one
  // before: every story with text on it, by article. Empty for a flow.
  std::vector<Story> stories{};
};

// What the print layout tells the EPUB: every page in order, and the page
// on which each article (articles_in_order) begins.
struct EditionPagination {
  std::vector<EditionPage> pages;
  std::vector<std::size_t> article_first_page;  // indices into pages
  std::string print_edition_name;  // what the page numbers refer to, for dc:source
};

// ---------------------------------------------------------------- writing
//
// The options are those of one article's build (galley.hpp), read so: each
// article's images are looked for in its own source's folder (none at all
// when options.resource_directory is empty), options.source_file names the
// edition in messages, and options.pages is not used.

// Sets the whole edition in pages with options.theme and tells where each
// page begins, without drawing any: what the EPUB's page list needs.
EditionPagination paginate_edition(const WriteOptions& options, const Edition& edition);

// The print edition: the front page with the nameplate and the contents
// (true page numbers), section openers, the articles, a bookmark per
// section and article. Pages are drawn as they are set, so memory does not
// grow with the edition's length. `pagination`, when given, receives the
// pages as paginate_edition would give them, for the EPUB.
std::string write_edition_pdf(const WriteOptions& options, const Edition& edition,
                              EditionPagination* pagination = nullptr);

// The EPUB: each article its own XHTML file, a contents by section then
// article, the series and issue as a collection, one page list over the
// whole edition following `pagination`.
std::string write_edition_epub(const WriteOptions& options, const Edition& edition,
                               const EditionPagination& pagination);

}  // namespace galley
