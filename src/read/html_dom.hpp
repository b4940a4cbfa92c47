// A web page as a tree galley can change: the HTML reader parses with
// gumbo (the HTML5 algorithm, so any bytes give a tree), then copies gumbo's
// read-only tree into this one, where finding the article can drop,
// rename and move elements as Readability does on a browser's DOM.
//
// Every walk over the tree is a loop with an explicit stack or parent
// pointers, never recursion: hostile pages nest elements without limit.
#pragma once

#include <cstdint>
#include <deque>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::read::html {

struct Node {
  // Lowercase element name ("div", "p", "svg"); empty for a text node.
  std::string tag;
  std::string text;  // a text node's characters (UTF-8); empty for elements
  std::vector<std::pair<std::string, std::string>> attributes;  // names lowercase, in source order
  // The tree as links, so moving a node and finding its siblings cost the
  // same on a page whose body has a million children.
  Node* parent = nullptr;
  Node* first_child = nullptr;
  Node* last_child = nullptr;
  Node* previous = nullptr;  // sibling
  Node* next = nullptr;      // sibling
  int line = 0;  // 1-based source line where the element starts, 0 for nodes galley made

  // What finding the article notes about an element.
  bool scored = false;   // has a content score (Readability's `readability` object)
  double score = 0;
  bool data_table = false;  // a table of data, not of layout
  bool has_text = false;    // holds more than whitespace (set when the search starts)

  bool is_text() const { return tag.empty(); }
  bool is(std::string_view name) const { return tag == name; }
  // The attribute's value, or empty when it is absent.
  const std::string& attribute(std::string_view name) const;
  bool has_attribute(std::string_view name) const;
  void set_attribute(std::string_view name, std::string value);
  void remove_attribute(std::string_view name);
  // "class id", what the class and id heuristics read.
  std::string class_and_id() const;
  std::vector<Node*> element_children() const;
  std::size_t element_child_count() const;
  Node* first_element_child() const;
  Node* next_element_sibling() const;
};

// `for (Node* child : children_of(node))`; the loop must not detach `child`
// (take `child->next` first, as detach's callers do).
struct ChildRange {
  struct Iterator {
    Node* node;
    Node* operator*() const { return node; }
    Iterator& operator++() {
      node = node->next;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return node != other.node; }
  };
  const Node* parent;
  Iterator begin() const { return {parent->first_child}; }
  Iterator end() const { return {nullptr}; }
};
inline ChildRange children_of(const Node* node) { return {node}; }

// Owns every node of one tree; nodes are never freed before the tree,
// so pointers stay valid after an element is detached.
class Dom {
 public:
  Dom() = default;
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;

  Node* document() { return document_; }  // the root above <html>
  Node* html() const;                     // the <html> element
  Node* body() const;                     // <body>, or null
  Node* head() const;                     // <head>, or null

  Node* create_element(std::string tag, int line = 0);
  Node* create_text(std::string text);
  // Whether the page was only a fragment: no <html>, <head> or <body> in
  // its source, each supplied by the parser (a CMS export of one article).
  bool is_fragment() const { return fragment_; }

  void set_document(Node* document, bool fragment) {
    document_ = document;
    fragment_ = fragment;
  }

 private:
  std::deque<Node> nodes_;
  Node* document_ = nullptr;
  bool fragment_ = false;
};

// Elements nested deeper than this are left out and their content given to
// their ancestor at this depth: no word is lost, and no walk over the tree
// costs more than this many steps per node. Real pages nest a few hundred
// levels at most.
inline constexpr int max_element_depth = 400;

// Parses UTF-8 text as HTML5 into a new tree.
std::unique_ptr<Dom> parse_html(const std::string& utf8);

// A copy of the tree, as it was parsed (no search marks): the article
// search starts again from one when its first attempt finds too little.
std::unique_ptr<Dom> clone_dom(Dom& dom);

// How much work parsing `text` will cost gumbo, estimated from its tags
// alone: the parser's checks walk the stack of open elements, so a page
// that nests elements thousands deep costs time in the square of its depth.
struct NestingEstimate {
  std::size_t deepest = 0;          // open elements at the deepest point
  std::uint64_t stack_steps = 0;    // the sum of the depth at every tag
};
NestingEstimate estimate_nesting(std::string_view text);

// ---------------------------------------------------------------- tree edits

void detach(Node* node);                         // from its parent; keeps its subtree
void append_child(Node* parent, Node* child);    // detaches child first
void insert_before(Node* parent, Node* child, Node* before);  // before == null: append
void replace_node(Node* old_node, Node* new_node);  // new_node takes old_node's place

// ---------------------------------------------------------------- walks

// The next element in document order after `node`, entering its children
// unless `skip_children`; null at the end (Readability's _getNextNode).
Node* next_element(Node* node, bool skip_children = false);
// The node after `node` in document order (text nodes too), entering its
// children; null past the end of `root`'s subtree.
const Node* next_in_subtree(const Node* node, const Node* root);
// Every element below `root` named one of `tags`, in document order.
std::vector<Node*> elements_named(Node* root, std::initializer_list<std::string_view> tags);
std::size_t count_elements_named(Node* root, std::string_view tag);
// Every text inside `node`, joined (the DOM's textContent).
std::string text_content(const Node* node);
// textContent trimmed, runs of whitespace as one space (Readability's _getInnerText).
std::string inner_text(const Node* node, bool normalize_spaces = true);
// Whether `node` lies inside an element named `tag`, at most `max_depth`
// levels up (0: any depth).
bool has_ancestor_named(const Node* node, std::string_view tag, int max_depth = 3);
// ASCII letters lowered (tag, attribute and class names; CSS and URL words).
inline std::string ascii_lowercase(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}
// An absolute web address ("https://…", "//host/…"), not a name.
inline bool starts_with_url(const std::string& text) {
  return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0 || text.rfind("//", 0) == 0;
}
// HTML's white space (and a vertical tab, which some pages carry).
inline bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_one_of(const Node* node, std::initializer_list<std::string_view> tags) {
  for (std::string_view tag : tags)
    if (node->tag == tag) return true;
  return false;
}
// The number of Unicode characters (not bytes) in UTF-8 text.
std::size_t character_count(std::string_view text);
bool is_whitespace_text(std::string_view text);

}  // namespace galley::read::html
