// The HTML reader: web pages as browsers save them, and CMS exports that
// hold only the article. Outline:
//   decode the bytes (BOM, <meta charset>, else UTF-8 with a Windows-1252
//   fallback) → parse with gumbo (html_dom) → read the metadata
//   (html_metadata) → find the article among the page's furniture
//   (html_article), or take a fragment whole → turn its elements into the
//   document model (this file).
#include <glib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "galley/text.hpp"
#include "galley/walk.hpp"
#include "image/images.hpp"
#include "read/html_article.hpp"
#include "read/html_dom.hpp"
#include "read/html_json_ld.hpp"
#include "read/html_metadata.hpp"
#include "read/html_page.hpp"
#include "read/plaintext_rules.hpp"
#include "read/readers.hpp"
#include "read/text_decoding.hpp"
#include "support/glib_owned.hpp"
#include "support/url_scheme.hpp"
#include "typo/dates.hpp"

namespace galley::read {
// The reader's own helpers live in html's namespace, apart from the other
// readers' (one unity batch may hold several readers).
namespace html {
namespace {

// ---------------------------------------------------------------- the converter

class Converter {
 public:
  Converter(const ReadOptions& options, doc::Document& document, Diagnostics& diagnostics, std::string base_url)
      : options_(options),
        document_(document),
        diagnostics_(diagnostics),
        base_url_(std::move(base_url)),
        title_(html::collapse_spaces(document.meta.title)) {
    std::filesystem::path file(options.file_name);
    page_directory_ = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  }

  void convert(Node* root, doc::Blocks& out) { blocks(root, out, 0); }

 private:
  // ---- inline content: a builder that collapses whitespace as HTML does
  struct InlineBuilder {
    std::vector<doc::Inlines*> targets;  // innermost last
    bool pending_space = false;

    doc::Inlines& current() { return *targets.back(); }
    bool empty() const { return targets.front()->empty(); }
    void space() { pending_space = true; }
    void word_text(std::string_view text) {
      std::size_t at = 0;
      while (at < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[at]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
          pending_space = true;
          ++at;
          continue;
        }
        std::size_t end = at;
        while (end < text.size()) {
          unsigned char e = static_cast<unsigned char>(text[end]);
          if (e == ' ' || e == '\t' || e == '\n' || e == '\r' || e == '\f') break;
          ++end;
        }
        append_word(text.substr(at, end - at));
        at = end;
      }
    }
    void append_word(std::string_view word) {
      std::string clean;
      clean.reserve(word.size());
      for (char c : word)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) clean += c;
      if (clean.empty()) return;
      flush_space();
      doc::Inlines& inlines = current();
      if (!inlines.empty())
        if (auto* str = std::get_if<doc::Str>(&inlines.back())) {
          str->text += clean;
          return;
        }
      inlines.push_back(doc::Str{std::move(clean)});
    }
    void flush_space() {
      if (pending_space && !all_empty()) current().push_back(doc::Space{});
      pending_space = false;
    }
    bool all_empty() const {
      return std::all_of(targets.begin(), targets.end(), [](const doc::Inlines* inlines) { return inlines->empty(); });
    }
    void push(doc::Inline container) {
      flush_space();
      current().push_back(std::move(container));
      doc::Inline& added = current().back();
      if (auto* emph = std::get_if<doc::Emph>(&added)) targets.push_back(&emph->body);
      else if (auto* strong = std::get_if<doc::Strong>(&added)) targets.push_back(&strong->body);
      else if (auto* strike = std::get_if<doc::Strikeout>(&added)) targets.push_back(&strike->body);
      else if (auto* link = std::get_if<doc::Link>(&added)) targets.push_back(&link->body);
    }
    void pop() {
      doc::Inlines* closed = targets.back();
      targets.pop_back();
      // An empty container (an icon link, an empty <em>) is dropped.
      if (closed->empty()) current().pop_back();
    }
    void line_break() {
      pending_space = false;
      if (!all_empty()) current().push_back(doc::LineBreak{});
    }
    void code(std::string text) {
      text = html::collapse_spaces(text);
      if (text.empty()) return;
      flush_space();
      current().push_back(doc::Code{std::move(text)});
    }
  };

  // Inline content of `node` into `builder`, figures found on the way into
  // `figures` (placed after the paragraph): an explicit stack, since inline
  // markup nests without limit.
  void inlines(Node* node, InlineBuilder& builder, doc::Blocks& figures, int depth) {
    struct Frame {
      Node* node;
      bool opened;  // pushed a container on the builder
    };
    std::vector<Frame> stack;
    auto enter = [&](Node* element) {
      if (element->is_text()) {
        builder.word_text(element->text);
        return;
      }
      if (html::is_probably_hidden(*element)) return;
      const std::string& tag = element->tag;
      if (tag == "br") return builder.line_break();
      if (tag == "wbr") return;
      if (tag == "img" || tag == "picture" || tag == "svg" || tag == "video" || tag == "iframe" || tag == "audio" ||
          tag == "embed" || tag == "object") {
        add_media(element, figures);
        return;
      }
      if (tag == "script" || tag == "style" || tag == "template" || tag == "button" || tag == "input" ||
          tag == "select" || tag == "textarea" || tag == "noscript")
        return;
      if (tag == "code" || tag == "kbd" || tag == "samp" || tag == "tt") return builder.code(html::text_content(element));
      if (is_one_of(element, {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "tr",
                              "dt", "dd", "figcaption", "header", "footer", "article"}))
        builder.space();  // a block inside inline markup: its text is a word apart
      bool nest = static_cast<int>(builder.targets.size()) + depth < options_.max_depth;
      bool opened = false;
      if (nest) {
        if (tag == "em" || tag == "i" || tag == "cite" || tag == "dfn" || tag == "var") {
          builder.push(doc::Emph{});
          opened = true;
        } else if (tag == "strong" || tag == "b") {
          builder.push(doc::Strong{});
          opened = true;
        } else if (tag == "s" || tag == "strike" || tag == "del") {
          builder.push(doc::Strikeout{});
          opened = true;
        } else if (tag == "a") {
          std::string url = resolve_link(element->attribute("href"), base_url_);
          if (!url.empty()) {
            builder.push(doc::Link{{}, url});
            opened = true;
          }
        }
      } else if (!depth_warned_) {
        depth_warned_ = true;
        diagnostics_.push_back({options_.file_name, element->line,
                                "inline markup nested deeper than " + std::to_string(options_.max_depth) +
                                    " levels is read as plain text"});
      }
      if (tag == "q") builder.word_text("\u201C");
      stack.push_back({element, opened});
    };
    enter(node);
    // Walk the subtree: each frame's children, then its closing.
    std::vector<Node*> next_child;
    if (!stack.empty()) next_child.push_back(stack.back().node->first_child);
    while (!stack.empty()) {
      Node*& child = next_child.back();
      if (child) {
        Node* current = child;
        child = child->next;
        std::size_t before = stack.size();
        enter(current);
        if (stack.size() > before) next_child.push_back(current->first_child);
        continue;
      }
      Frame frame = stack.back();
      stack.pop_back();
      next_child.pop_back();
      if (frame.node->is("q")) builder.word_text("\u201D");
      if (frame.opened) builder.pop();
      if (is_one_of(frame.node, {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "tr",
                                 "dt", "dd", "figcaption", "header", "footer", "article"}))
        builder.space();
    }
  }

  doc::Inlines inline_content(Node* node, doc::Blocks& figures, int depth) {
    doc::Inlines result;
    InlineBuilder builder;
    builder.targets.push_back(&result);
    inlines(node, builder, figures, depth);
    return result;
  }

  // The inlines of the node's children only (not the node's own styling).
  doc::Inlines children_content(Node* node, doc::Blocks& figures, int depth) {
    doc::Inlines result;
    InlineBuilder builder;
    builder.targets.push_back(&result);
    for (Node* child : html::children_of(node)) inlines(child, builder, figures, depth);
    return result;
  }

  // ---- media

  // The image file a reader can have: a local file beside the page, a
  // data: URI, or nothing (remote images are never fetched).
  struct ImageChoice {
    std::string src;      // for Figure::src; empty when none can be shown
    std::string remote;   // the remote address, for the warning
    // The first local file the page names that cannot be shown (not there,
    // or not PNG or JPEG): when nothing better is found, the figure names
    // it, and the image pass says what is wrong (--missing-images).
    std::string missing;
  };

  std::vector<std::string> image_candidates(Node* image) {
    std::vector<std::string> candidates;
    auto add_srcset = [&](const std::string& srcset) {
      for (std::string& url : srcset_urls(srcset)) candidates.push_back(std::move(url));
    };
    // A <picture>'s sources come first, then the image's own lazy-loading
    // attributes (the real picture), then its src (often a placeholder).
    if (image->parent && image->parent->is("picture"))
      for (Node* source : html::children_of(image->parent))
        if (source->is("source")) {
          add_srcset(source->attribute("srcset"));
          add_srcset(source->attribute("data-srcset"));
        }
    add_srcset(image->attribute("data-srcset"));
    for (const char* name : {"data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src", "data-full-src"}) {
      const std::string& value = image->attribute(name);
      if (value.empty()) continue;
      // Some sites keep the picture's settings there as JSON; its URL is inside.
      if (const std::optional<std::string> from_json = html::image_url_in_json(value)) {
        if (!from_json->empty()) candidates.push_back(*from_json);
      } else {
        candidates.push_back(html::collapse_spaces(value));
      }
    }
    add_srcset(image->attribute("srcset"));
    if (!image->attribute("src").empty()) candidates.push_back(html::collapse_spaces(image->attribute("src")));
    return candidates;
  }

  ImageChoice choose_image(Node* image) {
    ImageChoice choice;
    for (const std::string& url : image_candidates(image)) {
      if (url.rfind("data:", 0) == 0) {
        std::string name = embed_data_uri(url, image->line);
        if (!name.empty()) {
          choice.src = name;
          return choice;
        }
        continue;
      }
      if (is_remote(url)) {
        if (choice.remote.empty()) choice.remote = url;
        continue;
      }
      std::string path = local_path_of(url);
      if (path.empty()) continue;
      // "/images/x.jpg" is the site's root, not this machine's; "../" leaves
      // the page's folder, where the writers never look.
      const std::filesystem::path relative = std::filesystem::path(path).lexically_normal();
      if (relative.is_absolute() || (!relative.empty() && *relative.begin() == "..")) {
        if (choice.remote.empty()) choice.remote = url;
        continue;
      }
      std::error_code error;
      const std::filesystem::path full = page_directory_ / relative;
      if (!std::filesystem::is_regular_file(full, error)) {
        if (choice.missing.empty()) choice.missing = path;
        continue;
      }
      // Only what both writers can embed: PNG and JPEG, told by their
      // signatures (the writers read the whole header).
      std::ifstream file(full, std::ios::binary);
      char head[8] = {};
      file.read(head, sizeof head);
      std::string_view signature(head, static_cast<std::size_t>(std::max<std::streamsize>(file.gcount(), 0)));
      if (signature.substr(0, 8) != "\x89PNG\r\n\x1A\n" && signature.substr(0, 3) != "\xFF\xD8\xFF") {
        if (choice.missing.empty()) choice.missing = path;
        continue;
      }
      choice.src = path;
      return choice;
    }
    return choice;
  }

  void unsupported_image(const std::string& url, int line) {
    diagnostics_.push_back({options_.file_name, line,
                            "image \"" + shortened(url) + "\" is not PNG or JPEG; its description is kept instead"});
  }

  static std::string shortened(const std::string& url) {
    return url.size() > 80 ? url.substr(0, 77) + "..." : url;
  }

  // A data: URI's bytes, decoded and kept with the document; the name the
  // figure gives them, or "" for a format galley cannot show.
  std::string embed_data_uri(const std::string& url, int line) {
    std::size_t comma = url.find(',');
    if (comma == std::string::npos) return {};
    std::string header = ascii_lowercase(url.substr(5, comma - 5));
    if (header.find(";base64") == std::string::npos) return {};
    // Readability's rule: a base64 image under 133 characters is a
    // placeholder (a transparent pixel), not a picture.
    if (url.size() - comma < 133) return {};
    std::string payload = url.substr(comma + 1);
    payload.erase(std::remove_if(payload.begin(), payload.end(), [](unsigned char c) { return std::isspace(c); }),
                  payload.end());
    if (payload.size() > image::max_file_bytes / 3 * 4 + 4) {
      diagnostics_.push_back({options_.file_name, line, "an embedded data: image is larger than the limit; left out"});
      return {};
    }
    gsize length = 0;
    glib::Owned<guchar> bytes(g_base64_decode(payload.c_str(), &length));
    std::string data(reinterpret_cast<const char*>(bytes.get()), length);
    std::optional<image::ImageHeader> image_header = image::read_image_header(data);
    if (!image_header) {
      unsupported_image(url.substr(0, comma), line);
      return {};
    }
    std::string name = "embedded-image-" + std::to_string(document_.embedded_images.size() + 1) + "." +
                       image::file_extension(image_header->format);
    document_.embedded_images.emplace(name, std::move(data));
    return name;
  }

  // Whether an <img> is decoration: a tracking pixel, a spacer, an icon.
  static bool is_decoration(Node* image) {
    for (const char* size : {"width", "height"}) {
      const std::string& value = image->attribute(size);
      if (!value.empty() && std::isdigit(static_cast<unsigned char>(value[0])) && std::atoi(value.c_str()) <= 2) return true;
    }
    return image->attribute("role") == "presentation" && image->attribute("alt").empty();
  }

  void add_media(Node* node, doc::Blocks& out, Node* caption_source = nullptr) {
    if (node->is("picture")) {
      for (Node* child : html::children_of(node))
        if (child->is("img")) return add_media(child, out, caption_source);
      return;
    }
    if (node->is("svg")) return;  // drawings inline in the page: icons, logos, charts galley cannot draw
    if (!node->is("img")) return add_embed_note(node, out);
    if (node->parent && html::is_probably_hidden(*node->parent)) return;  // a noscript copy not needed
    if (is_decoration(node)) return;
    // A lazily loaded image shows its real picture from a noscript copy
    // beside it; the copy alone is enough.
    Node* sibling = node->next;
    while (sibling && sibling->is_text() && html::is_whitespace_text(sibling->text)) sibling = sibling->next;
    if (sibling && sibling->attribute("data-galley-noscript") == "1") {
      ImageChoice own = choose_image(node);
      if (own.src.empty()) return;  // the noscript copy follows and is read next
      // The copy is not needed. It is hidden, not detached: the walks over
      // this node's siblings may already hold it as their next step.
      sibling->set_attribute("hidden", "");
    }
    ImageChoice choice = choose_image(node);
    doc::Figure figure;
    figure.alt = html::collapse_spaces(node->attribute("alt"));
    figure.title = html::collapse_spaces(node->attribute("title"));
    figure.src = choice.src.empty() ? choice.missing : choice.src;
    figure.source_line.line = node->line;
    if (caption_source) read_caption(caption_source, figure);
    if (figure.src.empty()) {
      if (!choice.remote.empty())
        diagnostics_.push_back({options_.file_name, node->line,
                                "image \"" + shortened(choice.remote) +
                                    "\" is not beside the page and is never fetched; its description is kept"});
      // Without a picture, a figure is its caption, or its description.
      if (figure.caption.empty() && figure.alt.empty()) return;
      if (figure.caption.empty()) figure.caption = text_inlines(figure.alt);
    }
    out.push_back(std::move(figure));
  }

  static doc::Inlines text_inlines(const std::string& text) {
    doc::Inlines result;
    InlineBuilder builder;
    builder.targets.push_back(&result);
    builder.word_text(text);
    return result;
  }

  // Credits in a caption: an element whose class says so (credit,
  // copyright, source, byline), a <small>, or "Credit: …" in the text.
  void read_caption(Node* caption, doc::Figure& figure) {
    doc::Blocks ignored;
    for (const Node* node = html::next_in_subtree(caption, caption); node; node = html::next_in_subtree(node, caption)) {
      if (node->is_text()) continue;
      std::string words = ascii_lowercase(node->class_and_id());
      bool credit = node->is("small") || words.find("credit") != std::string::npos ||
                    words.find("copyright") != std::string::npos || words.find("source") != std::string::npos ||
                    words.find("byline") != std::string::npos || words.find("photographer") != std::string::npos ||
                    words.find("attribution") != std::string::npos;
      if (!credit) continue;
      Node* element = const_cast<Node*>(node);
      std::string text = html::collapse_spaces(html::text_content(element));
      html::Node* after = element->next;
      html::detach(element);
      (void)after;
      if (auto parts = detail::split_credit(text); parts && parts->caption.empty()) {
        figure.credit = text_inlines(parts->credit);
        figure.credit_label = parts->label;
      } else {
        figure.credit = text_inlines(text);
      }
      break;
    }
    figure.caption = children_content(caption, ignored, 1);
    if (figure.credit.empty()) {
      std::string text = doc::plain_text(figure.caption);
      if (auto parts = detail::split_credit(text)) {
        figure.caption = text_inlines(parts->caption);
        figure.credit = text_inlines(parts->credit);
        figure.credit_label = parts->label;
      }
    }
  }

  // Video, audio, frames and other embeds: a short linked note, never silence.
  void add_embed_note(Node* node, doc::Blocks& out) {
    std::string url = node->attribute("src");
    if (url.empty()) url = node->attribute("data-src");
    if (url.empty() && node->is("object")) url = node->attribute("data");
    if (url.empty())
      for (Node* child : html::children_of(node))
        if (child->is("source") && !child->attribute("src").empty()) {
          url = child->attribute("src");
          break;
        }
    url = resolve_link(url.rfind("//", 0) == 0 ? "https:" + url : url, base_url_);
    if (node->is("iframe") && !html::is_embed_worth_a_note(*node) && url.find("youtube") == std::string::npos) return;
    std::string kind = node->is("audio") ? "Audio" : node->is("video") || url.find("youtube") != std::string::npos ||
                                                             url.find("vimeo") != std::string::npos ||
                                                             url.find("dailymotion") != std::string::npos
                                                         ? "Video"
                                                         : "Embedded content";
    std::string title = html::collapse_spaces(node->attribute("title"));
    if (title.empty()) title = html::collapse_spaces(node->attribute("aria-label"));
    doc::Para note;
    note.body = text_inlines(kind + ":");
    note.body.push_back(doc::Space{});
    if (!url.empty()) {
      std::string shown = title;
      if (shown.empty()) {
        std::string host = url.substr(url.find("//") == std::string::npos ? 0 : url.find("//") + 2);
        shown = host.substr(0, host.find('/'));
      }
      note.body.push_back(doc::Link{text_inlines(shown), url});
    } else if (!title.empty()) {
      doc::Inlines words = text_inlines(title);
      note.body.insert(note.body.end(), words.begin(), words.end());
    } else {
      return;  // nothing to say where it is or what it was
    }
    doc::Aside aside;
    aside.body.push_back(std::move(note));
    out.push_back(std::move(aside));
  }

  // ---- blocks

  static bool is_block(const Node* node) {
    return is_one_of(node, {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2",
                            "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "dt", "dd", "li", "pre", "table",
                            "figure", "hr", "address", "details", "summary", "center", "fieldset", "figcaption",
                            "form", "hgroup", "menu", "caption", "tbody", "thead", "tfoot", "tr", "td", "th",
                            "video", "iframe", "audio", "embed", "object"});
  }

  static bool is_pull_quote(const Node* node) {
    std::string words = ascii_lowercase(node->attribute("class"));
    return words.find("pullquote") != std::string::npos || words.find("pull-quote") != std::string::npos ||
           words.find("pull_quote") != std::string::npos;
  }

  void flush_paragraph(doc::Inlines& pending, doc::Blocks& figures, doc::Blocks& out) {
    // Trailing line breaks and spaces end nothing.
    while (!pending.empty() && (std::holds_alternative<doc::LineBreak>(pending.back()) ||
                                std::holds_alternative<doc::Space>(pending.back())))
      pending.pop_back();
    if (!pending.empty()) out.push_back(doc::Para{std::move(pending), doc::ParaRole::body});
    pending.clear();
    append_figures(figures, out);
  }

  // Pictures met inside a paragraph's inlines follow that paragraph.
  static void append_figures(doc::Blocks& figures, doc::Blocks& out) {
    for (doc::Block& figure : figures) out.push_back(std::move(figure));
    figures.clear();
  }

  // The blocks of `root`'s children. Containers without meaning of their
  // own (div, section…) are walked with an explicit stack; elements that
  // nest in the model (quotes, lists, table cells) recurse, up to the depth
  // limit, past which their content is read as paragraphs.
  void blocks(Node* root, doc::Blocks& out, int depth) {
    doc::Inlines pending;
    InlineBuilder builder;
    builder.targets.push_back(&pending);
    doc::Blocks figures;
    auto flush = [&] {
      flush_paragraph(pending, figures, out);
      builder.pending_space = false;
    };
    std::vector<Node*> next_child{root->first_child};
    while (!next_child.empty()) {
      Node*& slot = next_child.back();
      if (!slot) {
        next_child.pop_back();
        if (!next_child.empty()) flush();  // a container ends a paragraph
        continue;
      }
      Node* node = slot;
      slot = slot->next;
      if (node->is_text() || !is_block(node)) {
        inlines(node, builder, figures, depth);
        continue;
      }
      if (html::is_probably_hidden(*node)) continue;
      flush();
      block(node, out, depth, next_child);
    }
    flush();
  }

  void block(Node* node, doc::Blocks& out, int depth, std::vector<Node*>& next_child) {
    const std::string& tag = node->tag;
    bool may_nest = depth + 1 < options_.max_depth;
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
      doc::Blocks figures;
      doc::Heading heading;
      // Pages skip levels (an h2, then an h4); outlines and screen readers
      // must not: a heading is at most one level below the one before.
      heading.level = std::min(std::max(2, tag[1] - '0'), last_heading_level_ + 1);
      heading.body = children_content(node, figures, depth);
      if (!heading.body.empty() && html::collapse_spaces(doc::plain_text(heading.body)) != title_) {
        last_heading_level_ = heading.level;
        out.push_back(std::move(heading));
      }
      for (doc::Block& figure : figures) out.push_back(std::move(figure));
      return;
    }
    if (tag == "p" || tag == "address" || tag == "summary" || tag == "dt" || tag == "caption") {
      // A paragraph can still hold blocks: the walk handles them in order.
      next_child.push_back(node->first_child);
      return;
    }
    if (tag == "hr") {
      out.push_back(doc::Rule{});
      return;
    }
    if (tag == "pre") {
      doc::CodeBlock code;
      code.text = html::text_content(node);
      for (Node* inner : html::children_of(node))
        if (inner->is("code"))
          for (const char* prefix : {"language-", "lang-"}) {
            std::string classes = inner->attribute("class");
            if (std::size_t at = classes.find(prefix); at != std::string::npos)
              code.language = classes.substr(at + std::char_traits<char>::length(prefix),
                                             classes.find(' ', at) - at - std::char_traits<char>::length(prefix));
          }
      // Tabs and stray control characters out; line ends as '\n'.
      std::string clean;
      for (char c : code.text) {
        if (c == '\r') continue;
        if (c == '\t') clean += "    ";
        else if (c == '\n' || static_cast<unsigned char>(c) >= 0x20) clean += c;
      }
      while (!clean.empty() && clean.front() == '\n') clean.erase(clean.begin());
      while (!clean.empty() && (clean.back() == '\n' || clean.back() == ' ')) clean.pop_back();
      code.text = clean;
      if (!code.text.empty()) out.push_back(std::move(code));
      return;
    }
    if (tag == "figure") return figure(node, out, depth);
    if (is_one_of(node, {"video", "iframe", "audio", "embed", "object"})) return add_embed_note(node, out);
    if (!may_nest) {
      // At the depth limit: the content, as paragraphs, without nesting.
      next_child.push_back(node->first_child);
      return;
    }
    if (tag == "blockquote" || is_pull_quote(node)) {
      if (is_pull_quote(node)) {
        doc::Blocks figures;
        doc::PullQuote pull;
        pull.body = children_content(node, figures, depth);
        if (!pull.body.empty()) out.push_back(std::move(pull));
        return;
      }
      doc::Quote quote;
      blocks(node, quote.body, depth + 1);
      // A closing <footer> or <cite> line names who said it.
      if (!quote.body.empty())
        if (auto* last = std::get_if<doc::Para>(&quote.body.back())) {
          std::string text = doc::plain_text(last->body);
          if (text.rfind("\u2014", 0) == 0 || text.rfind("\u2013 ", 0) == 0 || text.rfind("- ", 0) == 0) {
            quote.attribution = last->body;
            quote.body.pop_back();
          }
        }
      if (!quote.body.empty()) out.push_back(std::move(quote));
      return;
    }
    if (tag == "ul" || tag == "ol" || tag == "menu") {
      doc::List list;
      list.ordered = tag == "ol";
      if (list.ordered && !node->attribute("start").empty())
        list.start = std::clamp(std::atoi(node->attribute("start").c_str()), -1'000'000, 1'000'000);
      for (Node* item : html::children_of(node)) {
        if (item->is_text()) {
          if (!html::is_whitespace_text(item->text)) list.items.push_back({doc::Para{text_inlines(item->text), doc::ParaRole::body}});
          continue;
        }
        doc::Blocks body;
        if (item->is("li"))
          blocks(item, body, depth + 1);
        else
          blocks_of_single(item, body, depth + 1);
        if (!body.empty()) list.items.push_back(std::move(body));
      }
      if (!list.items.empty()) out.push_back(std::move(list));
      return;
    }
    if (tag == "dl") {
      for (Node* item : html::children_of(node)) {
        if (item->is_text()) continue;
        doc::Blocks figures;
        if (item->is("dt")) {
          doc::Inlines term = children_content(item, figures, depth);
          if (!term.empty()) out.push_back(doc::Para{{doc::Strong{std::move(term)}}, doc::ParaRole::body});
        } else {
          blocks_of_single(item, out, depth);
        }
      }
      return;
    }
    if (tag == "table") return table(node, out, depth);
    // Containers without meaning of their own: their children, in place.
    next_child.push_back(node->first_child);
  }

  // One element as blocks (a list's or a definition list's child that is
  // not the container the walk expects).
  void blocks_of_single(Node* node, doc::Blocks& out, int depth) {
    if (node->is_text() || !is_block(node)) {
      doc::Blocks figures;
      doc::Inlines content = inline_content(node, figures, depth);
      if (!content.empty()) out.push_back(doc::Para{std::move(content), doc::ParaRole::body});
      append_figures(figures, out);
      return;
    }
    blocks(node, out, depth);
  }

  void figure(Node* node, doc::Blocks& out, int depth) {
    Node* caption = nullptr;
    std::vector<Node*> media;
    for (const Node* below = html::next_in_subtree(node, node); below; below = html::next_in_subtree(below, node)) {
      if (below->is("figcaption") && !caption) caption = const_cast<Node*>(below);
      if (is_one_of(below, {"img", "video", "iframe", "audio", "embed", "object"}) &&
          !html::has_ancestor_named(below, "figcaption", 0))
        media.push_back(const_cast<Node*>(below));
    }
    if (media.empty()) {
      // A figure of text (a quote, a chart's table): its content as blocks.
      blocks(node, out, depth);
      return;
    }
    std::size_t before = out.size();
    for (std::size_t index = 0; index < media.size(); ++index)
      if (media[index]->parent) add_media(media[index], out, index + 1 == media.size() ? caption : nullptr);
    // The caption stays even when no picture could be shown.
    if (out.size() == before && caption) {
      doc::Figure text_only;
      read_caption(caption, text_only);
      if (!text_only.caption.empty() || !text_only.credit.empty()) out.push_back(std::move(text_only));
    }
  }

  void table(Node* node, doc::Blocks& out, int depth) {
    doc::Table table;
    std::size_t columns = 0;
    for (Node* row : html::elements_named(node, {"tr"})) {
      // Rows of nested tables belong to those.
      const Node* owner = row->parent;
      while (owner && !owner->is("table")) owner = owner->parent;
      if (owner != node) continue;
      std::vector<doc::TableCell> cells;
      bool all_headers = true;
      for (Node* cell : html::children_of(row)) {
        if (!cell->is("td") && !cell->is("th")) continue;
        all_headers = all_headers && cell->is("th");
        doc::TableCell table_cell;
        blocks(cell, table_cell.body, depth + 1);
        cells.push_back(std::move(table_cell));
        int span = std::clamp(std::atoi(cell->attribute("colspan").c_str()), 1, 100);
        for (int extra = 1; extra < span; ++extra) cells.push_back({});
      }
      if (cells.empty()) continue;
      columns = std::max(columns, cells.size());
      bool in_head = row->parent && row->parent->is("thead");
      if ((in_head || all_headers) && table.body_rows.empty())
        table.header_rows.push_back(std::move(cells));
      else
        table.body_rows.push_back(std::move(cells));
    }
    for (Node* caption : html::children_of(node))
      if (caption->is("caption")) {
        doc::Blocks figures;
        table.caption = children_content(caption, figures, depth);
      }
    if (columns == 0) return;
    for (auto* rows : {&table.header_rows, &table.body_rows})
      for (auto& row : *rows) row.resize(columns);
    table.alignments.assign(columns, doc::Alignment::default_);
    out.push_back(std::move(table));
  }

  const ReadOptions& options_;
  doc::Document& document_;
  Diagnostics& diagnostics_;
  std::string base_url_;
  std::string title_;  // the headline: a heading that repeats it is left out
  std::filesystem::path page_directory_;
  bool depth_warned_ = false;
  int last_heading_level_ = 1;  // the headline's
};

// ---------------------------------------------------------------- meta into the model

void apply_metadata(const html::PageMetadata& page, const std::string& byline, doc::Meta& meta) {
  meta.title = page.title;
  meta.byline = !page.byline.empty() ? page.byline : byline;
  meta.authors = page.authors;
  if (meta.authors.empty() && !meta.byline.empty()) {
    if (std::optional<detail::Byline> parsed = detail::parse_byline(meta.byline)) meta.authors = parsed->authors;
    if (meta.authors.empty()) meta.authors.push_back(meta.byline);
  }
  meta.description = page.description;
  meta.publisher = page.site_name;
  meta.section = page.section;
  meta.keywords = page.keywords;
  meta.source = page.canonical_url;
  if (!page.published.empty()) {
    meta.date = typo::parse_date_line(page.published);
    // "2017-03-01T12:00:00+01:00" and the like: the date is its first ten characters.
    if (!meta.date && page.published.size() >= 10) meta.date = typo::parse_date_line(page.published.substr(0, 10));
  }
  if (!page.lang.empty()) meta.lang = page.lang;
}

std::size_t word_count(const std::string& text) { return html::word_tokens(text).size(); }

// Characters inside the element that are not inside a link.
std::size_t characters_outside_links(const Node* root) {
  std::size_t count = 0;
  for (const Node* node = html::next_in_subtree(root, root); node; node = html::next_in_subtree(node, root))
    if (node->is_text() && !html::has_ancestor_named(node, "a", 0))
      count += html::character_count(html::collapse_spaces(node->text));
  return count;
}

struct ArticleText {
  std::size_t running = 0;  // characters in the article outside links
  std::size_t teasers = 0;  // paragraphs and headings that are a headline-long link and nothing else
  std::size_t blocks = 0;   // paragraphs and headings
};

ArticleText measure_article_text(Node* content) {
  ArticleText count;
  count.running = characters_outside_links(content);
  for (Node* block : html::elements_named(content, {"p", "h1", "h2", "h3", "h4", "h5", "h6"})) {
    std::size_t length = html::character_count(html::inner_text(block));
    if (length == 0) continue;
    ++count.blocks;
    if (length >= 12 && characters_outside_links(block) == 0) ++count.teasers;
  }
  return count;
}

// gumbo's parse costs about 2 ns per step down its stack of open elements
// (html_dom.hpp): a page estimated at more is refused before it hangs the
// parser. Real pages, even of megabytes, take under a hundredth of this.
constexpr std::uint64_t max_parse_stack_steps = 500'000'000;

// A page that asks for a password is a sign-in page.
bool asks_for_password(html::Dom& dom) {
  for (Node* input : html::elements_named(dom.document(), {"input"}))
    if (ascii_lowercase(input->attribute("type")) == "password") return true;
  return false;
}

// Below this many characters outside links, a page with a password field
// is a sign-in page; any other page's text, however short, is its article
// unless it is a page of links (a home or section page).
constexpr std::size_t short_article_characters = 300;

// Throws when the page holds no article, saying what was found instead.
void check_article_found(Node* content, html::Dom& page, const std::string& file_name) {
  ArticleText measured = content ? measure_article_text(content) : ArticleText{};
  std::string why;
  if (measured.running == 0)
    why = "no running text";
  else if (measured.running < short_article_characters && asks_for_password(page))
    why = "a sign-in form";
  else if (measured.teasers >= 5 && measured.teasers * 2 >= measured.blocks &&
           measured.running < 150 * std::max<std::size_t>(1, measured.blocks - measured.teasers))
    // Half its blocks are links elsewhere, the rest as short as teasers' blurbs.
    why = std::to_string(measured.teasers) + " headlines that link elsewhere: a home or section page";
  if (why.empty()) return;
  std::size_t largest = 0;
  for (Node* block : html::elements_named(page.document(), {"p", "li", "td", "pre", "dd", "blockquote", "div"}))
    if (block->first_element_child() == nullptr || block->is("p"))
      largest = std::max(largest, word_count(html::inner_text(block)));
  throw Error(ErrorKind::bad_input, file_name,
              "no article found (" + why + "; largest text block: " + std::to_string(largest) + " words)");
}

}  // namespace
}  // namespace html

ReadResult read_html(const ReadOptions& options, std::string_view bytes) {
  using namespace html;
  ReadResult result;
  const std::string text = decode_page(bytes, options.file_name, result.diagnostics);
  const html::NestingEstimate nesting = html::estimate_nesting(text);
  if (nesting.stack_steps > max_parse_stack_steps)
    throw Error(ErrorKind::bad_input, options.file_name,
                "elements nested too deeply to parse in reasonable time (about " + std::to_string(nesting.deepest) +
                    " levels of elements left open)");
  std::unique_ptr<html::Dom> dom = html::parse_html(text);
  std::vector<std::string> explanation;
  html::PageMetadata page = html::read_page_metadata(*dom, explanation);

  html::ArticleSearch search;
  Node* content = nullptr;
  if (dom->is_fragment()) {
    // A CMS export of one article: all of it is the article.
    explanation.push_back("the page is a fragment (no <html>, <head> or <body> in its source): taking all of it");
    search.byline = html::clean_fragment(*dom);
    content = dom->body() ? dom->body() : dom->document();
    // Its first heading is the headline when no metadata names one.
    if (page.title.empty() || page.title == page.document_title)
      for (Node* heading : html::elements_named(content, {"h1", "h2"})) {
        page.title = html::collapse_spaces(html::text_content(heading));
        html::detach(heading);
        break;
      }
  } else {
    search = html::find_article([&dom] { return html::clone_dom(*dom); }, page.title);
    content = search.content;
    explanation.insert(explanation.end(), search.explanation.begin(), search.explanation.end());
  }

  apply_metadata(page, html::collapse_spaces(search.byline), result.document.meta);
  if (result.document.meta.lang.empty()) result.document.meta.lang = options.default_lang;

  std::string base_url = page.canonical_url;
  for (Node* base : html::elements_named(dom->document(), {"base"}))
    if (std::string href = resolve_link(base->attribute("href"), page.canonical_url); !href.empty()) {
      base_url = href;
      break;
    }
  check_article_found(content, *dom, options.file_name);
  Converter converter(options, result.document, result.diagnostics, base_url);
  if (content) converter.convert(content, result.document.blocks);

  result.explanation = std::move(explanation);
  return result;
}

}  // namespace galley::read
