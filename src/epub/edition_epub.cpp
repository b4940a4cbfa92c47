// write_edition_epub: every article of an edition as a chapter of its own,
// a contents by section then article, the series and issue as a collection,
// one page list over the whole print edition; packaged like one article's
// EPUB, with the same assets (style sheet, fonts, images, cover).
#include "epub/epub.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "epub/assets.hpp"
#include "epub/package.hpp"
#include "epub/publication.hpp"
#include "epub/xhtml.hpp"
#include "galley/text.hpp"

namespace galley {
namespace {

namespace detail = epub::detail;

// More distinct authors than this and the edition's creator is its
// publisher, as a newspaper's masthead credits it: a library view cannot
// show forty names.
constexpr std::size_t max_listed_authors = 6;

// A key makes the file name ("a-03-budget-talks.xhtml") when it can: a
// letter, then letters, digits, '-', '_' or '.', and no clash with the
// package's own files or another article.
bool usable_key(const std::string& key) {
  if (key.empty() || key.size() > 100) return false;
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!is_letter(key.front())) return false;
  return std::all_of(key.begin(), key.end(), [&](char c) {
    return is_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

std::vector<std::string> chapter_names(const std::vector<const EditionArticle*>& articles) {
  std::set<std::string> taken{"nav", "cover"};  // nav_document_name, cover_page_name
  std::vector<std::string> names;
  for (std::size_t index = 0; index < articles.size(); ++index) {
    std::string name = articles[index]->key;
    if (!usable_key(name) || taken.count(name) != 0) name = "article-" + std::to_string(index + 1);
    for (int suffix = 2; taken.count(name) != 0; ++suffix) name = "article-" + std::to_string(index + 1) + "-" + std::to_string(suffix);
    taken.insert(name);
    names.push_back(std::move(name));
  }
  return names;
}

// The edition's own metadata, else what its articles agree on.
doc::Meta package_meta(const Edition& edition, const std::vector<const EditionArticle*>& articles,
                       const std::optional<detail::Collection>& collection) {
  const EditionMeta& edition_meta = edition.meta;
  doc::Meta meta;
  meta.title = !edition_meta.title.empty() ? edition_meta.title
               : collection                ? collection->name
                                           : detail::display_title(articles.front()->document.meta);
  meta.date = edition_meta.date;
  meta.rights = edition_meta.rights;
  meta.description = edition_meta.description;
  meta.publisher = edition_meta.publisher;
  if (meta.publisher.empty()) {
    const std::string& first = articles.front()->document.meta.publisher;
    if (std::all_of(articles.begin(), articles.end(),
                    [&](const EditionArticle* article) { return article->document.meta.publisher == first; }))
      meta.publisher = first;
  }
  // The authors in order of first appearance, once each.
  std::set<std::string> seen;
  for (const EditionArticle* article : articles)
    for (const std::string& author : article->document.meta.authors)
      if (!author.empty() && seen.insert(author).second) meta.authors.push_back(author);
  if (meta.authors.size() > max_listed_authors) {
    meta.authors.clear();
    if (!meta.publisher.empty()) meta.authors.push_back(meta.publisher);
    else if (collection) meta.authors.push_back(collection->name);
  }
  // The sections are the edition's subjects.
  for (const EditionSection& section : edition.sections)
    if (!section.title.empty() && std::find(meta.keywords.begin(), meta.keywords.end(), section.title) == meta.keywords.end())
      meta.keywords.push_back(section.title);
  return meta;
}

// The series: the manifest's, else the theme's publication; none when
// nothing names one.
std::optional<detail::Collection> edition_collection(const EditionMeta& meta, const style::Theme& theme) {
  const std::string& name = !meta.series.empty() ? meta.series : theme.publication;
  if (name.empty()) return std::nullopt;
  return detail::Collection{name, meta.issue_number};
}

std::string summary_subject(const Edition& edition, std::size_t article_count) {
  std::size_t sections = 0;
  for (const EditionSection& section : edition.sections)
    if (!section.title.empty() && !section.articles.empty()) ++sections;
  std::string subject = "edition of " + std::to_string(article_count) + (article_count == 1 ? " article" : " articles");
  if (sections > 1) subject += " in " + std::to_string(sections) + " sections";
  return subject;
}

// Each article's page-break markers. A page of the edition's own (cover,
// contents, a section opener) has no place in any article: it is marked
// where the next page of an article begins, just before that page's own
// marker, so the page list stays in reading order and every entry leads
// somewhere; pages after the last article's are marked at its end.
std::vector<std::vector<detail::PageBreak>> page_breaks_by_article(const EditionPagination& pagination,
                                                                   std::size_t article_count,
                                                                   const std::string& source_file) {
  std::vector<std::vector<detail::PageBreak>> breaks(article_count);
  std::vector<std::string> waiting;  // labels of the edition's own pages not yet marked
  for (const EditionPage& page : pagination.pages) {
    if (!page.article) {
      waiting.push_back(page.label);
      continue;
    }
    if (*page.article >= article_count)
      throw Error(ErrorKind::internal, source_file,
                  "the pagination names article " + std::to_string(*page.article + 1) + " of " +
                      std::to_string(article_count));
    std::vector<detail::PageBreak>& article_breaks = breaks[*page.article];
    for (std::string& label : waiting) article_breaks.push_back({std::move(label), page.begins_at});
    waiting.clear();
    article_breaks.push_back({page.label, page.begins_at});
  }
  for (std::string& label : waiting) breaks.back().push_back({std::move(label), detail::after_the_text});
  return breaks;
}

// A modular make-up's pages hold several stories each, and a jumped
// story's parts stand pages apart: each story marks every page it has text
// on, where its text there begins, so its chapter tells its pages. The
// page list names every marker (Ace asks that it reference all of them),
// in reading order (EPUB 3.2 asks it, epubcheck 4 checks it; EPUB 3.3 no
// longer does): a page's number comes once for each story on it, and a
// jumped story's later page comes with the story, before the pages of the
// stories after it. A page of no story is marked with the next page's
// first story.
std::vector<std::vector<detail::PageBreak>> page_breaks_by_story(const EditionPagination& pagination,
                                                                 std::size_t article_count,
                                                                 const std::string& source_file) {
  std::vector<std::vector<detail::PageBreak>> breaks(article_count);
  std::vector<std::string> waiting;  // labels of pages of no story, not yet marked
  for (const EditionPage& page : pagination.pages) {
    if (page.stories.empty()) {
      waiting.push_back(page.label);
      continue;
    }
    for (const EditionPage::Story& story : page.stories) {
      if (story.article >= article_count)
        throw Error(ErrorKind::internal, source_file,
                    "the pagination names article " + std::to_string(story.article + 1) + " of " +
                        std::to_string(article_count));
      for (std::string& label : waiting) breaks[story.article].push_back({std::move(label), story.begins_at});
      waiting.clear();
      breaks[story.article].push_back({page.label, story.begins_at});
    }
  }
  for (std::string& label : waiting) breaks.back().push_back({std::move(label), detail::after_the_text});
  return breaks;
}

// Section, then article with its byline and a line about it; the articles
// of an untitled section stand at the top level. A section links to its
// first article: a reading system's menu may not show an entry without a link.
std::vector<detail::NavItem> edition_contents(const Edition& edition, const std::vector<std::string>& file_names) {
  std::vector<detail::NavItem> contents;
  std::size_t index = 0;
  for (const EditionSection& section : edition.sections) {
    if (section.articles.empty()) continue;
    std::vector<detail::NavItem>* items = &contents;
    if (!section.title.empty()) {
      contents.push_back({section.title, file_names[index], {}, {}, {}});
      items = &contents.back().children;
    }
    for (const EditionArticle& article : section.articles) {
      const doc::Meta& meta = article.document.meta;
      std::string title = detail::display_title(meta);
      std::string description = one_line_description(article.document);
      if (description == title) description.clear();
      items->push_back({std::move(title), file_names[index], doc::display_byline(meta), std::move(description), {}});
      ++index;
    }
  }
  return contents;
}

// The folder an article's images are looked for in.
std::filesystem::path article_folder(const EditionArticle& article) {
  std::filesystem::path folder = article.source.parent_path();
  return folder.empty() ? std::filesystem::path(".") : folder;
}

}  // namespace

std::string epub::detail::package_edition(const WriteOptions& options, const Edition& edition,
                                          const EditionPagination& pagination, std::string_view drawn_cover_png) {
  const style::Theme& theme = *options.theme;
  const std::vector<const EditionArticle*> articles = articles_in_order(edition);
  if (articles.empty()) throw Error(ErrorKind::usage, options.source_file, "an edition needs at least one article");

  detail::Publication publication;
  publication.collection = edition_collection(edition.meta, theme);
  publication.meta = package_meta(edition, articles, publication.collection);
  publication.identifier = edition.meta.identifier.empty() ? derive_edition_identifier(edition) : edition.meta.identifier;
  publication.lang = edition_language(edition, theme);  // as the PDF's
  publication.meta.lang = publication.lang;
  publication.modified_time = options.modified_time;
  publication.summary_subject = summary_subject(edition, articles.size());
  publication.page_break_source = pagination.print_edition_name;
  detail::PublicationAssets assets(publication, theme);

  const std::vector<std::string> names = chapter_names(articles);
  const bool modular = std::any_of(pagination.pages.begin(), pagination.pages.end(),
                                   [](const EditionPage& page) { return !page.stories.empty(); });
  std::vector<std::vector<detail::PageBreak>> page_breaks =
      modular ? page_breaks_by_story(pagination, articles.size(), options.source_file)
              : page_breaks_by_article(pagination, articles.size(), options.source_file);
  for (std::size_t index = 0; index < articles.size(); ++index) {
    const EditionArticle& article = *articles[index];
    // An article keeps its own language: an edition may mix them.
    detail::ChapterOptions chapter_options{
        article.document.meta.lang.empty() ? publication.lang : article.document.meta.lang,
        detail::stylesheet_name, {}, std::move(page_breaks[index])};
    if (!options.resource_directory.empty())
      chapter_options.image_hrefs = assets.add_document_images(
          article.document,
          {article_folder(article), options.allow_outside_images, article.source.string(), options.limits.max_image_pixels()},
          names[index] + "-");
    publication.chapters.push_back({names[index] + ".xhtml", detail::write_chapter(article.document, chapter_options)});
  }
  std::vector<std::string> file_names;
  for (const detail::PackagedChapter& chapter : publication.chapters) file_names.push_back(chapter.file_name);
  publication.contents = edition_contents(edition, file_names);

  if (!options.resource_directory.empty() && !edition.meta.cover_image.empty()) {
    const std::filesystem::path folder = edition.directory.empty() ? std::filesystem::path(".") : edition.directory;
    assets.add_cover_image(edition_cover_source(edition),
                           {folder, options.allow_outside_images, options.source_file, options.limits.max_image_pixels()},
                           "cover-");
  }
  assets.finish_cover(publication.meta.title, drawn_cover_png);
  return detail::package_epub(publication);
}

}  // namespace galley
