// write_epub: document -> chapter XHTML -> style sheet -> package. The EPUB is
// written from the document model, never from the page layout.
#include "galley/galley.hpp"

#include "epub/css.hpp"
#include "epub/package.hpp"
#include "epub/publication.hpp"
#include "epub/xhtml.hpp"

namespace galley {
namespace {

std::string publication_language(const doc::Meta& meta, const style::Theme& theme) {
  if (!meta.lang.empty()) return meta.lang;
  if (!theme.lang.empty()) return theme.lang;
  return "en";
}

}  // namespace

std::string write_epub(const WriteOptions& options, const doc::Document& document) {
  if (options.theme == nullptr) throw Error(ErrorKind::usage, "", "write_epub needs a theme");
  epub::detail::Publication publication;
  publication.meta = document.meta;
  publication.identifier = document.meta.identifier.empty() ? derive_identifier(document) : document.meta.identifier;
  publication.lang = publication_language(document.meta, *options.theme);
  publication.modified_time = options.modified_time;
  publication.stylesheet = epub::detail::css_from_theme(*options.theme);

  const epub::detail::ChapterOptions chapter_options{publication.lang, epub::detail::stylesheet_name};
  publication.chapters.push_back({"article.xhtml", epub::detail::write_chapter(document, chapter_options)});
  return epub::detail::package_epub(publication);
}

}  // namespace galley
