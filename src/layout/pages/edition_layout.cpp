// The edition's pages: a flow of slabs for the front page and contents,
// then one flow per article (each on a new page) or per section (each
// article at the head of the next column), each flow set by the page
// builder, given furniture and handed on before the next is set.
#include "layout/pages/edition_layout.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "galley/text.hpp"
#include "layout/article_slabs.hpp"
#include "layout/fonts.hpp"
#include "image/images.hpp"
#include "layout/pages/furniture.hpp"
#include "layout/pages/line_slabs.hpp"
#include "layout/pages/modular_jumps.hpp"
#include "layout/pages/page_builder.hpp"
#include "layout/source_marks.hpp"
#include "layout/inline/paragraph.hpp"

namespace galley::layout {
namespace {

// The contents of a one-column page go in two columns when each still holds
// about 45 characters of the body's type: a dozen articles then fit under
// the nameplate, as on a magazine's contents page.
int front_columns(const ColumnGeometry& geometry, const style::Theme& theme) {
  const bool two_fit = (geometry.width - geometry.gutter) / 2 >= 22 * theme.body.size;
  return geometry.columns == 1 && two_fit ? 2 : geometry.columns;
}

class EditionLayout {
 public:
  EditionLayout(const Edition& edition, const style::Theme& theme, const ArticleImageLoaders& images,
                const ImageLoader& cover, const std::vector<std::size_t>* first_pages, const PageSink& take_page,
                EditionMemory* memory)
      : edition_(edition),
        theme_(theme),
        article_theme_(theme),
        images_(images),
        cover_loader_(cover),
        first_pages_(first_pages),
        take_page_(take_page),
        geometry_(column_geometry(theme)),
        front_geometry_(geometry_),
        own_memory_(memory ? nullptr : std::make_unique<EditionMemory>()),
        memory_(memory ? *memory : *own_memory_),
        fonts_(memory_.fonts),
        hyphenators_(memory_.hyphenators),
        furniture_(theme, fonts_),
        articles_(articles_in_order(edition)) {
    // The edition's front page carries the nameplate; the articles' heads do not repeat it.
    article_theme_.masthead.enabled = false;
    // The flows' balanced columns leave no runt; a modular make-up's modules
    // (make_up_in_modules) fill their rectangles instead.
    geometry_.no_runt_columns = front_geometry_.no_runt_columns = true;
    front_geometry_.columns = front_columns(geometry_, theme);
    // A modular make-up sets each story at many measures and looseness: its
    // paragraphs are shaped once.
    if (theme.make_up == style::MakeUp::modular) fonts_.keep_shaped_paragraphs();
    // A modular make-up sizes each headline for its module itself.
    if (by_column() && theme.make_up != style::MakeUp::modular) fit_head_to_column();
    result_.pagination.article_first_page.assign(articles_.size(), 0);
  }

  EditionLayoutResult run() {
    if (theme_.make_up == style::MakeUp::modular) {
      make_up_in_modules();
      return std::move(result_);
    }
    const bool shared = front_page_shared(theme_);
    // Without the numbers, a front of its own is set first only to count
    // its pages; it is set again, numbered, and handed over last.
    const bool defer_front = !shared && !first_pages_;
    std::vector<Slab> front = front_matter();
    std::size_t front_pages = 0;
    if (!shared) {
      in_front_matter_ = true;
      front_pages = set_flow(std::move(front), edition_.meta.title, true, !defer_front);
      in_front_matter_ = false;
    }
    std::size_t article = 0;
    for (std::size_t section = 0; section < edition_.sections.size(); ++section) {
      const EditionSection& current = edition_.sections[section];
      const std::string head = running_head(current);
      const bool opens_edition = shared && section == 0;
      std::vector<Slab> flow = opens_edition ? std::move(front) : std::vector<Slab>{};
      append(flow, section_opener(current, section));
      for (std::size_t index = 0; index < current.articles.size(); ++index, ++article) {
        if (by_column()) {
          append(flow, article_flow(article, !current.title.empty(), !flow.empty()));
        } else {
          // An article on pages of its own avoids a runt last page with its
          // section's opener before it, as its pages will be set.
          flow = article_flow(article, !current.title.empty(), false, std::move(flow));
          start_on_recto();
          set_flow(std::move(flow), head);
          flow.clear();
        }
      }
      if (!flow.empty()) set_flow(std::move(flow), head, opens_edition);
    }
    if (defer_front) hand_over_numbered_front(front_pages);
    return std::move(result_);
  }

 private:
  // ------------------------------------------------------------ text

  // `text` set as one slab per line; x from the column's (or, across the
  // columns, the text area's) left edge.
  std::vector<Slab> text_slabs(const std::string& text, const style::TextStyle& style, TextAlignment alignment,
                               bool across, double right_indent = 0) {
    if (text.empty()) return {};
    const double width = (across ? geometry().width : geometry().column_width()) - right_indent;
    return line_slabs(fonts_, text, style, width, alignment, across, result_.warnings);
  }

  static void wrap(std::vector<Slab>& slabs, std::size_t first, const std::string& tag) {
    wrap_in_structure(slabs, first, tag);
  }

  static void append(std::vector<Slab>& to, std::vector<Slab> slabs) {
    to.insert(to.end(), std::make_move_iterator(slabs.begin()), std::make_move_iterator(slabs.end()));
  }

  Slab rule(double height, double thickness, bool across) const {
    Slab slab;
    slab.height = height;
    slab.spans_columns = across;
    slab.keep_with_next = true;
    RuleItem line;
    line.x1 = across ? geometry().width : geometry().column_width();
    line.y0 = line.y1 = height / 2;
    line.thickness = thickness;
    line.color = theme_.rule_color;
    slab.items.emplace_back(line);
    return slab;
  }

  // ------------------------------------------------------------ front page and contents

  // The nameplate in the theme's masthead face, else its headline's, larger.
  style::TextStyle nameplate_style() const {
    if (theme_.masthead.enabled) return theme_.masthead.style;
    style::TextStyle style = theme_.headline;
    style.size *= 1.35;
    style.leading *= 1.35;
    return style;
  }

  std::string edition_line() const {
    const EditionMeta& meta = edition_.meta;
    std::string line;
    auto add = [&line](const std::string& part) {
      if (!part.empty()) line += (line.empty() ? "" : "\u2003\u00B7\u2003") + part;
    };
    add(meta.issue);
    if (!meta.date_text.empty()) add(meta.date_text);
    else if (meta.date) add(doc::display_date(*meta.date, meta.lang.empty() ? theme_.lang : meta.lang));
    // The publisher once: not again when the nameplate already names it.
    if (meta.publisher != meta.title) add(meta.publisher);
    return line;
  }

  bool by_column() const { return theme_.article_start == style::ArticleStart::column; }

  // A story in one column of a newspaper gets a headline sized for the
  // column, not for the page: a fraction of the measure, never larger than
  // the theme's, never smaller than its subheads; the standfirst follows.
  void fit_head_to_column() {
    const double target = std::max(theme_.heading.size * 1.5, geometry_.column_width() / 8);
    const double scale = std::min(1.0, target / theme_.headline.size);
    for (style::TextStyle* style : {&article_theme_.headline, &article_theme_.standfirst}) {
      const double style_scale = style == &article_theme_.headline
                                     ? scale
                                     : std::min(1.0, std::max(theme_.body.size * 1.15, style->size * scale) / style->size);
      style->size *= style_scale;
      style->leading *= style_scale;
      style->space_after *= style_scale;
    }
  }

  std::vector<Slab> front_matter(bool with_contents = true) {
    in_front_matter_ = true;
    std::vector<Slab> slabs;
    style::TextStyle name_style = nameplate_style();
    name_style.space_after = 0;
    std::size_t first = slabs.size();
    append(slabs, text_slabs(edition_.meta.title, name_style, TextAlignment::center, true));
    wrap(slabs, first, "H1");
    if (!slabs.empty()) slabs.front().items.insert(slabs.front().items.begin(), AnchorItem{"edition-front", 0, 0});
    if (!front_bookmarked_) result_.outline.insert(result_.outline.begin(), {edition_.meta.title, 1, "edition-front"});
    front_bookmarked_ = true;
    slabs.push_back(rule(theme_.folio.leading * 0.6, 2.0, true));
    style::TextStyle line_style = theme_.folio;
    line_style.space_before = line_style.space_after = 0;
    line_style.uppercase = true;
    line_style.letter_spacing = std::max(line_style.letter_spacing, 0.08);
    first = slabs.size();
    append(slabs, text_slabs(edition_line(), line_style, TextAlignment::center, true));
    wrap(slabs, first, "P");
    slabs.push_back(rule(theme_.folio.leading * 0.6, 0.5, true));
    slabs.back().height += theme_.body.leading;
    slabs.back().keep_with_next = false;
    if (std::optional<Slab> cover = cover_slab()) slabs.push_back(std::move(*cover));
    if (with_contents) append(slabs, contents());
    in_front_matter_ = false;
    return slabs;
  }

  // The contents, in a column: every section's articles with the page each
  // begins on (when known), as links.
  std::vector<Slab> contents() {
    in_front_matter_ = true;
    std::vector<Slab> slabs;
    std::size_t first = 0;

    // The contents: sections, and under each its articles with the page
    // each begins on, its byline and a line on what it is about.
    style::TextStyle contents_head = theme_.heading;
    contents_head.space_before = 0;
    first = slabs.size();
    append(slabs, text_slabs("Contents", contents_head, TextAlignment::left, false));
    wrap(slabs, first, "H2");
    const std::size_t toc = slabs.size();
    std::size_t article = 0;
    bool after_titled_section = false;
    for (const EditionSection& section : edition_.sections) {
      if (section.title.empty() && after_titled_section) {
        // Articles that name no section are set apart by a rule, so they
        // do not read as the last section's.
        slabs.push_back(rule(theme_.body.leading * 1.5, 0.5, false));
        after_titled_section = false;
      }
      if (!section.title.empty()) {
        after_titled_section = true;
        style::TextStyle section_style = theme_.folio;
        section_style.uppercase = true;
        section_style.letter_spacing = std::max(section_style.letter_spacing, 0.08);
        section_style.weight = 700;
        section_style.space_before = theme_.body.leading;
        section_style.leading = theme_.body.leading;
        first = slabs.size();
        append(slabs, text_slabs(section.title, section_style, TextAlignment::left, false));
        wrap(slabs, first, "TOCI");
      }
      for (const EditionArticle& entry : section.articles) append(slabs, contents_entry(entry, article++));
    }
    wrap(slabs, toc, "TOC");
    if (!slabs.empty()) slabs.back().keep_with_next = false;
    in_front_matter_ = false;
    return slabs;
  }

  // The manifest's cover picture under the nameplate, across the page and
  // at most half the text area tall, its proportions kept.
  std::optional<Slab> cover_slab() {
    if (edition_.meta.cover_image.empty() || !cover_loader_) return std::nullopt;
    if (!cover_) cover_ = cover_loader_(edition_cover_source(edition_));
    const double aspect = static_cast<double>(cover_->height) / static_cast<double>(cover_->width);
    double width = geometry().width;
    double height = width * aspect;
    if (height > geometry().height * 0.5) {
      height = geometry().height * 0.5;
      width = height / aspect;
    }
    Slab slab;
    slab.spans_columns = true;
    slab.height = height + theme_.body.leading;
    ImageItem item;
    item.x = (geometry().width - width) / 2;
    item.width = width;
    item.height = height;
    item.image = cover_;
    item.alt = "The cover of " + edition_.meta.title;
    slab.items.emplace_back(StructureItem{true, "Figure"});
    slab.items.emplace_back(std::move(item));
    slab.items.emplace_back(StructureItem{false, "Figure"});
    return slab;
  }

  // One article in the contents: its headline with the page number at the
  // right, then the byline and a line about it, all one link to the article.
  std::vector<Slab> contents_entry(const EditionArticle& entry, std::size_t article) {
    const doc::Meta& meta = entry.document.meta;
    style::TextStyle title_style = theme_.body;
    title_style.weight = 700;
    title_style.space_before = theme_.body.leading * 0.3;
    // Room for "9999" at the right, whatever the number, so the contents
    // set on the same lines with the numbers as without them.
    const double number_room = title_style.size * 2.6;
    std::string title = meta.title.empty() ? entry.source.stem().string() : meta.title;
    // A newspaper's index names a story as its jump headline does: its first words.
    if (compact_contents_) title = jump_headline(title);
    std::vector<Slab> slabs = text_slabs(title, title_style, TextAlignment::left, false, number_room);
    if (slabs.empty()) return slabs;
    if (first_pages_ && article < first_pages_->size()) {
      const std::string number = std::to_string((*first_pages_)[article] + 1);
      std::vector<Slab> numbered = text_slabs(number, title_style, TextAlignment::right, false);
      if (!numbered.empty())
        for (Item& item : numbered.front().items) slabs.back().items.push_back(std::move(item));
    }
    style::TextStyle detail = theme_.caption;
    detail.space_before = 0;
    // Byline and description share a line where they can: "By Jane Doe · The harbour is open again."
    std::string about = doc::display_byline(meta);
    const std::string description = one_line_description(entry.document, 90);
    if (!description.empty()) about += (about.empty() ? "" : "\u2002\u00B7\u2002") + description;
    // A newspaper's front-page index of many stories is headlines and pages only.
    if (!compact_contents_) append(slabs, text_slabs(about, detail, TextAlignment::left, false, number_room));
    double height = 0;
    for (const Slab& slab : slabs) height += slab.height;
    LinkItem link;
    link.width = geometry().column_width();
    link.height = height - slabs.front().space_before;
    link.anchor = entry.key;
    slabs.front().items.push_back(link);
    // A slab's items are relative to its own top: the link starts there and
    // covers the lines below it.
    slabs.back().keep_with_next = false;
    wrap(slabs, 0, "TOCI");
    return slabs;
  }

  // ------------------------------------------------------------ sections and articles

  std::string running_head(const EditionSection& section) const {
    if (theme_.running_head == style::RunningHead::none) return {};
    return section.title.empty() ? edition_.meta.title : section.title;
  }

  // The section's name large across the page, over a heavy rule, on the
  // section's first page.
  std::vector<Slab> section_opener(const EditionSection& section, std::size_t index) {
    std::vector<Slab> slabs;
    if (section.title.empty()) return slabs;
    style::TextStyle style = theme_.headline;
    style.size *= 0.8;
    style.leading *= 0.8;
    style.uppercase = true;
    style.letter_spacing = std::max(style.letter_spacing, 0.04);
    style.space_before = 0;
    append(slabs, text_slabs(section.title, style, TextAlignment::left, true));
    wrap(slabs, 0, "H1");
    const std::string anchor = "edition-section-" + std::to_string(index + 1);
    slabs.front().items.insert(slabs.front().items.begin(), AnchorItem{anchor, 0, 0});
    result_.outline.push_back({section.title, 1, anchor});
    Slab heavy = rule(theme_.body.leading * 1.5, 3.0, true);
    heavy.keep_with_next = false;
    slabs.push_back(std::move(heavy));
    return slabs;
  }

  // The article's slabs after `lead_in`; with no article after it in its
  // pages (not by column), a runt last page avoided.
  std::vector<Slab> article_flow(std::size_t index, bool in_titled_section, bool after_another,
                                 std::vector<Slab> lead_in = {}) {
    const EditionArticle& article = *articles_[index];
    ArticleSetting setting;
    setting.fonts = &fonts_;
    setting.hyphenators = &hyphenators_;
    setting.anchor_prefix = article.key + "-";
    setting.part = index;
    setting.mark_head = true;
    setting.head_across_columns = theme_.article_start == style::ArticleStart::page;
    setting.own_pages = !by_column();
    setting.lead_in = std::move(lead_in);
    ImageLoader loader = images_ ? images_(article) : ImageLoader{};
    ArticleSlabs set = article_slabs(article.document, article_theme_, loader, setting);
    for (Diagnostic& warning : set.warnings)
      if (warning.file.empty()) warning.file = article.source.string();
    result_.warnings.insert(result_.warnings.end(), set.warnings.begin(), set.warnings.end());
    if (set.slabs.size() <= set.first_own) return std::move(set.slabs);
    Slab& first = set.slabs[set.first_own];
    first.items.insert(first.items.begin(), AnchorItem{article.key, 0, 0});
    first.column_break_before = after_another;
    // The article's bookmark, then its headings', under the section's.
    const int shift = in_titled_section ? 1 : 0;
    const std::string title = article.document.meta.title.empty() ? article.source.stem().string()
                                                                   : article.document.meta.title;
    result_.outline.push_back({title, 1 + shift, article.key});
    for (OutlineEntry& entry : set.outline) {
      if (entry.level == 1) continue;  // the headline: the article's own bookmark stands for it
      entry.level += shift;
      result_.outline.push_back(std::move(entry));
    }
    return std::move(set.slabs);
  }

  // ------------------------------------------------------------ modular make-up

  // A newspaper made up in modules: each section from a new page, the
  // first under the nameplate, its stories in the order of their weight
  // (the manifest's priority, else their place in the section).
  void make_up_in_modules() {
    std::size_t article = 0;
    for (std::size_t section = 0; section < edition_.sections.size(); ++section) {
      const EditionSection& current = edition_.sections[section];
      std::vector<Slab> opening = section == 0 ? front_matter(false) : std::vector<Slab>{};
      append(opening, section_opener(current, section));
      // The front page's contents stand in a rail at its right.
      compact_contents_ = articles_.size() > compact_contents_above;
      std::vector<Slab> rail = section == 0 ? contents() : std::vector<Slab>{};
      std::vector<ModularStory> stories;
      std::vector<int> weights;
      ModularMemory& memory = memory_.modular_sections[section];
      // Each story's pictures loaded once for every setting: the PDF
      // embeds an image once for each ImageData it is drawn from.
      if (memory.images.empty())
        for (const EditionArticle& entry : current.articles)
          memory.images.push_back(images_ ? images_(entry) : ImageLoader{});
      for (const EditionArticle& entry : current.articles) {
        weights.push_back(entry.priority.value_or(static_cast<int>(stories.size()) + 1));
        stories.push_back({&entry, article++, memory.images[stories.size()], entry.may_jump});
      }
      std::vector<std::size_t> order(stories.size());
      for (std::size_t index = 0; index < order.size(); ++index) order[index] = index;
      // A priority given outranks a place in the list of the same number.
      auto rank = [&](std::size_t index) {
        return std::pair(weights[index], stories[index].article->priority ? 0 : 1);
      };
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
      std::vector<ModularStory> by_weight;
      for (std::size_t index : order) by_weight.push_back(stories[index]);
      ColumnGeometry modules = geometry_;
      modules.no_runt_columns = false;
      ModularSetting setting{&fonts_, &hyphenators_, &article_theme_, modules, result_.pagination.pages.size() + 1,
                             section == 0, &memory};
      ModularSection made =
          make_up_modular(setting, by_weight, std::move(opening), std::move(rail), result_.warnings);
      // Bookmarks in reading order: the section's articles as listed.
      std::vector<std::size_t> place_by_story(order.size());
      for (std::size_t rank = 0; rank < order.size(); ++rank) place_by_story[order[rank]] = rank;
      const int shift = current.title.empty() ? 0 : 1;
      for (std::size_t index = 0; index < stories.size(); ++index) {
        const EditionArticle& entry = *stories[index].article;
        const std::string title = entry.document.meta.title.empty() ? entry.source.stem().string()
                                                                     : entry.document.meta.title;
        result_.outline.push_back({title, 1 + shift, entry.key});
        for (OutlineEntry& heading : made.outlines[place_by_story[index]]) {
          if (heading.level == 1) continue;
          heading.level += shift;
          result_.outline.push_back(std::move(heading));
        }
      }
      const std::size_t first_page = result_.pagination.pages.size();
      for (StoryModule& module : made.modules) {
        module.page += first_page;
        result_.modules.push_back(module);
      }
      hand_over_pages(std::move(made.pages), running_head(current), section == 0, true);
    }
  }

  // ------------------------------------------------------------ pages

  // Sets a flow in pages, numbers them on from the pages before, finds
  // where each begins, adds furniture and hands them on.
  // Returns the number of pages; `hand_over` false keeps them (their
  // places in the pagination are taken all the same).
  std::size_t set_flow(std::vector<Slab> slabs, const std::string& head, bool front = false, bool hand_over = true) {
    if (slabs.empty()) return 0;
    return hand_over_pages(build_pages(std::move(slabs), geometry()), head, front, hand_over);
  }

  // Numbers the pages on from those before, finds where each begins, adds
  // furniture and hands them on (see set_flow).
  std::size_t hand_over_pages(std::vector<Page> pages, const std::string& head, bool front, bool hand_over) {
    // An article begins on the page that holds its head.
    for (std::size_t index = 0; index < pages.size(); ++index)
      for (const Item& item : pages[index].items)
        if (const auto* mark = std::get_if<SourceMarkItem>(&item); mark && mark->head) {
          std::vector<std::size_t>& first = result_.pagination.article_first_page;
          if (mark->part < first.size() && !started_.count(mark->part)) {
            first[mark->part] = result_.pagination.pages.size() + index;
            started_.insert(mark->part);
          }
        }
    const bool modular = theme_.make_up == style::MakeUp::modular;
    std::vector<std::vector<SourceMarkItem>> stories;
    std::vector<std::optional<SourceMarkItem>> beginnings =
        take_page_beginnings(pages, seen_marks_, modular ? &stories : nullptr);
    for (std::size_t index = 0; index < pages.size(); ++index) {
      Page& page = pages[index];
      EditionPage entry;
      entry.label = std::to_string(result_.pagination.pages.size() + 1);
      if (modular)
        for (const SourceMarkItem& story : stories[index])
          entry.stories.push_back({story.part, story.head ? std::nullopt : std::optional(story.position)});
      if (beginnings[index]) {
        entry.article = beginnings[index]->part;
        if (!beginnings[index]->head) entry.begins_at = beginnings[index]->position;
      } else if (!front && !result_.pagination.pages.empty()) {
        // No mark of its own (a page of floats): it begins where the one before did.
        entry.article = result_.pagination.pages.back().article;
        entry.begins_at = result_.pagination.pages.back().begins_at;
      }
      page.label = entry.label;
      result_.pagination.pages.push_back(std::move(entry));
      if (!hand_over) continue;
      add_furniture(page, index, head, front, result_.pagination.pages.size());
      take_page_(std::move(page));
    }
    return pages.size();
  }

  // The front page has its nameplate, a flow's first page its opener or
  // headline: no running head over them; the cover has no folio either.
  // `number`: the page's place in the edition, 1 for the first.
  void add_furniture(Page& page, std::size_t index_in_flow, const std::string& head, bool front, std::size_t number) {
    if (!(front && index_in_flow == 0)) furniture_.add(page, index_in_flow == 0 ? std::string() : head, number);
    set_on_its_side(page, number, theme_.page);
  }

  // In a bound book each article opens on a recto: when the next page
  // would be a verso, a blank page (no folio, no running head) goes first.
  void start_on_recto() {
    if (theme_.page.binding == style::Binding::none) return;
    const std::size_t number = result_.pagination.pages.size() + 1;
    if (!theme_.page.inner_on_right(number)) return;
    Page blank;
    blank.width = geometry_.page_width;
    blank.height = geometry_.page_height;
    blank.label = std::to_string(number);
    EditionPage entry;
    entry.label = blank.label;
    result_.pagination.pages.push_back(std::move(entry));
    take_page_(std::move(blank));
  }

  // The front matter again, now with each article's page, handed over after
  // the articles: the writer moves these pages, and their structure
  // elements, to the front.
  void hand_over_numbered_front(std::size_t front_pages) {
    first_pages_ = &result_.pagination.article_first_page;
    in_front_matter_ = true;
    std::vector<Page> pages = build_pages(front_matter(), geometry());
    in_front_matter_ = false;
    if (pages.size() != front_pages)
      throw Error(ErrorKind::internal, "", "the contents set on " + std::to_string(pages.size()) + " pages, not " +
                                               std::to_string(front_pages) + ", once numbered");
    std::set<std::pair<std::size_t, std::size_t>> no_marks_seen;
    take_page_beginnings(pages, no_marks_seen);  // the front has no marks; this removes any
    int depth = 0;
    for (std::size_t index = 0; index < pages.size(); ++index) {
      Page& page = pages[index];
      page.label = std::to_string(index + 1);
      for (const Item& item : page.items)
        if (const auto* tag = std::get_if<StructureItem>(&item)) {
          if (tag->begin && depth++ == 0) ++result_.deferred_front_elements;
          if (!tag->begin) --depth;
        }
      add_furniture(page, index, edition_.meta.title, true, index + 1);
      take_page_(std::move(page));
    }
    result_.deferred_front_pages = pages.size();
  }

  const Edition& edition_;
  const style::Theme& theme_;
  style::Theme article_theme_;
  const ArticleImageLoaders& images_;
  const ImageLoader& cover_loader_;
  const std::vector<std::size_t>* first_pages_;
  const PageSink& take_page_;
  const ColumnGeometry& geometry() const { return in_front_matter_ ? front_geometry_ : geometry_; }

  ColumnGeometry geometry_;        // the articles'
  ColumnGeometry front_geometry_;  // the front page's and the contents'
  bool in_front_matter_ = false;
  bool compact_contents_ = false;  // the contents without bylines and descriptions
  // More stories than this, and a modular front page's contents list
  // headlines only: with a line on each, they would crowd out the stories.
  static constexpr std::size_t compact_contents_above = 12;
  bool front_bookmarked_ = false;
  std::shared_ptr<const image::ImageData> cover_;  // loaded once for the two settings of the front
  std::unique_ptr<EditionMemory> own_memory_;  // when the caller keeps none
  EditionMemory& memory_;
  FontSystem& fonts_;
  Hyphenators& hyphenators_;
  PageFurniture furniture_;
  std::vector<const EditionArticle*> articles_;
  std::set<std::pair<std::size_t, std::size_t>> seen_marks_;
  std::set<std::size_t> started_;  // articles whose first page is known
  EditionLayoutResult result_;
};

}  // namespace

bool front_page_shared(const style::Theme& theme) {
  const ColumnGeometry geometry = column_geometry(theme);
  return theme.article_start == style::ArticleStart::column && front_columns(geometry, theme) == geometry.columns;
}

EditionLayoutResult lay_out_edition(const Edition& edition, const style::Theme& theme,
                                    const ArticleImageLoaders& images, const ImageLoader& cover,
                                    const std::vector<std::size_t>* first_pages, const PageSink& take_page,
                                    EditionMemory* memory) {
  return EditionLayout(edition, theme, images, cover, first_pages, take_page, memory).run();
}

}  // namespace galley::layout
