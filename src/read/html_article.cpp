#include "read/html_article.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "read/html_metadata.hpp"

namespace galley::read::html {
namespace {

// The three rules the search drops one by one when it finds too little.
enum Flag : unsigned {
  strip_unlikely = 1,   // drop elements whose class or id says they are not the article
  weight_classes = 2,   // class and id words raise or lower a container's score
  clean_conditionally_rule = 4,  // drop link lists, image galleries and forms inside the article
};

// Below this many characters the search starts again with fewer rules.
constexpr std::size_t enough_characters = 500;
constexpr std::size_t top_candidate_count = 5;


bool contains_any(const std::string& lowered, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(),
                     [&lowered](const char* word) { return lowered.find(word) != std::string::npos; });
}

bool is_word_character(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Readability's class and id words (its REGEXPS), matched case-blind.
bool is_unlikely_candidate(const std::string& lowered) {
  return contains_any(lowered, {"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
                                "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
                                "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
                                "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager",
                                "popup", "yom-remote"});
}
bool may_be_candidate(const std::string& lowered) {
  return contains_any(lowered, {"and", "article", "body", "column", "content", "main", "shadow"});
}
bool is_positive(const std::string& lowered) {
  return contains_any(lowered, {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                                "pagination", "post", "text", "blog", "story"});
}
bool is_negative(const std::string& lowered) {
  if (contains_any(lowered, {"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr",
                             "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
                             "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget"}))
    return true;
  // "hid" as a word of its own.
  std::size_t at = 0;
  while ((at = lowered.find("hid", at)) != std::string::npos) {
    bool starts = at == 0 || lowered[at - 1] == ' ';
    bool ends = at + 3 == lowered.size() || lowered[at + 3] == ' ';
    if (starts && ends) return true;
    at += 3;
  }
  return false;
}
bool is_byline_word(const std::string& lowered) {
  return contains_any(lowered, {"byline", "author", "dateline", "writtenby", "p-author"});
}
// "share" or "sharedaddy" between word boundaries or underscores.
bool is_share_element(const std::string& lowered) {
  for (const char* word : {"sharedaddy", "share"}) {
    std::size_t length = std::char_traits<char>::length(word);
    for (std::size_t at = lowered.find(word); at != std::string::npos; at = lowered.find(word, at + 1)) {
      bool starts = at == 0 || !is_word_character(lowered[at - 1]) || lowered[at - 1] == '_' ||
                    is_word_character(lowered[at]) != is_word_character(lowered[at - 1]);
      std::size_t end = at + length;
      bool ends = end == lowered.size() || !is_word_character(lowered[end]) || lowered[end] == '_';
      if (starts && ends) return true;
    }
  }
  return false;
}
bool is_allowed_video(const std::string& value) {
  std::string lowered = ascii_lowercase(value);
  for (const char* host : {"dailymotion.com", "youtube.com", "youtube-nocookie.com", "player.vimeo.com", "v.qq.com",
                           "archive.org", "upload.wikimedia.org", "player.twitch.tv"})
    for (const char* prefix : {"//", "//www."})
      if (lowered.find(std::string(prefix) + host) != std::string::npos) return true;
  return false;
}


// Elements that make a <div> a container rather than a paragraph.
bool is_div_to_p_element(const Node* node) {
  return is_one_of(node, {"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"});
}

bool is_phrasing_content(const Node* node) {
  if (node->is_text()) return true;
  if (is_one_of(node, {"abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
                       "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
                       "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
                       "sub", "sup", "textarea", "time", "var", "wbr"}))
    return true;
  if (is_one_of(node, {"a", "del", "ins"})) {
    for (Node* child : children_of(node))
      if (!is_phrasing_content(child)) return false;
    return true;
  }
  return false;
}

bool is_whitespace_node(const Node* node) {
  return (node->is_text() && is_whitespace_text(node->text)) || node->is("br");
}

// The node itself when it is an element or non-blank text, else the next
// such sibling (Readability's _nextNode).
Node* next_significant(Node* node) {
  while (node && node->is_text() && is_whitespace_text(node->text)) node = node->next;
  return node;
}

// Sets has_text on every node whose subtree holds more than whitespace,
// in one pass from the leaves up.
void mark_text_holders(Node* root) {
  std::vector<Node*> order;
  for (const Node* node = root; node; node = next_in_subtree(node, root)) order.push_back(const_cast<Node*>(node));
  for (auto node = order.rbegin(); node != order.rend(); ++node) {
    if ((*node)->is_text()) (*node)->has_text = !is_whitespace_text((*node)->text);
    if ((*node)->has_text && (*node)->parent) (*node)->parent->has_text = true;
  }
}

std::size_t text_length(const Node* node) { return character_count(inner_text(node)); }

double link_density(const Node* node) {
  std::size_t length = text_length(node);
  if (length == 0) return 0;
  double links = 0;
  for (Node* link : elements_named(const_cast<Node*>(node), {"a"})) {
    const std::string& href = link->attribute("href");
    double coefficient = href.size() > 1 && href[0] == '#' ? 0.3 : 1.0;
    links += static_cast<double>(text_length(link)) * coefficient;
  }
  return links / static_cast<double>(length);
}

std::size_t comma_count(const std::string& text) {
  std::size_t count = 0;
  // Commas of Latin, Arabic, CJK and other scripts (Readability's REGEXPS.commas).
  for (const char* comma : {",", "\u060C", "\uFE50", "\uFE10", "\uFE11", "\u2E41", "\u2E34", "\u2E32", "\uFF0C"}) {
    std::size_t length = std::char_traits<char>::length(comma);
    for (std::size_t at = text.find(comma); at != std::string::npos; at = text.find(comma, at + length)) ++count;
  }
  return count;
}

double text_density(Node* node, std::initializer_list<std::string_view> tags) {
  std::size_t length = text_length(node);
  if (length == 0) return 0;
  std::size_t children = 0;
  for (Node* child : elements_named(node, tags)) children += text_length(child);
  return static_cast<double>(children) / static_cast<double>(length);
}

bool has_style(const Node& node, std::string_view property, std::string_view value) {
  // The style attribute's declarations, "property: value" separated by ";".
  std::string style = ascii_lowercase(node.attribute("style"));
  std::size_t start = 0;
  while (start < style.size()) {
    std::size_t end = style.find(';', start);
    if (end == std::string::npos) end = style.size();
    std::string declaration = style.substr(start, end - start);
    start = end + 1;
    std::size_t colon = declaration.find(':');
    if (colon == std::string::npos) continue;
    std::string name = collapse_spaces(declaration.substr(0, colon));
    std::string setting = collapse_spaces(declaration.substr(colon + 1));
    if (std::size_t important = setting.find("!important"); important != std::string::npos)
      setting = collapse_spaces(setting.substr(0, important));
    if (name == property && setting == value) return true;
  }
  return false;
}

class Search {
 public:
  Search(Dom& dom, unsigned flags, const std::string& title, std::vector<std::string>& explanation)
      : dom_(dom), flags_(flags), title_(title), explanation_(explanation) {}

  Node* run();
  const std::string& byline() const { return byline_; }
  // Takes the node's text as the byline when it is one (the first only).
  bool take_byline(Node* node) { return check_byline(node, ascii_lowercase(node->class_and_id())); }

 private:
  bool active(Flag flag) const { return (flags_ & flag) != 0; }
  double class_weight(const Node* node) const;
  void initialize(Node* node) const;
  bool check_byline(Node* node, const std::string& match);
  bool duplicates_title(const Node* node) const;
  Node* remove_and_next(Node* node);
  void note(const std::string& what, const Node* node);
  void prepare_article(Node* article);
  void clean(Node* article, std::string_view tag);
  void clean_conditionally(Node* article, std::string_view tag);
  void mark_data_tables(Node* article);
  void drop_sales_boxes(Node* article);

  Dom& dom_;
  unsigned flags_;
  const std::string& title_;
  std::vector<std::string>& explanation_;
  std::string byline_;
  std::size_t notes_ = 0;
};

void Search::note(const std::string& what, const Node* node) {
  // Enough to debug a page, not a line for every element of it.
  if (++notes_ > 60) return;
  std::string text = inner_text(node);
  if (character_count(text) > 60) {
    std::size_t cut = 60;
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    text = text.substr(0, cut) + "\u2026";
  }
  explanation_.push_back(what + " " + element_path(node) + (text.empty() ? "" : ": \"" + text + "\""));
}

double Search::class_weight(const Node* node) const {
  if (!active(weight_classes)) return 0;
  double weight = 0;
  for (const char* name : {"class", "id"}) {
    std::string value = ascii_lowercase(node->attribute(name));
    if (value.empty()) continue;
    if (is_negative(value)) weight -= 25;
    if (is_positive(value)) weight += 25;
  }
  return weight;
}

void Search::initialize(Node* node) const {
  node->scored = true;
  node->score = 0;
  if (node->is("div"))
    node->score += 5;
  else if (is_one_of(node, {"pre", "td", "blockquote"}))
    node->score += 3;
  else if (is_one_of(node, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"}))
    node->score -= 3;
  else if (is_one_of(node, {"h1", "h2", "h3", "h4", "h5", "h6", "th"}))
    node->score -= 5;
  node->score += class_weight(node);
}

bool Search::check_byline(Node* node, const std::string& match) {
  if (!byline_.empty()) return false;
  bool looks_like_byline = node->attribute("rel") == "author" ||
                           node->attribute("itemprop").find("author") != std::string::npos ||
                           is_byline_word(match);
  if (!looks_like_byline) return false;
  std::string text = collapse_spaces(text_content(node));
  if (text.empty() || character_count(text) >= 100) return false;
  // An author element often holds the name in an itemprop="name" child.
  for (const Node* below = next_in_subtree(node, node); below; below = next_in_subtree(below, node))
    if (!below->is_text() && below->attribute("itemprop").find("name") != std::string::npos) {
      std::string name = collapse_spaces(text_content(below));
      if (!name.empty()) text = name;
      break;
    }
  byline_ = text;
  return true;
}

bool Search::duplicates_title(const Node* node) const {
  if (!is_one_of(node, {"h1", "h2"})) return false;
  return text_similarity(title_, inner_text(node, false)) > 0.75;
}

Node* Search::remove_and_next(Node* node) {
  Node* next = next_element(node, true);
  detach(node);
  return next;
}

// Readability's _replaceBrs: two or more <br> in a row end a paragraph.
void replace_double_breaks(Dom& dom, Node* root) {
  for (Node* br : elements_named(root, {"br"})) {
    if (!br->parent) continue;
    Node* next = br->next;
    bool replaced = false;
    while ((next = next_significant(next)) && next->is("br")) {
      replaced = true;
      Node* sibling = next->next;
      detach(next);
      next = sibling;
    }
    if (!replaced) continue;
    Node* paragraph = dom.create_element("p", br->line);
    replace_node(br, paragraph);
    next = paragraph->next;
    while (next) {
      if (next->is("br")) {
        Node* after = next_significant(next->next);
        if (after && after->is("br")) break;
      }
      if (!is_phrasing_content(next)) break;
      Node* sibling = next->next;
      append_child(paragraph, next);
      next = sibling;
    }
    while (paragraph->last_child && is_whitespace_node(paragraph->last_child)) detach(paragraph->last_child);
    if (paragraph->parent && paragraph->parent->is("p")) paragraph->parent->tag = "div";
  }
}

// What every attempt does to the page before searching it.
void prepare_document(Dom& dom) {
  Node* root = dom.document();
  // Images that load lazily often have a real <img> in a <noscript> beside
  // them: the reader keeps both and chooses; everything else in noscript,
  // and every script and style, goes.
  for (Node* node : elements_named(root, {"script", "style", "template", "link"})) detach(node);
  for (Node* node : elements_named(root, {"noscript"})) {
    if (!node->parent) continue;
    std::vector<Node*> images = elements_named(node, {"img"});
    if (images.size() == 1 && is_whitespace_text(text_content(node))) {
      node->tag = "span";
      node->set_attribute("data-galley-noscript", "1");
    } else {
      detach(node);
    }
  }
  for (Node* font : elements_named(root, {"font"})) font->tag = "span";
  // A javascript: link leads nowhere outside a browser: its text stays.
  for (Node* link : elements_named(root, {"a"}))
    if (ascii_lowercase(collapse_spaces(link->attribute("href"))).rfind("javascript:", 0) == 0) {
      link->tag = "span";
      link->remove_attribute("href");
    }
  if (Node* body = dom.body()) replace_double_breaks(dom, body);
}

Node* Search::run() {
  Node* body = dom_.body();
  if (!body) return nullptr;
  mark_text_holders(dom_.document());
  std::vector<Node*> elements_to_score;
  bool remove_title_header = true;
  for (Node* node = dom_.html(); node;) {
    std::string match = ascii_lowercase(node->class_and_id());
    if (is_probably_hidden(*node)) {
      note("dropped hidden", node);
      node = remove_and_next(node);
      continue;
    }
    if (node->attribute("aria-modal") == "true" && node->attribute("role") == "dialog") {
      note("dropped dialog", node);
      node = remove_and_next(node);
      continue;
    }
    if (check_byline(node, match)) {
      note("took byline from", node);
      node = remove_and_next(node);
      continue;
    }
    if (remove_title_header && duplicates_title(node)) {
      remove_title_header = false;
      node = remove_and_next(node);
      continue;
    }
    if (active(strip_unlikely)) {
      if (is_unlikely_candidate(match) && !may_be_candidate(match) && !has_ancestor_named(node, "table", 0) &&
          !has_ancestor_named(node, "code", 0) && !node->is("body") && !node->is("a")) {
        note("dropped unlikely", node);
        node = remove_and_next(node);
        continue;
      }
      const std::string& role = node->attribute("role");
      if (role == "menu" || role == "menubar" || role == "complementary" || role == "navigation" ||
          role == "alert" || role == "alertdialog" || role == "dialog") {
        note("dropped role=" + role, node);
        node = remove_and_next(node);
        continue;
      }
    }
    if (is_one_of(node, {"div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"})) {
      // Elements without content: no text, and nothing but <br> and <hr>.
      bool empty = !node->has_text;
      if (empty)
        for (Node* child : children_of(node))
          if (!child->is_text() && !child->is("br") && !child->is("hr")) empty = false;
      if (empty) {
        node = remove_and_next(node);
        continue;
      }
    }
    if (is_one_of(node, {"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"})) elements_to_score.push_back(node);

    if (node->is("div")) {
      // Runs of phrasing content become paragraphs of their own.
      Node* paragraph = nullptr;
      for (Node* child = node->first_child; child;) {
        Node* next = child->next;
        if (is_phrasing_content(child)) {
          if (paragraph) {
            append_child(paragraph, child);
          } else if (!is_whitespace_node(child)) {
            paragraph = dom_.create_element("p", node->line);
            replace_node(child, paragraph);
            append_child(paragraph, child);
          }
        } else if (paragraph) {
          while (paragraph->last_child && is_whitespace_node(paragraph->last_child)) detach(paragraph->last_child);
          paragraph = nullptr;
        }
        child = next;
      }
      // A <div> holding one <p> and no text of its own is that paragraph.
      std::vector<Node*> elements = node->element_children();
      bool single_paragraph = elements.size() == 1 && elements.front()->is("p");
      if (single_paragraph)
        for (Node* child : children_of(node))
          if (child->is_text() && !is_whitespace_text(child->text)) single_paragraph = false;
      if (single_paragraph && link_density(node) < 0.25) {
        Node* inner = elements.front();
        replace_node(node, inner);
        node = inner;
        elements_to_score.push_back(node);
      } else {
        bool has_block = false;
        for (const Node* below = next_in_subtree(node, node); below && !has_block; below = next_in_subtree(below, node))
          has_block = !below->is_text() && is_div_to_p_element(below);
        if (!has_block) {
          node->tag = "p";
          elements_to_score.push_back(node);
        }
      }
    }
    node = next_element(node);
  }

  // Each paragraph gives its score to its ancestors, less with each level.
  std::vector<Node*> candidates;
  for (Node* element : elements_to_score) {
    if (!element->parent || element->parent->tag == "#document") continue;
    std::string text = inner_text(element);
    std::size_t length = character_count(text);
    if (length < 25) continue;
    double score = 1 + static_cast<double>(comma_count(text) + 1) + std::min<double>(std::floor(length / 100.0), 3);
    int level = 0;
    for (Node* ancestor = element->parent; ancestor && level < 5; ancestor = ancestor->parent, ++level) {
      if (!ancestor->parent || ancestor->parent->tag == "#document") break;
      if (!ancestor->scored) {
        initialize(ancestor);
        candidates.push_back(ancestor);
      }
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      ancestor->score += score / divider;
    }
  }

  // The best candidates, their scores scaled down by their share of link text.
  std::vector<Node*> top;
  for (Node* candidate : candidates) {
    candidate->score *= 1 - link_density(candidate);
    auto at = std::find_if(top.begin(), top.end(), [candidate](Node* other) { return candidate->score > other->score; });
    if (at - top.begin() < static_cast<long>(top_candidate_count)) {
      top.insert(at, candidate);
      if (top.size() > top_candidate_count) top.pop_back();
    }
  }

  Node* top_candidate = top.empty() ? nullptr : top.front();
  bool made_top_candidate = false;
  if (!top_candidate || top_candidate->is("body")) {
    // No container stands out: the whole body is the article.
    top_candidate = dom_.create_element("div");
    made_top_candidate = true;
    while (body->first_child) append_child(top_candidate, body->first_child);
    append_child(body, top_candidate);
    initialize(top_candidate);
    explanation_.push_back("no container stands out; taking the whole <body>");
  } else {
    explanation_.push_back("best container " + element_path(top_candidate) + ", score " +
                           std::to_string(static_cast<long>(std::lround(top_candidate->score))));
    for (std::size_t index = 1; index < top.size(); ++index)
      explanation_.push_back("  runner-up " + element_path(top[index]) + ", score " +
                             std::to_string(static_cast<long>(std::lround(top[index]->score))));
    // When three runners-up score close to the best and share an ancestor
    // with it, the article is that ancestor (a page of many sections).
    std::vector<std::vector<Node*>> alternative_ancestors;
    for (std::size_t index = 1; index < top.size(); ++index)
      if (top[index]->score / top_candidate->score >= 0.75) {
        std::vector<Node*> ancestors;
        for (Node* ancestor = top[index]->parent; ancestor; ancestor = ancestor->parent) ancestors.push_back(ancestor);
        alternative_ancestors.push_back(std::move(ancestors));
      }
    if (alternative_ancestors.size() >= 3) {
      for (Node* parent = top_candidate->parent; parent && !parent->is("body"); parent = parent->parent) {
        std::size_t lists = 0;
        for (const auto& ancestors : alternative_ancestors)
          lists += std::find(ancestors.begin(), ancestors.end(), parent) != ancestors.end() ? 1 : 0;
        if (lists >= 3) {
          top_candidate = parent;
          explanation_.push_back("three runners-up share " + element_path(parent) + ": taking it");
          break;
        }
      }
    }
    if (!top_candidate->scored) initialize(top_candidate);
    // A parent that scores better than its best child holds more of the article.
    double last_score = top_candidate->score;
    double threshold = last_score / 3;
    for (Node* parent = top_candidate->parent; parent && !parent->is("body"); parent = parent->parent) {
      if (!parent->scored) continue;
      if (parent->score < threshold) break;
      if (parent->score > last_score) {
        top_candidate = parent;
        explanation_.push_back("its parent scores better: " + element_path(parent));
        break;
      }
      last_score = parent->score;
    }
    // An only child is its parent.
    while (top_candidate->parent && !top_candidate->parent->is("body") &&
           top_candidate->parent->element_child_count() == 1)
      top_candidate = top_candidate->parent;
    if (!top_candidate->scored) initialize(top_candidate);
  }

  // The chosen container and the siblings that belong to it.
  Node* article = dom_.create_element("div");
  double sibling_threshold = std::max(10.0, top_candidate->score * 0.2);
  Node* parent = top_candidate->parent;
  const std::string& top_class = top_candidate->attribute("class");
  for (Node* sibling = parent ? parent->first_child : top_candidate; sibling;) {
    Node* next = sibling->next;
    bool append = sibling == top_candidate;
    if (!append && !sibling->is_text()) {
      double bonus = 0;
      if (!top_class.empty() && sibling->attribute("class") == top_class) bonus += top_candidate->score * 0.2;
      if (sibling->scored && sibling->score + bonus >= sibling_threshold) {
        append = true;
      } else if (sibling->is("p")) {
        double density = link_density(sibling);
        std::string text = inner_text(sibling);
        std::size_t length = character_count(text);
        bool sentence = false;
        for (std::size_t at = text.find('.'); at != std::string::npos && !sentence; at = text.find('.', at + 1))
          sentence = at + 1 == text.size() || text[at + 1] == ' ';
        append = (length > 80 && density < 0.25) || (length < 80 && length > 0 && density == 0 && sentence);
      }
      if (append) note("kept sibling", sibling);
    }
    if (append) append_child(article, sibling);
    if (!parent) break;
    sibling = next;
  }
  if (made_top_candidate) explanation_.push_back("kept the body's text");
  prepare_article(article);
  return article;
}

void Search::mark_data_tables(Node* article) {
  for (Node* table : elements_named(article, {"table"})) {
    table->data_table = [&] {
      if (table->attribute("role") == "presentation") return false;
      if (table->attribute("datatable") == "0") return false;
      if (!table->attribute("summary").empty()) return true;
      for (Node* caption : elements_named(table, {"caption"}))
        if (caption->first_child) return true;
      if (!elements_named(table, {"col", "colgroup", "tfoot", "thead", "th"}).empty()) return true;
      if (!elements_named(table, {"table"}).empty()) return false;
      std::size_t rows = 0, columns = 0;
      for (Node* row : elements_named(table, {"tr"})) {
        std::size_t span = 1;
        const std::string& rowspan = row->attribute("rowspan");
        if (!rowspan.empty() && std::isdigit(static_cast<unsigned char>(rowspan[0]))) span = std::stoul(rowspan.substr(0, 4));
        rows += span;
        std::size_t in_row = 0;
        for (Node* cell : elements_named(row, {"td"})) {
          const std::string& colspan = cell->attribute("colspan");
          in_row += !colspan.empty() && std::isdigit(static_cast<unsigned char>(colspan[0])) ? std::stoul(colspan.substr(0, 4)) : 1;
        }
        columns = std::max(columns, in_row);
      }
      if (rows >= 10 || columns > 4) return true;
      return rows * columns > 10;
    }();
  }
}

void Search::clean(Node* article, std::string_view tag) {
  bool embed = tag == "object" || tag == "embed" || tag == "iframe";
  for (Node* node : elements_named(article, {tag})) {
    if (embed) {
      // Videos stay: the reader turns them into a linked note.
      bool video = std::any_of(node->attributes.begin(), node->attributes.end(),
                               [](const auto& attribute) { return is_allowed_video(attribute.second); });
      if (video) continue;
      // So do other embeds with an address a reader can follow.
      if (tag == "iframe" && is_embed_worth_a_note(*node)) continue;
    }
    note("dropped <" + std::string(tag) + ">", node);
    detach(node);
  }
}

void Search::clean_conditionally(Node* article, std::string_view tag) {
  if (!active(clean_conditionally_rule)) return;
  std::vector<Node*> nodes = elements_named(article, {tag});
  for (auto each = nodes.rbegin(); each != nodes.rend(); ++each) {
    Node* node = *each;
    if (!node->parent) continue;
    bool is_list = tag == "ul" || tag == "ol";
    if (!is_list) {
      std::size_t list_length = 0;
      for (Node* list : elements_named(node, {"ul", "ol"})) list_length += text_length(list);
      std::size_t length = text_length(node);
      is_list = length > 0 && static_cast<double>(list_length) / static_cast<double>(length) > 0.9;
    }
    if (tag == "table" && node->data_table) continue;
    bool in_data_table = false;
    for (Node* ancestor = node->parent; ancestor; ancestor = ancestor->parent)
      if (ancestor->is("table") && ancestor->data_table) in_data_table = true;
    if (in_data_table || has_ancestor_named(node, "code", 0)) continue;
    double weight = class_weight(node);
    bool remove = false;
    std::string why;
    if (weight < 0) {
      remove = true;
      why = "class or id";
    } else if (comma_count(inner_text(node)) < 10) {
      std::size_t paragraphs = count_elements_named(node, "p");
      std::size_t images = count_elements_named(node, "img");
      long items = static_cast<long>(count_elements_named(node, "li")) - 100;
      std::size_t inputs = count_elements_named(node, "input");
      double heading_density = text_density(node, {"h1", "h2", "h3", "h4", "h5", "h6"});
      std::size_t embeds = 0;
      bool keeps_video = false;
      for (Node* embed : elements_named(node, {"object", "embed", "iframe"})) {
        for (const auto& attribute : embed->attributes)
          if (is_allowed_video(attribute.second)) keeps_video = true;
        ++embeds;
      }
      if (keeps_video) continue;
      double density = link_density(node);
      std::size_t length = text_length(node);
      bool in_figure = has_ancestor_named(node, "figure", 3);
      if (images > 1 && static_cast<double>(paragraphs) / static_cast<double>(images) < 0.5 && !in_figure)
        why = "more images than paragraphs";
      else if (!is_list && items > static_cast<long>(paragraphs))
        why = "more list items than paragraphs";
      else if (inputs > paragraphs / 3)
        why = "a form";
      else if (!is_list && heading_density < 0.9 && length < 25 && (images == 0 || images > 2) && !in_figure)
        why = "too little text";
      else if (!is_list && weight < 25 && density > 0.2)
        why = "mostly links";
      else if (weight >= 25 && density > 0.5)
        why = "mostly links";
      else if ((embeds == 1 && length < 75) || embeds > 1)
        why = "embeds";
      remove = !why.empty();
      // A list of images, one per item, stays.
      if (remove && is_list) {
        bool simple = true;
        for (Node* item : node->element_children())
          if (item->element_child_count() > 1) simple = false;
        if (simple && images == count_elements_named(node, "li")) remove = false;
      }
    }
    if (remove) {
      note("dropped <" + std::string(tag) + "> (" + why + ")", node);
      detach(node);
    }
  }
}

void Search::prepare_article(Node* article) {
  mark_data_tables(article);
  clean_conditionally(article, "form");
  clean_conditionally(article, "fieldset");
  clean(article, "object");
  clean(article, "embed");
  clean(article, "footer");
  clean(article, "link");
  clean(article, "aside");
  // Share bars, wherever they are.
  for (Node* top = article->first_element_child(); top; top = top->next_element_sibling()) {
    Node* end = next_element(top, true);
    for (Node* node = next_element(top); node && node != end;) {
      if (is_share_element(ascii_lowercase(node->class_and_id())) && character_count(text_content(node)) < enough_characters) {
        note("dropped share bar", node);
        node = remove_and_next(node);
      } else {
        node = next_element(node);
      }
    }
  }
  for (std::string_view tag : {"iframe", "input", "textarea", "select", "button"}) clean(article, tag);
  for (Node* heading : elements_named(article, {"h1", "h2"}))
    if (class_weight(heading) < 0) {
      note("dropped heading", heading);
      detach(heading);
    }
  clean_conditionally(article, "table");
  clean_conditionally(article, "ul");
  clean_conditionally(article, "div");
  for (Node* heading : elements_named(article, {"h1"})) heading->tag = "h2";
  for (Node* paragraph : elements_named(article, {"p"})) {
    bool has_media = !elements_named(paragraph, {"img", "embed", "object", "iframe"}).empty();
    if (!has_media && is_whitespace_text(text_content(paragraph))) detach(paragraph);
  }
  for (Node* br : elements_named(article, {"br"})) {
    Node* next = next_significant(br->next);
    if (next && next->is("p")) detach(br);
  }
  drop_sales_boxes(article);
}

// Beyond Readability: what newsrooms put inside the article that is not the
// article. Boxes whose class says they sell something (a newsletter, a
// subscription, related stories) and hold little text, and "Read more:"
// teasers that are a link to another story.
void Search::drop_sales_boxes(Node* article) {
  for (Node* node = next_element(article); node && node != article;) {
    std::string words = ascii_lowercase(node->class_and_id());
    bool box = contains_any(words, {"newsletter", "subscribe", "signup", "sign-up", "promo", "advert", "sponsored",
                                    "related", "recommend", "more-stories", "read-more", "readmore", "outbrain",
                                    "taboola", "paywall", "inline-ad", "ad-container", "ad-slot", "ad-wrapper"});
    if (box && character_count(inner_text(node)) < 300) {
      note("dropped box", node);
      node = remove_and_next(node);
      continue;
    }
    if (is_one_of(node, {"p", "div", "h3", "h4", "strong"}) && node->element_child_count() <= 3) {
      std::string text = ascii_lowercase(inner_text(node));
      bool teaser_words = false;
      for (const char* start : {"read more", "related:", "see also:", "read also", "more:", "recommended:", "watch:",
                                "read next", "most read", "further reading:"})
        teaser_words = teaser_words || text.rfind(start, 0) == 0;
      if (teaser_words && character_count(text) < 200 && link_density(node) >= 0.5) {
        note("dropped teaser", node);
        node = remove_and_next(node);
        continue;
      }
    }
    node = next_element(node);
  }
}

}  // namespace

bool is_embed_worth_a_note(const Node& node) {
  std::string src = ascii_lowercase(node.attribute("src").empty() ? node.attribute("data-src") : node.attribute("src"));
  if (src.rfind("http", 0) != 0 && src.rfind("//", 0) != 0) return false;
  // Advertising frames are never the article's.
  for (const char* host : {"doubleclick", "googlesyndication", "adservice", "amazon-adsystem", "taboola", "outbrain",
                           "adsafeprotected", "moatads", "criteo", "/ads/", "ads."})
    if (src.find(host) != std::string::npos) return false;
  for (const char* size : {"width", "height"}) {
    const std::string& value = node.attribute(size);
    if (!value.empty() && std::isdigit(static_cast<unsigned char>(value[0])) && std::stoul(value.substr(0, 6)) <= 2)
      return false;
  }
  return true;
}

bool is_probably_hidden(const Node& node) {
  if (has_style(node, "display", "none") || has_style(node, "visibility", "hidden")) return true;
  if (node.has_attribute("hidden")) return true;
  if (node.attribute("aria-hidden") == "true" && node.attribute("class").find("fallback-image") == std::string::npos)
    return true;
  return false;
}

std::string element_path(const Node* node) {
  std::vector<std::string> parts;
  for (const Node* at = node; at && at->tag != "#document" && parts.size() < 6; at = at->parent) {
    std::string part = at->tag;
    std::string id = collapse_spaces(at->attribute("id"));
    std::string classes = collapse_spaces(at->attribute("class"));
    if (!classes.empty()) {
      std::replace(classes.begin(), classes.end(), ' ', '.');
      part += "." + classes;
    }
    if (!id.empty()) part += "#" + id;
    if (at->line > 0 && at == node) part += " (line " + std::to_string(at->line) + ")";
    parts.push_back(part);
  }
  std::string path;
  for (auto part = parts.rbegin(); part != parts.rend(); ++part) path += (path.empty() ? "" : " > ") + *part;
  return path;
}

ArticleSearch find_article(const std::function<std::unique_ptr<Dom>()>& parse, const std::string& title) {
  ArticleSearch best;
  std::vector<std::string> log;
  unsigned flags = strip_unlikely | weight_classes | clean_conditionally_rule;
  for (int attempt = 1;; ++attempt) {
    ArticleSearch result;
    result.dom = parse();
    prepare_document(*result.dom);
    log.push_back("attempt " + std::to_string(attempt) + ", rules:" +
                  ((flags & strip_unlikely) ? " strip-unlikely" : "") +
                  ((flags & weight_classes) ? " weigh-classes" : "") +
                  ((flags & clean_conditionally_rule) ? " clean-conditionally" : "") + (flags ? "" : " none"));
    Search search(*result.dom, flags, title, log);
    result.content = search.run();
    result.byline = search.byline();
    result.text_length = result.content ? text_length(result.content) : 0;
    log.push_back("found " + std::to_string(result.text_length) + " characters");
    if (!best.content || result.text_length > best.text_length) best = std::move(result);
    if (best.text_length >= enough_characters || !flags) break;
    // Too little: search again with one rule fewer.
    if (flags & strip_unlikely)
      flags &= ~strip_unlikely;
    else if (flags & weight_classes)
      flags &= ~weight_classes;
    else
      flags &= ~clean_conditionally_rule;
  }
  best.explanation = std::move(log);
  return best;
}

std::string clean_fragment(Dom& dom) {
  prepare_document(dom);
  std::vector<std::string> unused;
  const std::string no_title;
  Search search(dom, strip_unlikely | weight_classes | clean_conditionally_rule, no_title, unused);
  for (Node* node = dom.html(); node;) {
    bool hidden = is_probably_hidden(*node);
    bool junk = is_one_of(node, {"form", "button", "input", "select", "textarea", "nav", "object", "embed"}) ||
                (node->is("iframe") && !is_allowed_video(node->attribute("src")) && !is_embed_worth_a_note(*node)) ||
                is_share_element(ascii_lowercase(node->class_and_id()));
    if (hidden || junk || search.take_byline(node)) {
      Node* next = next_element(node, true);
      detach(node);
      node = next;
    } else {
      node = next_element(node);
    }
  }
  return search.byline();
}

}  // namespace galley::read::html
