// galley's library interface: readers turn bytes into a doc::Document,
// writers turn a Document into the bytes of a PDF or an EPUB. The command-line
// front end (src/app) is a thin layer over this, after qpdf's tiny main.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/doc.hpp"
#include "galley/errors.hpp"
#include "galley/style.hpp"

namespace galley {

namespace layout {
struct PagedDocument;  // galley/layout.hpp
}

// Limits against hostile input, the same for every command; the command
// line raises them.
struct Limits {
  // Larger input files are refused as they are read (a pipe has no size).
  std::uintmax_t max_input_megabytes = 64;
  // Nesting deeper than this is read as text (ReadOptions::max_depth).
  int max_depth = 16;
  // A document setting into more pages is refused before its PDF is drawn.
  std::size_t max_pages = 10'000;
  // An image claiming more pixels is refused before decoding.
  std::int64_t max_image_megapixels = 100;

  std::uintmax_t max_input_bytes() const { return max_input_megabytes << 20; }
  std::int64_t max_image_pixels() const { return max_image_megapixels * 1'000'000; }
};

// Throws Error(bad_input) naming `file` when a document set into `pages`
// pages, more than limits.max_pages.
void check_page_count(std::size_t pages, const Limits& limits, const std::string& file);

// ---------------------------------------------------------------- reading

enum class InputFormat { plain, markdown, nitf, html, docx, odt, newsml, jats };

struct ReadOptions {
  std::string file_name;     // for messages; also the base for relative image paths
  std::string default_lang;  // used when the input names no language
  // Quotes, lists, asides and inline styles nested deeper than this are read
  // as their text at this depth, with a warning: no word is lost, and no
  // later stage recurses deeper than this (a hostile file can nest 100,000 deep).
  int max_depth = 16;
  // XML that is not well-formed is an error; with `recover`, XML cut short
  // keeps what came before the damage, with a warning (--recover).
  bool recover = false;
};

struct ReadResult {
  doc::Document document;
  Diagnostics diagnostics;  // recoverable oddities, each with file and line
  // How the reader found the article in a web page: the container chosen
  // and its score, what was dropped and why (`galley inspect --explain`).
  std::vector<std::string> explanation;
};

// Whether the file's extension names a format galley reads (.txt, .md, .xml...).
bool has_article_extension(const std::filesystem::path& path);

// Chooses the reader from the file extension, then from the content (an XML
// file's root element says whether it is NITF, NewsML-G2 or JATS).
InputFormat detect_input_format(const std::filesystem::path& path, std::string_view bytes);
// The names `--from` takes ("plain", "markdown", "nitf", "newsml", "jats",
// "html", "docx", "odt"), in the registry's order; and the format one names.
std::vector<std::string> input_format_names();
std::optional<InputFormat> input_format_named(std::string_view name);
// Readers never throw on odd input; they throw galley::Error only for input
// that holds no article at all (an empty file, a binary file).
ReadResult read_document(InputFormat format, const ReadOptions& options, std::string_view bytes);

// ---------------------------------------------------------------- writing

enum class OutputFormat { pdf, epub };

struct WriteOptions {
  const style::Theme* theme = nullptr;  // never null when a writer is called
  // Seconds since 1970-01-01 UTC: when the document was last changed, for
  // dcterms:modified and the PDF dates. Chosen by the caller from the
  // article's date, SOURCE_DATE_EPOCH or the input's modification time, never
  // from the clock (see resolve_build_time).
  std::int64_t modified_time = 0;
  // Where writers report what they set imperfectly (an overfull line);
  // may be null.
  Diagnostics* warnings = nullptr;
  // Where images named by the article are looked for: the input file's
  // folder ("." for the current one). Paths that lead outside it are refused
  // unless allow_outside_images is set. Empty: images are not looked for,
  // and figures are set as their captions.
  std::filesystem::path resource_directory;
  bool allow_outside_images = false;
  std::string source_file;  // the input's name, for messages about its images
  // The images' and pages' limits (max_image_megapixels, max_pages).
  Limits limits;
  // The document already set in pages with `theme` (layout_pages), or null.
  // The PDF writer draws these pages and the EPUB writer marks where each of
  // them begins, so a build of both formats lays the article out once and
  // the EPUB's page list always matches the PDF.
  std::shared_ptr<const layout::PagedDocument> pages;
};

// What to do with an image the document names that cannot be used: not
// found, unreadable, not an image, in a format galley cannot embed, damaged,
// or refused by the limits.
enum class MissingImages {
  fail,      // an error naming the file and the line that names the image (the default)
  describe,  // a warning with that line; the figure stays as its caption and alt text
};
// "fail", "describe"; and the choice one names.
std::vector<std::string> missing_images_names();
std::optional<MissingImages> missing_images_named(std::string_view name);

// The one image pass, between reading and writing: loads every image the
// document names (its figures', its footnotes' and its cover) as the writers
// will take it from options.resource_directory, and decodes each once to be
// sure it is whole. An image that cannot be used throws Error(bad_input)
// naming options.source_file and the line that names the image (for a DOCX
// or ODT, the part and its line); with `describe` it is a warning in
// options.warnings instead, and the figure stands in for its image
// (Figure::image_missing), the cover for a drawn one. Nothing is done when
// options.resource_directory is empty.
void check_document_images(doc::Document& document, const WriteOptions& options, MissingImages missing);

// Sets the document in pages as the PDF shows them: the theme, the images
// (options.resource_directory), the page limit; layout warnings go to
// options.warnings.
std::shared_ptr<const layout::PagedDocument> layout_pages(const WriteOptions& options, const doc::Document& document);

// Every writer is `options + document -> bytes`; writing the bytes to disk is
// write_file_atomically's job.
std::string write_document(OutputFormat format, const WriteOptions& options, const doc::Document& document);
std::string write_pdf(const WriteOptions& options, const doc::Document& document);
std::string write_epub(const WriteOptions& options, const doc::Document& document);

const char* file_extension(OutputFormat format);  // "pdf", "epub"

// The article's date at noon UTC if it has one, else SOURCE_DATE_EPOCH if set
// and valid, else `fallback` (the input file's modification time).
std::int64_t resolve_build_time(const doc::Meta& meta, std::int64_t fallback);
// The same, and which of the three it was (a batch's manifest records it, so
// an incremental rebuild knows whether a file's modification time matters).
enum class BuildTimeSource { article, source_date_epoch, fallback };
struct BuildTime {
  std::int64_t seconds = 0;  // since 1970-01-01 UTC
  BuildTimeSource source = BuildTimeSource::fallback;
};
BuildTime resolve_build_time_and_source(const doc::Meta& meta, std::int64_t fallback);

// A name-based (version 5) UUID, "urn:uuid:...", derived from the document's
// source or, without one, from its title and text: rebuilding gives the same id.
std::string derive_identifier(const doc::Document& document);

// Writes `bytes` to a temporary file beside `target`, then renames it over
// the target, so a failure never leaves a partial file or damages an old one.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

// Removes the temporary file write_file_atomically is writing, if any.
// Async-signal-safe: for a signal handler that is about to end the process.
void remove_pending_temporary_file() noexcept;

}  // namespace galley
