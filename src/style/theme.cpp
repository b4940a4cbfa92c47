#include "galley/style.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <toml++/toml.h>

#include "galley/errors.hpp"
#include "style/builtin_themes.hpp"

namespace galley::style {
namespace {

// A number as a person writes it: -3, 0.25, 1e+20; not -3.000000.
std::string number_as_written(double value) {
  char digits[32];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  return error == std::errc() ? std::string(digits, end) : std::to_string(value);
}

// Everything the loader needs to report a problem at the right place.
// Keys merged in from a base theme keep the file they came from, so an
// error names the file that holds the key.
struct ThemeSource {
  std::string file_name;
  // Where read_keys puts a key's mistake to go on with the next key, so one
  // run reports every mistake in a theme (null: the first one throws).
  std::vector<Error>* mistakes = nullptr;

  std::string file_of(const toml::source_region& region) const {
    return region.path && !region.path->empty() ? std::string(*region.path) : file_name;
  }
  [[noreturn]] void fail(const toml::node& node, const std::string& message) const {
    throw Error(ErrorKind::bad_input, file_of(node.source()), static_cast<int>(node.source().begin.line), message);
  }
  [[noreturn]] void fail(const toml::key& key, const std::string& message) const {
    throw Error(ErrorKind::bad_input, file_of(key.source()), static_cast<int>(key.source().begin.line), message);
  }

  double number(const toml::node& node, const std::string& key, double minimum, double maximum) const {
    std::optional<double> value = node.value<double>();
    if (!value) fail(node, "'" + key + "' must be a number");
    if (*value < minimum || *value > maximum)
      fail(node, "'" + key + "' is " + number_as_written(*value) + ", outside " + number_as_written(minimum) + ".." +
                     number_as_written(maximum));
    return *value;
  }
  bool boolean(const toml::node& node, const std::string& key) const {
    std::optional<bool> value = node.value_exact<bool>();
    if (!value) fail(node, "'" + key + "' must be true or false");
    return *value;
  }
  std::string text(const toml::node& node, const std::string& key) const {
    std::optional<std::string> value = node.value<std::string>();
    if (!value) fail(node, "'" + key + "' must be a string");
    return *value;
  }
  Color color(const toml::node& node, const std::string& key) const {
    std::string value = text(node, key);
    auto hex_digit = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    if (value.size() != 7 || value[0] != '#' || !std::all_of(value.begin() + 1, value.end(), hex_digit))
      fail(node, "'" + key + "' must be a colour written #rrggbb, not \"" + value + "\"");
    auto channel = [&value](int index) { return std::stoi(value.substr(1 + 2 * index, 2), nullptr, 16) / 255.0; };
    return Color{channel(0), channel(1), channel(2)};
  }
  const toml::table& table(const toml::node& node, const std::string& key) const {
    const toml::table* value = node.as_table();
    if (!value) fail(node, "'" + key + "' must be a table");
    return *value;
  }
};

using KeyReader = std::function<void(const toml::node&, const std::string& key)>;

// Applies the reader of `key`; a key with no reader is an error naming the
// keys that would have been accepted.
void read_key(const ThemeSource& source, const toml::key& key, const toml::node& node, const std::string& where,
              const std::map<std::string, KeyReader>& readers) {
  const std::string name(key.str());
  auto reader = readers.find(name);
  if (reader == readers.end()) {
    std::string known;
    std::vector<std::string> candidates;
    for (const auto& [candidate, unused] : readers) {
      known += (known.empty() ? "" : ", ") + candidate;
      candidates.push_back(candidate);
    }
    const std::string nearest = nearest_name(name, candidates);
    source.fail(key, "unknown key '" + name + "' in " + where +
                         (nearest.empty() ? "" : "; did you mean '" + nearest + "'?") + " (known keys: " + known + ")");
  }
  reader->second(node, name);
}

// Applies `readers` to the keys of `table`. With `source.mistakes`, a key's
// mistake is kept there and the other keys are still read.
void read_keys(const ThemeSource& source, const toml::table& table, const std::string& where,
               const std::map<std::string, KeyReader>& readers) {
  for (auto&& [key, node] : table) {
    if (!source.mistakes) {
      read_key(source, key, node, where, readers);
      continue;
    }
    try {
      read_key(source, key, node, where, readers);
    } catch (const Error& mistake) {
      source.mistakes->push_back(mistake);
    }
  }
}

void read_text_style(const ThemeSource& source, const toml::table& table, const std::string& where,
                     TextStyle& style, std::map<std::string, KeyReader> extra = {}) {
  std::map<std::string, KeyReader> readers{
                {"family", [&](const toml::node& n, const std::string& k) { style.family = source.text(n, k); }},
                {"size", [&](const toml::node& n, const std::string& k) { style.size = source.number(n, k, 2, 400); }},
                {"leading",
                 [&](const toml::node& n, const std::string& k) { style.leading = source.number(n, k, 2, 500); }},
                {"weight",
                 [&](const toml::node& n, const std::string& k) {
                   style.weight = static_cast<int>(source.number(n, k, 100, 900));
                 }},
                {"italic", [&](const toml::node& n, const std::string& k) { style.italic = source.boolean(n, k); }},
                {"uppercase",
                 [&](const toml::node& n, const std::string& k) { style.uppercase = source.boolean(n, k); }},
                {"letter_spacing",
                 [&](const toml::node& n, const std::string& k) { style.letter_spacing = source.number(n, k, -0.2, 1); }},
                {"features", [&](const toml::node& n, const std::string& k) { style.features = source.text(n, k); }},
                {"color", [&](const toml::node& n, const std::string& k) { style.color = source.color(n, k); }},
                {"space_before",
                 [&](const toml::node& n, const std::string& k) { style.space_before = source.number(n, k, 0, 500); }},
                {"space_after",
                 [&](const toml::node& n, const std::string& k) { style.space_after = source.number(n, k, 0, 500); }},
            };
  readers.merge(extra);
  read_keys(source, table, where, readers);
}

struct PaperSize {
  const char* name;
  double width, height;  // points
};
constexpr PaperSize paper_sizes[] = {
    {"A3", 841.89, 1190.55}, {"A4", 595.276, 841.89}, {"A5", 419.528, 595.276},
    {"Letter", 612, 792},    {"tabloid", 792, 1224},  {"6x9in", 432, 648},
};

constexpr double max_bleed = 36;  // points: half an inch, more than any printer asks

void read_page(const ThemeSource& source, const toml::table& table, PageGeometry& page) {
  read_keys(source, table, "[page]",
            {
                {"size",
                 [&](const toml::node& n, const std::string& k) {
                   std::string name = source.text(n, k);
                   for (const PaperSize& size : paper_sizes)
                     if (name == size.name) {
                       page.width = size.width;
                       page.height = size.height;
                       return;
                     }
                   source.fail(n, "unknown page size \"" + name + "\" (known: A3, A4, A5, Letter, tabloid, 6x9in)");
                 }},
                {"width", [&](const toml::node& n, const std::string& k) { page.width = source.number(n, k, 72, 5000); }},
                {"height",
                 [&](const toml::node& n, const std::string& k) { page.height = source.number(n, k, 72, 5000); }},
                {"margin_top",
                 [&](const toml::node& n, const std::string& k) { page.margin_top = source.number(n, k, 0, 2000); }},
                {"margin_bottom",
                 [&](const toml::node& n, const std::string& k) { page.margin_bottom = source.number(n, k, 0, 2000); }},
                {"margin_inner",
                 [&](const toml::node& n, const std::string& k) { page.margin_inner = source.number(n, k, 0, 2000); }},
                {"margin_outer",
                 [&](const toml::node& n, const std::string& k) { page.margin_outer = source.number(n, k, 0, 2000); }},
                {"columns",
                 [&](const toml::node& n, const std::string& k) {
                   page.columns = static_cast<int>(source.number(n, k, 1, 12));
                 }},
                {"gutter", [&](const toml::node& n, const std::string& k) { page.gutter = source.number(n, k, 0, 200); }},
                {"binding",
                 [&](const toml::node& n, const std::string& k) {
                   const std::string value = source.text(n, k);
                   if (value == "none") page.binding = Binding::none;
                   else if (value == "left") page.binding = Binding::left;
                   else if (value == "right") page.binding = Binding::right;
                   else source.fail(n, "'binding' is \"" + value + "\"; it must be \"left\", \"right\" or \"none\"");
                 }},
                {"bleed",
                 [&](const toml::node& n, const std::string& k) {
                   std::optional<double> points;
                   if (n.is_number()) points = *n.value<double>();
                   else if (n.is_string()) points = parse_length(source.text(n, k));
                   if (!points || *points < 0 || *points > max_bleed)
                     source.fail(n, "'bleed' must be a length from 0 to 0.5in, such as \"3mm\" or \"0.125in\"");
                   page.bleed = *points;
                 }},
                {"marks", [&](const toml::node& n, const std::string& k) { page.marks = source.boolean(n, k); }},
            });
  if (page.margin_inner + page.margin_outer > page.width - 72 || page.margin_top + page.margin_bottom > page.height - 72)
    source.fail(table, "the margins leave less than one inch of the page for text");
  double text_width = page.width - page.margin_inner - page.margin_outer;
  if ((text_width - page.gutter * (page.columns - 1)) / page.columns < 72)
    source.fail(table, std::to_string(page.columns) + " columns leave less than one inch for each");
}

// ------------------------------------------------------------ inheritance

// One theme file's text, where it came from, and what identifies it in a
// chain of `extends` (for cycles).
struct ThemeFile {
  std::string text;
  std::string file_name;  // for messages: "styles/article.toml" or the path
  std::string identity;   // "builtin:article" or the canonical path
  std::string css;        // the EPUB refinements beside it
};

std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return {};
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::optional<ThemeFile> builtin_file(const std::string& name) {
  for (const detail::BuiltinTheme& theme : detail::builtin_themes())
    if (theme.name == name)
      return ThemeFile{std::string(theme.toml_text), "styles/" + name + ".toml", "builtin:" + name,
                       std::string(theme.css_text)};
  return std::nullopt;
}

std::optional<ThemeFile> user_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  std::ifstream probe(path, std::ios::binary);
  if (!probe) return std::nullopt;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  std::filesystem::path css_path = path;
  css_path.replace_extension(".css");
  return ThemeFile{read_text_file(path), path.string(), "file:" + (error ? path.string() : canonical.string()),
                   read_text_file(css_path)};
}

// A theme and the themes it extends, base first: each layer's keys are read
// over the theme the layers before it made, so a key in a theme replaces
// the same key of its base and tables change key by key. Every layer keeps
// its own file name for messages.
struct ThemeLayer {
  toml::table root;
  std::string file_name;
};

struct ThemeChain {
  std::vector<ThemeLayer> layers;  // base first
  std::string css;                 // the chain's CSS, base first
  std::string source_text;         // every file's TOML and CSS, base first (Theme::source_text)
};

void collect_chain(const ThemeFile& file, std::vector<std::string>& visiting, ThemeChain& chain) {
  ThemeSource source{file.file_name};
  toml::table root;
  try {
    root = toml::parse(file.text, file.file_name);
  } catch (const toml::parse_error& error) {
    throw Error(ErrorKind::bad_input, file.file_name, static_cast<int>(error.source().begin.line),
                std::string(error.description()));
  }
  visiting.push_back(file.identity);
  if (const toml::node* extends = root.get("extends")) {
    const std::string base_name = source.text(*extends, "extends");
    std::optional<ThemeFile> base;
    const bool looks_like_path = base_name.find('/') != std::string::npos ||
                                 (base_name.size() > 5 && base_name.compare(base_name.size() - 5, 5, ".toml") == 0);
    if (!looks_like_path) base = builtin_file(base_name);
    if (!base) {
      std::filesystem::path path(base_name);
      if (path.is_relative() && file.identity.rfind("file:", 0) == 0)
        path = std::filesystem::path(file.file_name).parent_path() / path;
      base = user_file(path);
    }
    if (!base) {
      std::vector<std::string> names = builtin_theme_names();
      std::string known;
      for (const std::string& name : names) known += (known.empty() ? "" : ", ") + name;
      const std::string nearest = nearest_name(base_name, names);
      source.fail(*extends, "'extends' names \"" + base_name + "\", which is neither a built-in theme (" + known +
                                ") nor a theme file beside this one" +
                                (nearest.empty() ? "" : "; did you mean \"" + nearest + "\"?"));
    }
    if (std::find(visiting.begin(), visiting.end(), base->identity) != visiting.end()) {
      std::string cycle;
      for (const std::string& link : visiting) cycle += link.substr(link.find(':') + 1) + " -> ";
      source.fail(*extends,
                  "themes extend each other in a cycle: " + cycle + base->identity.substr(base->identity.find(':') + 1));
    }
    collect_chain(*base, visiting, chain);
    root.erase("extends");
  }
  visiting.pop_back();
  if (!file.css.empty()) chain.css += (chain.css.empty() ? "" : "\n") + file.css;
  // Each text after its length, so no two chains run together into one.
  for (const std::string* text : {&file.text, &file.css})
    chain.source_text += std::to_string(text->size()) + ":" + *text;
  chain.layers.push_back({std::move(root), file.file_name});
}

void read_layer(const toml::table& root, const std::string& file_name, Theme& theme, std::vector<Error>& mistakes) {
  ThemeSource source{file_name, &mistakes};
  auto text_style = [&](TextStyle& style) {
    return [&source, &style](const toml::node& n, const std::string& k) {
      read_text_style(source, source.table(n, k), "[" + k + "]", style);
    };
  };
  auto break_number = [&](std::optional<double>& field, double minimum, double maximum) {
    return KeyReader([&source, &field, minimum, maximum](const toml::node& n, const std::string& k) {
      field = source.number(n, k, minimum, maximum);
    });
  };
  BreakTuning& tuning = theme.breaking;
  read_keys(source, root, "the theme",
            {
                {"name", [&](const toml::node& n, const std::string& k) { theme.name = source.text(n, k); }},
                {"description",
                 [&](const toml::node& n, const std::string& k) { theme.description = source.text(n, k); }},
                {"lang", [&](const toml::node& n, const std::string& k) { theme.lang = source.text(n, k); }},
                {"publication",
                 [&](const toml::node& n, const std::string& k) { theme.publication = source.text(n, k); }},
                {"justify", [&](const toml::node& n, const std::string& k) { theme.justify = source.boolean(n, k); }},
                {"hyphenate",
                 [&](const toml::node& n, const std::string& k) { theme.hyphenate = source.boolean(n, k); }},
                {"baseline_grid",
                 [&](const toml::node& n, const std::string& k) { theme.baseline_grid = source.boolean(n, k); }},
                {"margin_kerning",
                 [&](const toml::node& n, const std::string& k) { theme.margin_kerning = source.boolean(n, k); }},
                {"embed_fonts",
                 [&](const toml::node& n, const std::string& k) { theme.embed_fonts = source.boolean(n, k); }},
                {"paragraph_indent",
                 [&](const toml::node& n, const std::string& k) { theme.paragraph_indent = source.number(n, k, 0, 10); }},
                {"paragraph_spacing",
                 [&](const toml::node& n, const std::string& k) {
                   theme.paragraph_spacing = source.number(n, k, 0, 100);
                 }},
                {"running_head",
                 [&](const toml::node& n, const std::string& k) {
                   const std::string value = source.text(n, k);
                   if (value == "title") theme.running_head = RunningHead::title;
                   else if (value == "publication") theme.running_head = RunningHead::publication;
                   else if (value == "section") theme.running_head = RunningHead::section;
                   else if (value == "none") theme.running_head = RunningHead::none;
                   else {
                     const std::string nearest = nearest_name(value, {"title", "publication", "section", "none"});
                     source.fail(n, "'running_head' is \"" + value + "\"; it must be \"title\", \"publication\", "
                                    "\"section\" or \"none\"" +
                                        (nearest.empty() ? "" : " (did you mean \"" + nearest + "\"?)"));
                   }
                 }},
                {"rule_color",
                 [&](const toml::node& n, const std::string& k) { theme.rule_color = source.color(n, k); }},
                {"page", [&](const toml::node& n, const std::string& k) { read_page(source, source.table(n, k), theme.page); }},
                {"drop_cap",
                 [&](const toml::node& n, const std::string& k) {
                   if (n.is_boolean()) {
                     theme.drop_cap.enabled = source.boolean(n, k);
                     return;
                   }
                   theme.drop_cap.enabled = true;
                   read_text_style(
                       source, source.table(n, k), "[drop_cap]", theme.drop_cap.style,
                       {{"enabled", [&](const toml::node& v, const std::string& e) { theme.drop_cap.enabled = source.boolean(v, e); }},
                        {"lines", [&](const toml::node& v, const std::string& e) {
                           theme.drop_cap.lines = static_cast<int>(source.number(v, e, 2, 6));
                         }}});
                 }},
                {"masthead",
                 [&](const toml::node& n, const std::string& k) {
                   if (n.is_boolean()) {
                     theme.masthead.enabled = source.boolean(n, k);
                     return;
                   }
                   theme.masthead.enabled = true;
                   read_text_style(source, source.table(n, k), "[masthead]", theme.masthead.style,
                                   {{"enabled", [&](const toml::node& v, const std::string& e) {
                                       theme.masthead.enabled = source.boolean(v, e);
                                     }}});
                 }},
                {"edition",
                 [&](const toml::node& n, const std::string& k) {
                   read_keys(source, source.table(n, k), "[edition]",
                             {
                                 {"article_start",
                                  [&](const toml::node& v, const std::string& e) {
                                    const std::string value = source.text(v, e);
                                    if (value == "page") theme.article_start = ArticleStart::page;
                                    else if (value == "column") theme.article_start = ArticleStart::column;
                                    else
                                      source.fail(v, "'article_start' is \"" + value +
                                                         "\"; it must be \"page\" or \"column\"");
                                  }},
                                 {"make_up",
                                  [&](const toml::node& v, const std::string& e) {
                                    const std::string value = source.text(v, e);
                                    if (value == "flow") theme.make_up = MakeUp::flow;
                                    else if (value == "modular") theme.make_up = MakeUp::modular;
                                    else
                                      source.fail(v, "'make_up' is \"" + value +
                                                         "\"; it must be \"flow\" or \"modular\"");
                                  }},
                             });
                 }},
                {"break",
                 [&](const toml::node& n, const std::string& k) {
                   read_keys(source, source.table(n, k), "[break]",
                             {
                                 {"tolerance", break_number(tuning.tolerance, 1, 10000)},
                                 {"line_penalty", break_number(tuning.line_penalty, 0, 1000)},
                                 {"hyphen_penalty", break_number(tuning.hyphen_penalty, 0, 10000)},
                                 {"space_stretch", break_number(tuning.space_stretch, 0, 2)},
                                 {"space_shrink", break_number(tuning.space_shrink, 0, 0.9)},
                                 {"letter_stretch", break_number(tuning.letter_stretch, 0, 0.1)},
                                 {"letter_shrink", break_number(tuning.letter_shrink, 0, 0.1)},
                                 // em per gap: more than a few hundredths reads as spaced-out type
                                 {"letter_spacing_stretch", break_number(tuning.letter_spacing_stretch, 0, 0.05)},
                                 {"letter_spacing_shrink", break_number(tuning.letter_spacing_shrink, 0, 0.05)},
                                 {"emergency_stretch", break_number(tuning.emergency_stretch, 0, 10)},
                                 {"short_last_line_demerits", break_number(tuning.short_last_line_demerits, 0, 100000)},
                                 {"final_hyphen_demerits", break_number(tuning.final_hyphen_demerits, 0, 100000)},
                                 {"ragged_stretch", break_number(tuning.ragged_stretch, 0.5, 20)},
                                 {"max_consecutive_hyphens",
                                  [&](const toml::node& v, const std::string& e) {
                                    tuning.max_consecutive_hyphens = static_cast<int>(source.number(v, e, 1, 10));
                                  }},
                             });
                 }},
                {"body", text_style(theme.body)},
                {"lede", text_style(theme.lede)},
                {"headline", text_style(theme.headline)},
                {"standfirst", text_style(theme.standfirst)},
                {"byline", text_style(theme.byline)},
                {"heading", text_style(theme.heading)},
                {"caption", text_style(theme.caption)},
                {"credit", text_style(theme.credit)},
                {"aside", text_style(theme.aside)},
                {"quote", text_style(theme.quote)},
                {"code", text_style(theme.code)},
                {"folio", text_style(theme.folio)},
            });
}

Theme load_theme_file(const ThemeFile& file) {
  std::vector<std::string> visiting;
  ThemeChain chain;
  collect_chain(file, visiting, chain);
  Theme theme;
  // Every mistake is reported in one run, each file's in the order of its
  // lines (toml++ hands a table's keys over sorted by name).
  std::vector<Error> mistakes;
  for (const ThemeLayer& layer : chain.layers) {
    std::vector<Error> layer_mistakes;
    read_layer(layer.root, layer.file_name, theme, layer_mistakes);
    std::stable_sort(layer_mistakes.begin(), layer_mistakes.end(), [](const Error& a, const Error& b) {
      return a.line() < b.line();
    });
    mistakes.insert(mistakes.end(), layer_mistakes.begin(), layer_mistakes.end());
  }
  theme.file = file.file_name;
  // Without a family a theme cannot set text; but when [body] itself was
  // wrong, that mistake already says so.
  if (theme.body.family.empty() && mistakes.empty())
    mistakes.emplace_back(ErrorKind::bad_input, file.file_name, "[body] needs a font family");
  if (mistakes.size() == 1) throw mistakes.front();
  if (!mistakes.empty()) {
    std::string list = std::to_string(mistakes.size()) + " mistakes in the theme:";
    for (const Error& mistake : mistakes) list += "\n  " + format_location(mistake.file(), mistake.line(), mistake.message());
    throw Error(ErrorKind::bad_input, file.file_name, list);
  }
  // A style that names no family is set in the body face (after all the
  // layers, so that a theme changing the body face changes them too).
  for (TextStyle* style : {&theme.lede, &theme.headline, &theme.standfirst, &theme.byline, &theme.heading,
                           &theme.caption, &theme.credit, &theme.aside, &theme.quote, &theme.code, &theme.folio,
                           &theme.drop_cap.style, &theme.masthead.style})
    if (style->family.empty()) style->family = theme.body.family;
  // A theme that extends another and names itself nothing is called after its file.
  if (chain.layers.size() > 1 && !chain.layers.back().root.contains("name"))
    theme.name = std::filesystem::path(file.file_name).stem().string();
  theme.extra_css = std::move(chain.css);
  theme.source_text = std::move(chain.source_text);
  return theme;
}

}  // namespace

std::optional<double> parse_length(const std::string& text) {
  static constexpr std::pair<const char*, double> units[] = {{"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"in", 72}, {"pt", 1}};
  std::string number = text;
  double scale = 1;
  for (const auto& [unit, points] : units) {
    const std::size_t length = std::char_traits<char>::length(unit);
    if (number.size() > length && number.compare(number.size() - length, length, unit) == 0) {
      number.resize(number.size() - length);
      scale = points;
      break;
    }
  }
  while (!number.empty() && number.back() == ' ') number.pop_back();
  double value = 0;
  const char* end = number.data() + number.size();
  auto [stop, error] = std::from_chars(number.data(), end, value);
  if (number.empty() || error != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
  return value * scale;
}

std::string nearest_name(const std::string& name, const std::vector<std::string>& candidates) {
  auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  const std::string wanted = lower(name);
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const std::string& candidate : candidates) {
    // Levenshtein distance, one row at a time.
    const std::string other = lower(candidate);
    std::vector<std::size_t> row(other.size() + 1);
    for (std::size_t j = 0; j <= other.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= wanted.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= other.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (wanted[i - 1] == other[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    if (row.back() < best_distance) {
      best_distance = row.back();
      best = candidate;
    }
  }
  // A typo changes a few letters; beyond that the suggestion would be noise.
  const std::size_t allowed = std::max<std::size_t>(2, wanted.size() / 3);
  return best_distance <= allowed && best_distance < wanted.size() ? best : std::string();
}

std::vector<std::string> builtin_theme_names() {
  std::vector<std::string> names;
  for (const detail::BuiltinTheme& theme : detail::builtin_themes()) names.emplace_back(theme.name);
  return names;
}

Theme parse_theme(const std::string& toml_text, const std::string& file_name) {
  return load_theme_file(ThemeFile{toml_text, file_name, "file:" + file_name, {}});
}

Theme load_theme(const std::string& name_or_path) {
  if (std::optional<ThemeFile> builtin = builtin_file(name_or_path)) return load_theme_file(*builtin);
  if (std::optional<ThemeFile> file = user_file(name_or_path)) return load_theme_file(*file);
  std::vector<std::string> names = builtin_theme_names();
  std::string known;
  for (const std::string& name : names) known += (known.empty() ? "" : ", ") + name;
  const std::string nearest = nearest_name(name_or_path, names);
  throw Error(ErrorKind::usage, name_or_path,
              "no such theme: not a built-in theme (" + known + ") nor a readable file" +
                  (nearest.empty() ? "" : "; did you mean \"" + nearest + "\"?"));
}

}  // namespace galley::style
