// Sizes are em relative to the body (the reader's chosen text size is 1em),
// line heights are unitless ratios, vertical spaces are em of the element's
// own size: reading systems let the reader change the size, so nothing is in
// points. Numbers are written with std::to_chars, never through a locale.
#include "epub/css.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::epub::detail {
namespace {

using style::Color;
using style::TextStyle;

enum class Generic { serif, sans_serif, monospace };

// "1.25", "0.8", "1": three decimals are far finer than any reader renders.
std::string number(double value) {
  if (!std::isfinite(value)) value = 0;
  value = std::round(value * 1000) / 1000;
  if (value == 0) value = 0;  // no "-0"
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
  if (error != std::errc{}) return "0";
  std::string text(buffer, end);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string em(double value) {
  const std::string digits = number(value);
  return digits == "0" ? digits : digits + "em";
}

double ratio(double size, double base) { return base > 0 ? size / base : 1; }

std::string hex_color(const Color& color) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text = "#";
  for (double channel : {color.red, color.green, color.blue}) {
    const int value = static_cast<int>(std::lround(std::clamp(channel, 0.0, 1.0) * 255));
    text += digits[value >> 4];
    text += digits[value & 15];
  }
  return text;
}

// Halfway between `color` and white: grey that keeps the theme's hue, for
// matter that should recede (credits, rules of boxes).
Color lighten(const Color& color) { return {(color.red + 1) / 2, (color.green + 1) / 2, (color.blue + 1) / 2}; }

// WCAG 2's relative luminance of an sRGB colour.
double relative_luminance(const Color& color) {
  auto linear = [](double channel) {
    channel = std::clamp(channel, 0.0, 1.0);
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue);
}

// A text colour with at least WCAG AA's 4.5:1 contrast on white: the
// theme's own when it has it, else the same hue darkened. Print can afford
// a pale grey credit; a screen reader's user with low vision cannot.
Color readable_on_white(Color color) {
  constexpr double minimum_contrast = 4.6;  // 4.5, with room for rounding to #rrggbb
  for (int step = 0; step < 100 && 1.05 / (relative_luminance(color) + 0.05) < minimum_contrast; ++step)
    color = {color.red * 0.95, color.green * 0.95, color.blue * 0.95};
  return color;
}

bool same_color(const Color& a, const Color& b) { return a.red == b.red && a.green == b.green && a.blue == b.blue; }

bool contains(std::string_view text, std::string_view word) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return std::search(text.begin(), text.end(), word.begin(), word.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

// The generic family a reader falls back to when it lacks the theme's font
// (we embed none yet), guessed from the family name.
Generic guess_generic(std::string_view family) {
  for (std::string_view word : {"mono", "code", "courier", "consol", "menlo"})
    if (contains(family, word)) return Generic::monospace;
  for (std::string_view word : {"sans", "helvetica", "arial", "grotesk", "grotesque", "gothic", "inter", "roboto",
                                "franklin", "futura", "frutiger", "univers", "verdana", "lato", "montserrat"})
    if (contains(family, word)) return Generic::sans_serif;
  return Generic::serif;
}

const char* generic_name(Generic generic) {
  switch (generic) {
    case Generic::sans_serif: return "sans-serif";
    case Generic::monospace: return "monospace";
    case Generic::serif: break;
  }
  return "serif";
}

std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') continue;
    out += c;
  }
  return out + "\"";
}

std::string font_family(const TextStyle& style, std::optional<Generic> forced = std::nullopt) {
  const Generic generic = forced.value_or(guess_generic(style.family));
  if (style.family.empty()) return generic_name(generic);
  return css_string(style.family) + ", " + generic_name(generic);
}

// "onum, smcp, liga 0" -> "onum", "smcp", "liga" 0. Tags that are not four
// printable characters are dropped rather than written as broken CSS.
std::string feature_settings(std::string_view features) {
  std::string out;
  std::size_t position = 0;
  while (position <= features.size()) {
    std::size_t comma = features.find(',', position);
    if (comma == std::string_view::npos) comma = features.size();
    std::string_view item = features.substr(position, comma - position);
    position = comma + 1;
    auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    while (!item.empty() && is_space(item.front())) item.remove_prefix(1);
    while (!item.empty() && is_space(item.back())) item.remove_suffix(1);
    const std::size_t space = item.find_first_of(" \t=");
    std::string_view tag = item.substr(0, space);
    std::string_view value = space == std::string_view::npos ? std::string_view{} : item.substr(space + 1);
    while (!value.empty() && (is_space(value.front()) || value.front() == '=')) value.remove_prefix(1);
    const bool tag_ok = tag.size() == 4 && std::all_of(tag.begin(), tag.end(), [](char c) {
                          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                        });
    const bool value_ok = std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!tag_ok || !value_ok) continue;
    if (!out.empty()) out += ", ";
    out += css_string(tag);
    if (!value.empty()) out += " " + std::string(value);
  }
  return out;
}

using Declarations = std::vector<std::pair<std::string, std::string>>;

// How one theme text style looks as CSS, its size relative to the size of
// the element it sits in (`parent_size`, points).
Declarations text_style(const TextStyle& style, double parent_size, const TextStyle& body,
                        std::optional<Generic> generic = std::nullopt) {
  Declarations out;
  // A style that names no family inherits the surrounding one, unless it
  // must be a particular kind of face (code).
  if (!style.family.empty() || generic) out.emplace_back("font-family", font_family(style, generic));
  out.emplace_back("font-size", em(ratio(style.size, parent_size)));
  out.emplace_back("line-height", number(ratio(style.leading, style.size)));
  out.emplace_back("font-weight", std::to_string(std::clamp(style.weight, 1, 1000)));
  out.emplace_back("font-style", style.italic ? "italic" : "normal");
  if (style.uppercase) out.emplace_back("text-transform", "uppercase");
  if (style.letter_spacing != 0) out.emplace_back("letter-spacing", em(style.letter_spacing));
  if (const std::string features = feature_settings(style.features); !features.empty())
    out.emplace_back("font-feature-settings", features);
  if (!same_color(style.color, body.color)) out.emplace_back("color", hex_color(readable_on_white(style.color)));
  out.emplace_back("margin-top", em(ratio(style.space_before, style.size)));
  out.emplace_back("margin-bottom", em(ratio(style.space_after, style.size)));
  return out;
}

class StyleSheet {
 public:
  void rule(std::string_view selector, const Declarations& declarations) {
    text_ += selector;
    text_ += " {\n";
    for (const auto& [property, value] : declarations) text_ += "  " + property + ": " + value + ";\n";
    text_ += "}\n\n";
  }
  void comment(std::string_view text) {
    text_ += "/* ";
    text_ += text;
    text_ += " */\n";
  }
  std::string take() {
    while (!text_.empty() && text_.back() == '\n') text_.pop_back();
    return std::move(text_) + "\n";
  }

 private:
  std::string text_;
};

Declarations operator+(Declarations a, const Declarations& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Declarations hyphenation(bool on) {
  const char* value = on ? "auto" : "manual";
  return {{"-epub-hyphens", value}, {"-webkit-hyphens", value}, {"hyphens", value}};
}

}  // namespace

std::string css_from_theme(const style::Theme& theme) {
  const TextStyle& body = theme.body;
  const double base = body.size;  // points; 1em everywhere below
  const std::string rule_color = hex_color(theme.rule_color);
  const std::string faint_rule = hex_color(lighten(theme.rule_color));
  const std::string credit_color =
      hex_color(readable_on_white(same_color(theme.credit.color, body.color) ? lighten(body.color) : theme.credit.color));
  const std::string text_align = theme.justify ? "justify" : "left";

  StyleSheet sheet;
  sheet.comment("Generated by galley from the theme \"" + (theme.name.empty() ? std::string("unnamed") : theme.name) +
                "\"; edit the theme, not this file.");

  // ---- running text
  // The reader's chosen size is 1em; a theme set larger than ordinary
  // reading text (12 pt) asks for that much more, never for less.
  sheet.rule("html", {{"font-size", number(std::round(std::max(1.0, base / 12) * 100)) + "%"}});
  sheet.rule("body", Declarations{{"font-family", font_family(body)},
                                  {"font-size", "1em"},
                                  {"line-height", number(ratio(body.leading, body.size))},
                                  {"font-weight", std::to_string(std::clamp(body.weight, 1, 1000))},
                                  {"color", hex_color(readable_on_white(body.color))},
                                  {"margin", "0"},
                                  {"padding", "0 0.5em"},
                                  {"widows", "2"},
                                  {"orphans", "2"}});
  sheet.rule("p", Declarations{{"margin", "0"}, {"text-indent", "0"}, {"text-align", text_align}} +
                      hyphenation(theme.hyphenate));
  // Book and newspaper convention: indent a paragraph that follows a
  // paragraph, never the first one after a heading or a break.
  if (theme.paragraph_spacing > 0)
    sheet.rule("p + p", {{"text-indent", em(theme.paragraph_indent)}, {"margin-top", em(ratio(theme.paragraph_spacing, base))}});
  else
    sheet.rule("p + p", {{"text-indent", em(theme.paragraph_indent)}});
  sheet.rule("p.lede", text_style(theme.lede, base, body));
  sheet.rule("p.lede + p", {{"margin-top", em(ratio(body.leading, body.size) / 2)}});
  if (theme.drop_cap.enabled) {
    // The article's first paragraph opens with a letter sunk into its
    // first lines, as in print. Its size: the lines it spans, in ems.
    const TextStyle& cap = theme.drop_cap.style;
    const double lines = theme.drop_cap.lines;
    const double line_height = ratio(body.leading, body.size);
    const double cap_size = ((lines - 1) * line_height + 0.68) / 0.68;
    Declarations initial{{"float", "left"},
                         {"font-size", em(cap_size)},
                         {"line-height", "1"},
                         {"margin", "0.04em 0.08em 0 0"},
                         {"font-weight", std::to_string(std::clamp(cap.weight, 1, 1000))}};
    if (cap.family != body.family) initial.emplace_back("font-family", font_family(cap));
    if (!same_color(cap.color, body.color)) initial.emplace_back("color", hex_color(readable_on_white(cap.color)));
    sheet.rule("article > p:first-of-type::first-letter", initial);
    sheet.rule("article > p:first-of-type", {{"text-indent", "0"}});
  }
  sheet.rule("em", {{"font-style", "italic"}});
  sheet.rule("em em", {{"font-style", "normal"}});
  sheet.rule("strong", {{"font-weight", "bold"}});
  sheet.rule("a", {{"color", "inherit"}, {"text-decoration", "underline"}});
  sheet.rule("code", {{"font-family", font_family(theme.code, Generic::monospace)},
                      {"font-size", em(ratio(theme.code.size, base))},
                      {"-epub-hyphens", "none"},
                      {"-webkit-hyphens", "none"},
                      {"hyphens", "none"}});

  // ---- the article head
  // The theme's byline spacing separates the whole head from the text, not
  // each of its lines (byline, date and dateline) from the next.
  sheet.rule("header", {{"margin", "0 0 " + em(std::max(ratio(theme.byline.space_after, base), 1.0)) + " 0"}});
  sheet.rule("header h1", text_style(theme.headline, base, body) +
                              Declarations{{"text-align", "left"}, {"page-break-after", "avoid"}, {"break-after", "avoid"}} +
                              hyphenation(false));
  sheet.rule("header p", {{"text-indent", "0"}, {"text-align", "left"}});
  sheet.rule("p.section", text_style(theme.byline, base, body) +
                              Declarations{{"text-transform", "uppercase"}, {"letter-spacing", "0.08em"}});
  sheet.rule("p.subtitle", text_style(theme.standfirst, base, body));
  sheet.rule("p.byline, p.date, p.dateline",
             text_style(theme.byline, base, body) + Declarations{{"margin-top", "0"}, {"margin-bottom", "0"}});
  sheet.rule("p.byline", {{"margin-top", "0.5em"}});
  sheet.rule("p.dateline", {{"text-transform", "uppercase"}, {"letter-spacing", "0.05em"}});

  // ---- headings: the theme's heading face at its size for h2, at text size
  // below that, so deep levels stay quiet.
  const Declarations heading_common = Declarations{{"text-align", "left"},
                                                   {"text-indent", "0"},
                                                   {"page-break-after", "avoid"},
                                                   {"break-after", "avoid"}} +
                                      hyphenation(false);
  // Headings must stand out from the text in any reader: a theme that sets
  // them in a serif at text weight gets them bold.
  TextStyle heading = theme.heading;
  if (guess_generic(heading.family.empty() ? body.family : heading.family) != Generic::sans_serif)
    heading.weight = std::max(heading.weight, 700);
  sheet.rule("h2", text_style(heading, base, body) + heading_common);
  TextStyle minor_heading = heading;
  minor_heading.size = base;
  minor_heading.leading = body.leading;
  sheet.rule("h3, h4, h5, h6", text_style(minor_heading, base, body) + heading_common);
  sheet.rule("h4, h5, h6", {{"font-style", "italic"}});

  // ---- figures: captions small and set left, credits apart and grey
  sheet.rule("figure", {{"margin", "1.2em 0"}, {"padding", "0"}, {"page-break-inside", "avoid"}, {"break-inside", "avoid"}});
  sheet.rule("figure img", {{"display", "block"}, {"max-width", "100%"}, {"height", "auto"}, {"margin", "0 auto"}});
  sheet.rule("figcaption", text_style(theme.caption, base, body) +
                               Declarations{{"text-align", "left"}, {"margin-top", "0.4em"}} + hyphenation(false));
  sheet.rule("figcaption .credit",
             text_style(theme.credit, theme.caption.size, body) +
                 Declarations{{"display", "block"}, {"margin", "0.2em 0 0 0"}, {"color", credit_color},
                              {"font-variant", "small-caps"}, {"letter-spacing", "0.04em"}});

  // ---- quotations
  sheet.rule("blockquote", text_style(theme.quote, base, body) +
                               Declarations{{"margin-left", "1.5em"}, {"margin-right", "1.5em"}});
  sheet.rule("figure.quote > blockquote", {{"margin-bottom", "0"}});
  sheet.rule("figure.quote > figcaption", {{"text-align", "right"}, {"margin-right", "1.5em"}});
  TextStyle pull = theme.quote;
  pull.size = theme.quote.size * 1.3;
  pull.leading = theme.quote.leading * 1.3;
  sheet.rule("aside.pullquote", text_style(pull, base, body) +
                                    Declarations{{"border-left", "none"},
                                                 {"border-right", "none"},
                                                 {"border-top", "2px solid " + rule_color},
                                                 {"border-bottom", "2px solid " + rule_color},
                                                 {"padding", "0.5em 0"},
                                                 {"margin", "1.2em 1em"},
                                                 {"background", "transparent"},
                                                 {"text-align", "center"},
                                                 {"page-break-inside", "avoid"},
                                                 {"break-inside", "avoid"}});
  sheet.rule("aside.pullquote p", {{"text-align", "center"}, {"text-indent", "0"}});
  sheet.rule("p.attribution", {{"font-size", em(ratio(theme.caption.size, theme.quote.size))},
                               {"font-style", "normal"},
                               {"text-indent", "0"},
                               {"text-align", "right"},
                               {"margin-top", "0.3em"}});
  sheet.rule("aside.pullquote p.attribution", {{"text-align", "center"}});

  // ---- boxes set apart from the running text
  sheet.rule("aside", text_style(theme.aside, base, body) +
                          Declarations{{"border", "1px solid " + rule_color},
                                       {"padding", "0.6em 0.8em"},
                                       {"margin", "1.2em 0"},
                                       {"page-break-inside", "avoid"},
                                       {"break-inside", "avoid"}});
  sheet.rule("aside p + p", {{"text-indent", "0"}, {"margin-top", "0.4em"}});

  // ---- lists, code, tables, rules
  sheet.rule("ul, ol", {{"margin", "0.6em 0 0.6em 1.5em"}, {"padding", "0"}});
  sheet.rule("li", {{"margin", "0.2em 0"}});
  sheet.rule("li p", {{"text-indent", "0"}});
  sheet.rule("pre", text_style(theme.code, base, body, Generic::monospace) +
                        Declarations{{"white-space", "pre-wrap"},
                                     {"text-align", "left"},
                                     {"margin-left", "0"},
                                     {"margin-right", "0"},
                                     {"padding", "0.5em 0.8em"},
                                     {"border-left", "2px solid " + faint_rule}} +
                        hyphenation(false));
  sheet.rule("pre code", {{"font-size", "1em"}});
  sheet.rule("table", {{"border-collapse", "collapse"},
                       {"margin", "1.2em 0"},
                       {"font-size", em(ratio(theme.caption.size, base))},
                       {"line-height", number(ratio(theme.caption.leading, theme.caption.size))}});
  sheet.rule("caption", {{"caption-side", "top"}, {"text-align", "left"}, {"font-weight", "bold"}, {"padding-bottom", "0.3em"}});
  sheet.rule("th, td", {{"padding", "0.2em 0.5em"}, {"vertical-align", "top"}, {"border-bottom", "1px solid " + faint_rule}});
  sheet.rule("th", {{"text-align", "left"}, {"border-bottom", "1px solid " + rule_color}});
  sheet.rule("th p, td p", {{"text-align", "inherit"}});
  sheet.rule(".align-left", {{"text-align", "left"}});
  sheet.rule(".align-center", {{"text-align", "center"}});
  sheet.rule(".align-right", {{"text-align", "right"}});
  sheet.rule("hr", {{"border", "none"},
                    {"border-top", "1px solid " + rule_color},
                    {"width", "30%"},
                    {"margin", "1.5em auto"}});

  // ---- notes: the reference is a superscript link, the notes a quiet block at the end
  sheet.rule("a[role=\"doc-noteref\"]", {{"vertical-align", "super"},
                                           {"font-size", "0.7em"},
                                           {"line-height", "0"},
                                           {"text-decoration", "none"}});
  sheet.rule("section.footnotes", text_style(theme.caption, base, body) +
                                      Declarations{{"margin-top", "2em"}, {"border-top", "1px solid " + rule_color},
                                                   {"padding-top", "0.5em"}});
  sheet.rule("section.footnotes aside", {{"border", "none"},
                                         {"padding", "0"},
                                         {"margin", "0.3em 0"},
                                         {"font-size", "1em"},
                                         {"font-family", "inherit"},
                                         {"line-height", "inherit"}});
  sheet.rule("section.footnotes p", {{"text-indent", "0"}, {"text-align", "left"}});
  sheet.rule("a[role=\"doc-backlink\"]", {{"text-decoration", "none"}, {"font-weight", "bold"}, {"margin-right", "0.3em"}});

  // ---- the navigation document
  sheet.rule("nav ol", {{"list-style-type", "none"}, {"margin-left", "1em"}});
  sheet.rule("nav a", {{"text-decoration", "none"}});
  // An edition's contents: each article's title, byline and description on
  // lines of their own (the separators are for reading systems that show
  // the links' text without this style sheet).
  sheet.rule("nav .toc-title", {{"display", "block"}, {"font-weight", "bold"}, {"margin-top", "0.4em"}});
  sheet.rule("nav .toc-separator", {{"display", "none"}});
  sheet.rule("nav .toc-byline", {{"display", "block"}, {"font-size", "0.85em"}, {"font-style", "italic"}});
  sheet.rule("nav .toc-description", {{"display", "block"}, {"font-size", "0.85em"}});
  std::string css = sheet.take();
  if (!theme.extra_css.empty()) {
    css += "\n/* EPUB-only refinements from the theme's CSS file */\n" + theme.extra_css;
    if (css.back() != '\n') css += '\n';
  }
  return css;
}

}  // namespace galley::epub::detail
