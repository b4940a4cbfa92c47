// The plain-text reader: recovers the structure an editor sees in an article
// copied out of a web page: headline, date line and byline, photo captions
// with their credits, subheadings, teasers for embedded media, lists and
// paragraphs. The outline is read_plaintext at the bottom; the tests a line
// must pass are in plaintext_rules.cpp.
#include "read/readers.hpp"

#include <glib.h>

#include <algorithm>

#include "galley/text.hpp"
#include "read/front_matter.hpp"
#include "read/plaintext_rules.hpp"
#include "read/text_decoding.hpp"
#include "typo/dates.hpp"
#include "typo/typography.hpp"

namespace galley::read {
namespace {

using detail::LineShape;

// Consecutive non-blank lines: the unit of structure in plain text.
struct TextBlock {
  int first_line;
  std::vector<std::string> lines;

  std::string joined() const {
    std::string text;
    for (const std::string& line : lines) {
      std::size_t start = line.find_first_not_of(' ');
      if (start == std::string::npos) continue;
      if (!text.empty()) text += ' ';
      text += line.substr(start);
    }
    return text;
  }
};

// Longer than any hard wrap: a block of such lines is one paragraph a line,
// pasted without blank lines between them.
constexpr std::size_t unwrapped_line_length = 100;

std::vector<TextBlock> split_blocks(const std::vector<detail::SourceLine>& lines) {
  std::vector<TextBlock> blocks;
  bool in_block = false;
  for (const detail::SourceLine& line : lines) {
    if (line.text.find_first_not_of(' ') == std::string::npos) {
      in_block = false;
      continue;
    }
    if (!in_block) blocks.push_back({line.number, {}});
    blocks.back().lines.push_back(line.text);
    in_block = true;
  }
  // Lines of a block that are each longer than a hard wrap stand alone.
  std::vector<TextBlock> result;
  for (TextBlock& block : blocks) {
    bool unwrapped = block.lines.size() > 1 &&
                     std::all_of(block.lines.begin(), block.lines.end() - 1, [](const std::string& line) {
                       return g_utf8_strlen(line.c_str(), static_cast<gssize>(line.size())) >
                              static_cast<glong>(unwrapped_line_length);
                     });
    if (!unwrapped) {
      result.push_back(std::move(block));
      continue;
    }
    for (std::size_t index = 0; index < block.lines.size(); ++index)
      result.push_back({block.first_line + static_cast<int>(index), {block.lines[index]}});
  }
  return result;
}

// What one block is, before lists are grouped.
enum class BlockKind { paragraph, subheading, teaser, figure, list_item, rule, pull_quote };

struct ClassifiedBlock {
  BlockKind kind;
  int first_line;
  std::string text;                  // the whole block, or the item without its marker
  detail::CaptionParts caption;      // for figures
  detail::ListMarker marker;         // for list items
  detail::Attribution quote;         // for pull quotes
};

class PlainTextReader {
 public:
  PlainTextReader(const ReadOptions& options, ReadResult& result) : options_(options), result_(result) {}

  void read(std::string_view bytes) {
    std::vector<detail::SourceLine> lines = detail::decode_lines(bytes, options_.file_name, result_.diagnostics);
    blocks_ = split_blocks(lines);
    if (blocks_.empty()) throw Error(ErrorKind::bad_input, options_.file_name, "holds no text");
    doc::Meta& meta = result_.document.meta;
    meta.lang = options_.default_lang;
    read_front_matter();
    read_title();
    read_head();
    std::vector<ClassifiedBlock> body = classify_body();
    build_blocks(body);
    if (meta.title.empty() && result_.document.blocks.empty())
      throw Error(ErrorKind::bad_input, options_.file_name, "holds no text");
  }

 private:
  // ------------------------------------------------------------ metadata

  // A leading "---" YAML block, or leading "Key: value" lines naming known
  // metadata, give the metadata.
  void read_front_matter() {
    TextBlock& first = blocks_[next_];
    if (first.lines.front() == "---") {
      // The YAML may contain blank lines, so it is found in the raw blocks.
      std::string yaml;
      std::size_t block = next_;
      std::size_t line = 1;
      int yaml_first_line = first.first_line + 1;
      while (block < blocks_.size()) {
        const TextBlock& current = blocks_[block];
        for (; line < current.lines.size(); ++line) {
          if (current.lines[line] == "---" || current.lines[line] == "...") {
            detail::apply_front_matter(yaml, yaml_first_line, options_.file_name, result_.document.meta,
                                       result_.diagnostics);
            TextBlock rest{current.first_line + static_cast<int>(line) + 1,
                           std::vector<std::string>(current.lines.begin() + static_cast<long>(line) + 1,
                                                    current.lines.end())};
            blocks_.erase(blocks_.begin() + static_cast<long>(next_), blocks_.begin() + static_cast<long>(block) + 1);
            if (!rest.lines.empty()) blocks_.insert(blocks_.begin() + static_cast<long>(next_), std::move(rest));
            if (blocks_.empty()) throw Error(ErrorKind::bad_input, options_.file_name, "holds front matter but no article");
            return;
          }
          yaml += current.lines[line] + "\n";
        }
        yaml += "\n";
        ++block;
        line = 0;
      }
      result_.diagnostics.push_back({options_.file_name, first.first_line, "\"---\" opens no front matter: no closing \"---\""});
      return;
    }
    bool all_metadata = std::all_of(first.lines.begin(), first.lines.end(), [](const std::string& line) {
      std::size_t colon = line.find(": ");
      return colon != std::string::npos && colon > 0 && detail::is_metadata_key(line.substr(0, colon));
    });
    if (!all_metadata || blocks_.size() < 2) return;
    std::string yaml;
    for (const std::string& line : first.lines) {
      // Values are text, whatever YAML would make of them ("Title: Who: the band").
      std::size_t colon = line.find(": ");
      std::string value = line.substr(colon + 2);
      std::string escaped;
      for (char c : value) escaped += c == '\'' ? std::string("''") : std::string(1, c);
      yaml += line.substr(0, colon) + ": '" + escaped + "'\n";
    }
    detail::apply_front_matter(yaml, first.first_line, options_.file_name, result_.document.meta, result_.diagnostics);
    ++next_;
  }

  // The headline is the first line; a block that runs on gives its other
  // lines to the body.
  void read_title() {
    doc::Meta& meta = result_.document.meta;
    if (next_ >= blocks_.size()) return;
    TextBlock& head = blocks_[next_];
    std::string first_line = head.lines.front();
    if (!meta.title.empty()) {
      // The front matter named the title: the text repeats it or starts the body.
      if (doc::plain_text(doc::inlines_from_text(first_line)) != meta.title) return;
    } else {
      meta.title = doc::plain_text(doc::inlines_from_text(first_line));
    }
    head.lines.erase(head.lines.begin());
    head.first_line += 1;
    if (head.lines.empty()) ++next_;
  }

  // Between the headline and the first paragraph: the standfirst, the date
  // line, the byline, captions of the lead picture.
  void read_head() {
    doc::Meta& meta = result_.document.meta;
    bool right_after_title = true;
    constexpr std::size_t head_blocks = 6;
    for (std::size_t seen = 0; seen < head_blocks && next_ < blocks_.size(); ++seen) {
      std::string text = blocks_[next_].joined();
      if (!meta.date && meta.date_text.empty()) {
        if (std::optional<doc::Date> date = typo::parse_date_line(text)) {
          meta.date = date;
          meta.date_text = text;
          ++next_;
          right_after_title = false;
          continue;
        }
      }
      if (meta.authors.empty() && meta.byline.empty()) {
        if (std::optional<detail::Byline> byline = detail::parse_byline(text)) {
          meta.authors = byline->authors;
          meta.byline = byline->text;
          ++next_;
          right_after_title = false;
          continue;
        }
      }
      if (detail::split_credit(text) || detail::list_marker(text)) break;
      LineShape shape = detail::shape_of(text);
      bool unpunctuated = !shape.ends_sentence && !shape.ends_clause && !shape.ends_question;
      // A standfirst is one unpunctuated phrase or sentence, and the text follows it.
      bool one_sentence = text.find(". ") == std::string::npos && text.find("? ") == std::string::npos;
      if (right_after_title && meta.subtitle.empty() && unpunctuated && one_sentence && shape.words >= 4 &&
          shape.words <= 40 && blocks_[next_].lines.size() <= 3 && next_ + 1 < blocks_.size()) {
        meta.subtitle = text;
        ++next_;
        right_after_title = false;
        continue;
      }
      if (!right_after_title && unpunctuated && shape.words >= 2 && shape.words <= 15 &&
          blocks_[next_].lines.size() == 1 && (meta.date || !meta.byline.empty())) {
        // A line between the date and the text, no heading before any text:
        // the caption of a lead picture whose credit was lost.
        head_captions_.push_back({BlockKind::figure, blocks_[next_].first_line, text, {text, "", ""}, {}, {}});
        ++next_;
        continue;
      }
      break;
    }
  }

  // ------------------------------------------------------------ the body

  std::vector<ClassifiedBlock> classify_body() {
    std::vector<ClassifiedBlock> body = std::move(head_captions_);
    for (; next_ < blocks_.size(); ++next_) {
      if (std::size_t run = labelled_line_run(next_); run > 0) {
        // "Best Picture: Nomadland" would pass for a caption; in a run it is a list.
        for (std::size_t end = next_ + run; next_ < end; ++next_)
          body.push_back({BlockKind::list_item, blocks_[next_].first_line, blocks_[next_].joined(), {}, {}, {}});
        --next_;
        continue;
      }
      classify(blocks_[next_], body);
    }
    refine_with_context(body);
    return body;
  }

  void classify(const TextBlock& block, std::vector<ClassifiedBlock>& body) {
    // Bulleted or numbered lines; unmarked lines continue the item before.
    if (detail::list_marker(block.lines.front())) {
      for (std::size_t index = 0; index < block.lines.size(); ++index) {
        const std::string& line = block.lines[index];
        int line_number = block.first_line + static_cast<int>(index);
        if (std::optional<detail::ListMarker> marker = detail::list_marker(line)) {
          body.push_back({BlockKind::list_item, line_number, marker->text, {}, *marker, {}});
        } else {
          body.back().text += " " + line.substr(line.find_first_not_of(' '));
        }
      }
      return;
    }
    if (is_short_line_list(block)) {
      for (std::size_t index = 0; index < block.lines.size(); ++index) {
        std::string line = block.lines[index].substr(block.lines[index].find_first_not_of(' '));
        body.push_back({BlockKind::list_item, block.first_line + static_cast<int>(index), line, {}, {}, {}});
      }
      return;
    }
    std::string text = block.joined();
    if (text == "###" || text == "***" || text == "* * *" || text == "---" || text == "-30-") {
      body.push_back({BlockKind::rule, block.first_line, text, {}, {}, {}});
      return;
    }
    if (std::optional<detail::CaptionParts> caption = detail::split_credit(text)) {
      body.push_back({BlockKind::figure, block.first_line, text, *caption, {}, {}});
      return;
    }
    LineShape shape = detail::shape_of(text);
    BlockKind kind = BlockKind::paragraph;
    if (detail::looks_like_subheading(shape))
      kind = BlockKind::subheading;
    else if (detail::looks_like_teaser(shape) && !shape.starts_capital && !shape.starts_quote)
      kind = BlockKind::paragraph;  // a fragment that starts in lower case continues text
    else if (detail::looks_like_teaser(shape))
      kind = BlockKind::teaser;
    body.push_back({kind, block.first_line, text, {}, {}, {}});
  }

  // How many one-line blocks from `first` on are short "Label: value" lines
  // in a run: three or more, or two after a line ending in a colon. Zero
  // when there is no such run.
  std::size_t labelled_line_run(std::size_t first) const {
    auto labelled = [this](std::size_t index) {
      if (index >= blocks_.size() || blocks_[index].lines.size() != 1) return false;
      LineShape shape = detail::shape_of(blocks_[index].lines.front());
      return shape.has_label_colon && shape.words <= 10 && !shape.ends_sentence && !shape.ends_question;
    };
    if (first > 0 && labelled(first - 1)) return 0;  // not the start of the run
    std::size_t run = 0;
    while (labelled(first + run)) ++run;
    // (The headline's block is left empty once the title is taken from it.)
    const std::vector<std::string>* previous = first > 0 ? &blocks_[first - 1].lines : nullptr;
    bool after_colon = previous && !previous->empty() && !previous->back().empty() && previous->back().back() == ':';
    return run >= 3 || (run >= 2 && after_colon) ? run : 0;
  }

  // Three or more short lines of one shape in one block ("Best Picture:
  // Nomadland"), none running on into the next: a list, not a paragraph.
  static bool is_short_line_list(const TextBlock& block) {
    if (block.lines.size() < 3) return false;
    int labelled = 0;
    for (std::size_t index = 0; index < block.lines.size(); ++index) {
      LineShape shape = detail::shape_of(block.lines[index]);
      if (shape.words == 0 || shape.words > 10 || !shape.starts_capital || shape.ends_clause) return false;
      if (shape.has_label_colon) ++labelled;
    }
    // Lines that all end sentences, or all start with a label, or all lack
    // final punctuation are one shape; a mix is wrapped prose.
    auto count = [&block](auto predicate) {
      return std::count_if(block.lines.begin(), block.lines.end(),
                           [&](const std::string& line) { return predicate(detail::shape_of(line)); });
    };
    long lines = static_cast<long>(block.lines.size());
    long unpunctuated = count([](const LineShape& s) { return !s.ends_sentence && !s.ends_question; });
    return labelled == lines || unpunctuated == lines;
  }

  // What neighbours tell: a heading must lead into text; headings in a run
  // are a list; short lines after a colon are its items.
  void refine_with_context(std::vector<ClassifiedBlock>& body) {
    find_pull_quotes(body);
    for (std::size_t index = 0; index < body.size(); ++index) {
      if (body[index].kind != BlockKind::subheading && body[index].kind != BlockKind::teaser) continue;
      std::size_t run_end = index;
      while (run_end < body.size() &&
             (body[run_end].kind == BlockKind::subheading || body[run_end].kind == BlockKind::teaser) &&
             detail::shape_of(body[run_end].text).words <= 10)
        ++run_end;
      std::size_t run = run_end - index;
      bool after_colon = index > 0 && body[index - 1].kind == BlockKind::paragraph &&
                         detail::shape_of(body[index - 1].text).ends_clause &&
                         body[index - 1].text.back() == ':';
      if (run >= 3 || (run >= 2 && after_colon)) {
        for (std::size_t item = index; item < run_end; ++item) body[item].kind = BlockKind::list_item;
        index = run_end - 1;
        continue;
      }
      // The last block, or one before a figure at the end, leads into nothing.
      if (body[index].kind == BlockKind::subheading && index + 1 == body.size()) body[index].kind = BlockKind::teaser;
    }
  }

  // A pull quote repeats words of the article, followed by the speaker's
  // name: "… misguided decision. John Cornyn, U.S. Senator (R-Texas)".
  static void find_pull_quotes(std::vector<ClassifiedBlock>& body) {
    constexpr std::size_t shortest_quote = 40;  // bytes: a phrase, not a word or two
    for (std::size_t index = 0; index < body.size(); ++index) {
      ClassifiedBlock& block = body[index];
      if (block.kind != BlockKind::teaser && block.kind != BlockKind::paragraph) continue;
      std::optional<detail::Attribution> quote = detail::split_attribution(block.text);
      if (!quote || quote->quote.size() < shortest_quote) continue;
      // The quote's words, without the final punctuation, found elsewhere.
      std::string probe = quote->quote.substr(0, quote->quote.size() - 1);
      bool repeated = false;
      for (std::size_t other = 0; other < body.size() && !repeated; ++other)
        repeated = other != index && body[other].text.find(probe) != std::string::npos;
      if (!repeated) continue;
      block.kind = BlockKind::pull_quote;
      block.quote = *quote;
    }
  }

  // ------------------------------------------------------------ the model

  void build_blocks(const std::vector<ClassifiedBlock>& body) {
    doc::Blocks& blocks = result_.document.blocks;
    bool seen_paragraph = false;
    for (std::size_t index = 0; index < body.size(); ++index) {
      const ClassifiedBlock& block = body[index];
      switch (block.kind) {
        case BlockKind::paragraph: {
          std::string text = block.text;
          if (!seen_paragraph) text = take_dateline(text);
          doc::ParaRole role = seen_paragraph ? doc::ParaRole::body : doc::ParaRole::lede;
          blocks.emplace_back(doc::Para{inlines(text), role});
          seen_paragraph = true;
          break;
        }
        case BlockKind::subheading:
          blocks.emplace_back(doc::Heading{2, inlines(block.text), ""});
          break;
        case BlockKind::teaser:
          blocks.emplace_back(doc::Aside{{doc::Para{inlines(block.text), doc::ParaRole::body}}});
          break;
        case BlockKind::figure:
          blocks.emplace_back(doc::Figure{"", "", inlines(block.caption.caption), inlines(block.caption.credit),
                                          block.caption.label, "", {}, false});
          break;
        case BlockKind::rule:
          blocks.emplace_back(doc::Rule{});
          break;
        case BlockKind::pull_quote:
          blocks.emplace_back(doc::PullQuote{inlines(block.quote.quote), inlines(block.quote.attribution)});
          break;
        case BlockKind::list_item: {
          doc::List list;
          list.ordered = block.marker.ordered;
          list.start = block.marker.ordered ? block.marker.number : 1;
          while (index < body.size() && body[index].kind == BlockKind::list_item &&
                 body[index].marker.ordered == list.ordered) {
            list.items.push_back({doc::Para{inlines(body[index].text), doc::ParaRole::body}});
            ++index;
          }
          --index;
          blocks.emplace_back(std::move(list));
          break;
        }
      }
    }
  }

  // "LONDON (Reuters) - The …" gives its dateline to the article head.
  std::string take_dateline(const std::string& text) {
    if (!result_.document.meta.dateline.empty()) return text;
    std::optional<detail::Dateline> dateline = detail::split_dateline(text);
    if (!dateline) return text;
    result_.document.meta.dateline = dateline->place;
    return dateline->rest;
  }

  // Typography comes later, once for every reader (typo::apply_typography
  // on the document, in read_document).
  static doc::Inlines inlines(const std::string& text) { return doc::inlines_from_text(text); }

  const ReadOptions& options_;
  ReadResult& result_;
  std::vector<TextBlock> blocks_;
  std::size_t next_ = 0;  // the first block not yet read
  std::vector<ClassifiedBlock> head_captions_;
};

}  // namespace

ReadResult read_plaintext(const ReadOptions& options, std::string_view bytes) {
  ReadResult result;
  PlainTextReader(options, result).read(bytes);
  return result;
}

}  // namespace galley::read
