#include "read/html_dom.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <iterator>

namespace galley::read::html {
namespace {

const std::string no_value;

// The memory of one gumbo parse, freed all at once when the parse is
// copied. gumbo_destroy_output frees the tree by recursion, a stack frame
// per level of nesting, which a page of 100,000 nested elements overflows;
// so gumbo allocates from here, its frees are ignored, and nothing of it
// is destroyed node by node. Memory gumbo would have freed early (buffers
// it grew) stays until the end of the parse: at most about as much again.
class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    for (void* block : blocks_) std::free(block);
  }

  static void* allocate(void* self, std::size_t size) { return static_cast<GumboArena*>(self)->take(size); }
  static void release(void*, void*) {}

 private:
  static constexpr std::size_t chunk_size = 1 << 20;
  static constexpr std::size_t alignment = alignof(std::max_align_t);

  void* take(std::size_t size) {
    size = (size + alignment - 1) / alignment * alignment;
    if (size > chunk_size / 4) return own_block(size);
    if (used_ + size > chunk_size || !chunk_) {
      chunk_ = static_cast<char*>(own_block(chunk_size));
      used_ = 0;
    }
    void* block = chunk_ + used_;
    used_ += size;
    return block;
  }
  void* own_block(std::size_t size) {
    void* block = std::malloc(size);
    // gumbo cannot be told of a failure: out of memory ends the process, as
    // its own allocator would.
    if (!block) std::abort();
    blocks_.push_back(block);
    return block;
  }

  std::vector<void*> blocks_;
  char* chunk_ = nullptr;
  std::size_t used_ = 0;
};


std::string element_name(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece original = element.original_tag;
  gumbo_tag_from_original_text(&original);
  return ascii_lowercase(std::string(original.data ? original.data : "", original.length));
}

bool inserted_by_parser(const GumboNode* node) {
  return node == nullptr || (node->parse_flags & GUMBO_INSERTION_BY_PARSER) != 0;
}

}  // namespace

// ---------------------------------------------------------------- Node

const std::string& Node::attribute(std::string_view name) const {
  for (const auto& [key, value] : attributes)
    if (key == name) return value;
  return no_value;
}

bool Node::has_attribute(std::string_view name) const {
  return std::any_of(attributes.begin(), attributes.end(), [name](const auto& entry) { return entry.first == name; });
}

void Node::set_attribute(std::string_view name, std::string value) {
  for (auto& [key, existing] : attributes)
    if (key == name) {
      existing = std::move(value);
      return;
    }
  attributes.emplace_back(std::string(name), std::move(value));
}

void Node::remove_attribute(std::string_view name) {
  attributes.erase(std::remove_if(attributes.begin(), attributes.end(),
                                  [name](const auto& entry) { return entry.first == name; }),
                   attributes.end());
}

std::string Node::class_and_id() const { return attribute("class") + " " + attribute("id"); }

std::vector<Node*> Node::element_children() const {
  std::vector<Node*> elements;
  for (Node* child = first_child; child; child = child->next)
    if (!child->is_text()) elements.push_back(child);
  return elements;
}

std::size_t Node::element_child_count() const {
  std::size_t count = 0;
  for (Node* child = first_child; child; child = child->next) count += child->is_text() ? 0 : 1;
  return count;
}

Node* Node::first_element_child() const {
  for (Node* child = first_child; child; child = child->next)
    if (!child->is_text()) return child;
  return nullptr;
}

Node* Node::next_element_sibling() const {
  for (Node* sibling = next; sibling; sibling = sibling->next)
    if (!sibling->is_text()) return sibling;
  return nullptr;
}

// ---------------------------------------------------------------- Dom

Node* Dom::html() const {
  if (!document_) return nullptr;
  for (Node* child : children_of(document_))
    if (child->is("html")) return child;
  return nullptr;
}

Node* Dom::body() const {
  Node* root = html();
  if (!root) return nullptr;
  for (Node* child : children_of(root))
    if (child->is("body")) return child;
  return nullptr;
}

Node* Dom::head() const {
  Node* root = html();
  if (!root) return nullptr;
  for (Node* child : children_of(root))
    if (child->is("head")) return child;
  return nullptr;
}

Node* Dom::create_element(std::string tag, int line) {
  Node& node = nodes_.emplace_back();
  node.tag = std::move(tag);
  node.line = line;
  return &node;
}

Node* Dom::create_text(std::string text) {
  Node& node = nodes_.emplace_back();
  node.text = std::move(text);
  return &node;
}

std::unique_ptr<Dom> parse_html(const std::string& utf8) {
  GumboArena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboArena::allocate;
  options.deallocator = &GumboArena::release;
  options.userdata = &arena;
  // Garbage input has an error at every byte; galley reads none of them.
  options.max_errors = 0;
  const GumboOutput* output = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  auto dom = std::make_unique<Dom>();
  Node* document = dom->create_element("#document");
  bool fragment = true;
  if (!output) {
    dom->set_document(document, true);
    return dom;
  }

  // Copy gumbo's tree with an explicit stack of (gumbo node, our parent).
  struct Pending {
    const GumboNode* source;
    Node* parent;
    int depth;  // of the parent
  };
  std::vector<Pending> pending;
  const GumboVector& top = output->document->v.document.children;
  for (unsigned index = top.length; index-- > 0;)
    pending.push_back({static_cast<const GumboNode*>(top.data[index]), document, 0});
  while (!pending.empty()) {
    auto [source, parent, depth] = pending.back();
    pending.pop_back();
    switch (source->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA: {
        append_child(parent, dom->create_text(source->v.text.text ? source->v.text.text : ""));
        break;
      }
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& element = source->v.element;
        if (depth >= max_element_depth) {
          // Too deep: the element's content goes to the ancestor at the limit.
          for (unsigned index = element.children.length; index-- > 0;)
            pending.push_back({static_cast<const GumboNode*>(element.children.data[index]), parent, depth});
          break;
        }
        Node* node = dom->create_element(element_name(element), static_cast<int>(element.start_pos.line));
        if ((element.tag == GUMBO_TAG_HTML || element.tag == GUMBO_TAG_HEAD || element.tag == GUMBO_TAG_BODY) &&
            !inserted_by_parser(source))
          fragment = false;
        node->attributes.reserve(element.attributes.length);
        for (unsigned index = 0; index < element.attributes.length; ++index) {
          const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[index]);
          node->attributes.emplace_back(ascii_lowercase(attribute->name ? attribute->name : ""),
                                        attribute->value ? attribute->value : "");
        }
        append_child(parent, node);
        const GumboVector& children = element.children;
        for (unsigned index = children.length; index-- > 0;)
          pending.push_back({static_cast<const GumboNode*>(children.data[index]), node, depth + 1});
        break;
      }
      default:  // comments and the doctype carry no article text
        break;
    }
  }
  dom->set_document(document, fragment);
  return dom;
}

std::unique_ptr<Dom> clone_dom(Dom& dom) {
  auto copy = std::make_unique<Dom>();
  Node* root = copy->create_element("#document");
  // Walk the source in document order, keeping the copy of each node's parent.
  std::vector<std::pair<const Node*, Node*>> pending;
  for (Node* child = dom.document()->last_child; child; child = child->previous) pending.emplace_back(child, root);
  while (!pending.empty()) {
    auto [source, parent] = pending.back();
    pending.pop_back();
    Node* node = source->is_text() ? copy->create_text(source->text) : copy->create_element(source->tag, source->line);
    node->attributes = source->attributes;
    append_child(parent, node);
    for (Node* child = source->last_child; child; child = child->previous) pending.emplace_back(child, node);
  }
  copy->set_document(root, dom.is_fragment());
  return copy;
}

NestingEstimate estimate_nesting(std::string_view text) {
  // Elements that close themselves or may be left open without nesting
  // deeper (void elements, and those whose end tags HTML makes optional).
  static const std::string_view flat[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
      "keygen", "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "rb", "rt", "rp", "colgroup",
      "caption", "thead", "tbody", "tfoot", "html", "head", "body", "!doctype"};
  NestingEstimate estimate;
  std::size_t depth = 0;
  std::size_t at = 0;
  while ((at = text.find('<', at)) != std::string_view::npos) {
    ++at;
    bool closing = at < text.size() && text[at] == '/';
    if (closing) ++at;
    std::size_t end = at;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-' || text[end] == '!'))
      ++end;
    if (end == at || !std::isalpha(static_cast<unsigned char>(text[at]))) continue;
    std::string name(text.substr(at, end - at));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    at = end;
    if (!closing && (name == "script" || name == "style")) {
      // Their text is not markup: skip to the end tag.
      std::size_t close = text.find("</", at);
      while (close != std::string_view::npos && !std::equal(name.begin(), name.end(), text.begin() + static_cast<long>(close) + 2,
                                                            text.begin() + std::min(text.size(), close + 2 + name.size()),
                                                            [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
        close = text.find("</", close + 2);
      at = close == std::string_view::npos ? text.size() : close;
      continue;
    }
    estimate.stack_steps += depth;
    if (std::find(std::begin(flat), std::end(flat), name) != std::end(flat)) continue;
    if (closing) {
      if (depth > 0) --depth;
    } else {
      std::size_t tag_end = text.find('>', at);
      bool self_closing = tag_end != std::string_view::npos && tag_end > 0 && text[tag_end - 1] == '/';
      if (!self_closing) estimate.deepest = std::max(estimate.deepest, ++depth);
    }
  }
  return estimate;
}

// ---------------------------------------------------------------- tree edits

void detach(Node* node) {
  Node* parent = node->parent;
  if (!parent) return;
  (node->previous ? node->previous->next : parent->first_child) = node->next;
  (node->next ? node->next->previous : parent->last_child) = node->previous;
  node->parent = node->previous = node->next = nullptr;
}

void insert_before(Node* parent, Node* child, Node* before) {
  detach(child);
  child->parent = parent;
  child->next = before;
  child->previous = before ? before->previous : parent->last_child;
  (child->previous ? child->previous->next : parent->first_child) = child;
  (before ? before->previous : parent->last_child) = child;
}

void append_child(Node* parent, Node* child) { insert_before(parent, child, nullptr); }

void replace_node(Node* old_node, Node* new_node) {
  Node* parent = old_node->parent;
  if (!parent || old_node == new_node) return;
  detach(new_node);
  insert_before(parent, new_node, old_node);
  detach(old_node);
}

// ---------------------------------------------------------------- walks

Node* next_element(Node* node, bool skip_children) {
  if (!skip_children)
    if (Node* child = node->first_element_child()) return child;
  while (node) {
    if (Node* sibling = node->next_element_sibling()) return sibling;
    node = node->parent;
  }
  return nullptr;
}

// The node after `node` in document order, text nodes included, without
// leaving `root`'s subtree; null at its end.
const Node* next_in_subtree(const Node* node, const Node* root) {
  if (node->first_child) return node->first_child;
  while (node && node != root) {
    if (node->next) return node->next;
    node = node->parent;
  }
  return nullptr;
}

std::vector<Node*> elements_named(Node* root, std::initializer_list<std::string_view> tags) {
  std::vector<Node*> found;
  for (const Node* node = next_in_subtree(root, root); node; node = next_in_subtree(node, root))
    if (!node->is_text() && std::find(tags.begin(), tags.end(), node->tag) != tags.end())
      found.push_back(const_cast<Node*>(node));
  return found;
}

std::size_t count_elements_named(Node* root, std::string_view tag) {
  std::size_t count = 0;
  for (const Node* node = next_in_subtree(root, root); node; node = next_in_subtree(node, root))
    count += node->tag == tag ? 1 : 0;
  return count;
}

std::string text_content(const Node* node) {
  if (node->is_text()) return node->text;
  std::string text;
  for (const Node* next = next_in_subtree(node, node); next; next = next_in_subtree(next, node))
    if (next->is_text()) text += next->text;
  return text;
}


bool is_whitespace_text(std::string_view text) { return std::all_of(text.begin(), text.end(), is_html_space); }

std::string inner_text(const Node* node, bool normalize_spaces) {
  std::string text = text_content(node);
  std::size_t first = 0;
  while (first < text.size() && is_html_space(text[first])) ++first;
  std::size_t last = text.size();
  while (last > first && is_html_space(text[last - 1])) --last;
  if (!normalize_spaces) return text.substr(first, last - first);
  std::string normal;
  normal.reserve(last - first);
  for (std::size_t index = first; index < last; ++index) {
    if (is_html_space(text[index])) {
      // Readability's /\s{2,}/g → " ": a single space or tab stays as it is.
      std::size_t end = index;
      while (end < last && is_html_space(text[end])) ++end;
      normal += end - index >= 2 ? ' ' : text[index];
      index = end - 1;
    } else {
      normal += text[index];
    }
  }
  return normal;
}

bool has_ancestor_named(const Node* node, std::string_view tag, int max_depth) {
  int depth = 0;
  while (node->parent) {
    if (max_depth > 0 && depth > max_depth) return false;
    if (node->parent->tag == tag) return true;
    node = node->parent;
    ++depth;
  }
  return false;
}

std::size_t character_count(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace galley::read::html
