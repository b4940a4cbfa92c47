#include "galley/style.hpp"

#include <algorithm>
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

// Everything the loader needs to report a problem at the right place.
struct ThemeSource {
  std::string file_name;

  [[noreturn]] void fail(const toml::node& node, const std::string& message) const {
    throw Error(ErrorKind::bad_input, file_name, static_cast<int>(node.source().begin.line), message);
  }
  [[noreturn]] void fail(const toml::key& key, const std::string& message) const {
    throw Error(ErrorKind::bad_input, file_name, static_cast<int>(key.source().begin.line), message);
  }

  double number(const toml::node& node, const std::string& key, double minimum, double maximum) const {
    std::optional<double> value = node.value<double>();
    if (!value) fail(node, "'" + key + "' must be a number");
    if (*value < minimum || *value > maximum)
      fail(node, "'" + key + "' is " + std::to_string(*value) + ", outside " + std::to_string(minimum) + ".." +
                     std::to_string(maximum));
    return *value;
  }
  bool boolean(const toml::node& node, const std::string& key) const {
    std::optional<bool> value = node.value<bool>();
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

// Applies `readers` to the keys of `table`; a key with no reader is an error
// naming the keys that would have been accepted.
void read_keys(const ThemeSource& source, const toml::table& table, const std::string& where,
               const std::map<std::string, KeyReader>& readers) {
  for (auto&& [key, node] : table) {
    std::string name(key.str());
    auto reader = readers.find(name);
    if (reader == readers.end()) {
      std::string known;
      for (const auto& [candidate, unused] : readers) known += (known.empty() ? "" : ", ") + candidate;
      source.fail(key, "unknown key '" + name + "' in " + where + " (known keys: " + known + ")");
    }
    reader->second(node, name);
  }
}

void read_text_style(const ThemeSource& source, const toml::table& table, const std::string& where,
                     TextStyle& style) {
  read_keys(source, table, where,
            {
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
            });
}

struct PaperSize {
  const char* name;
  double width, height;  // points
};
constexpr PaperSize paper_sizes[] = {
    {"A3", 841.89, 1190.55}, {"A4", 595.276, 841.89}, {"A5", 419.528, 595.276},
    {"Letter", 612, 792},    {"tabloid", 792, 1224},  {"6x9in", 432, 648},
};

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
            });
  if (page.margin_inner + page.margin_outer > page.width - 72 || page.margin_top + page.margin_bottom > page.height - 72)
    source.fail(table, "the margins leave less than one inch of the page for text");
  double text_width = page.width - page.margin_inner - page.margin_outer;
  if ((text_width - page.gutter * (page.columns - 1)) / page.columns < 72)
    source.fail(table, std::to_string(page.columns) + " columns leave less than one inch for each");
}

}  // namespace

std::vector<std::string> builtin_theme_names() {
  std::vector<std::string> names;
  for (const detail::BuiltinTheme& theme : detail::builtin_themes()) names.emplace_back(theme.name);
  return names;
}

Theme parse_theme(const std::string& toml_text, const std::string& file_name) {
  ThemeSource source{file_name};
  toml::table root;
  try {
    root = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& error) {
    throw Error(ErrorKind::bad_input, file_name, static_cast<int>(error.source().begin.line),
                std::string(error.description()));
  }
  Theme theme;
  auto text_style = [&](TextStyle& style) {
    return [&source, &style](const toml::node& n, const std::string& k) {
      read_text_style(source, source.table(n, k), "[" + k + "]", style);
    };
  };
  read_keys(source, root, "the theme",
            {
                {"name", [&](const toml::node& n, const std::string& k) { theme.name = source.text(n, k); }},
                {"description",
                 [&](const toml::node& n, const std::string& k) { theme.description = source.text(n, k); }},
                {"lang", [&](const toml::node& n, const std::string& k) { theme.lang = source.text(n, k); }},
                {"justify", [&](const toml::node& n, const std::string& k) { theme.justify = source.boolean(n, k); }},
                {"hyphenate",
                 [&](const toml::node& n, const std::string& k) { theme.hyphenate = source.boolean(n, k); }},
                {"paragraph_indent",
                 [&](const toml::node& n, const std::string& k) { theme.paragraph_indent = source.number(n, k, 0, 10); }},
                {"rule_color",
                 [&](const toml::node& n, const std::string& k) { theme.rule_color = source.color(n, k); }},
                {"page", [&](const toml::node& n, const std::string& k) { read_page(source, source.table(n, k), theme.page); }},
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
  if (theme.body.family.empty()) throw Error(ErrorKind::bad_input, file_name, "[body] needs a font family");
  // A style that names no family is set in the body face.
  for (TextStyle* style : {&theme.lede, &theme.headline, &theme.standfirst, &theme.byline, &theme.heading,
                           &theme.caption, &theme.credit, &theme.aside, &theme.quote, &theme.code, &theme.folio})
    if (style->family.empty()) style->family = theme.body.family;
  return theme;
}

Theme load_theme(const std::string& name_or_path) {
  for (const detail::BuiltinTheme& theme : detail::builtin_themes())
    if (theme.name == name_or_path) return parse_theme(std::string(theme.toml_text), "styles/" + name_or_path + ".toml");

  std::filesystem::path path(name_or_path);
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::string known;
    for (const std::string& name : builtin_theme_names()) known += (known.empty() ? "" : ", ") + name;
    throw Error(ErrorKind::usage, name_or_path, "no such theme: not a built-in theme (" + known + ") nor a readable file");
  }
  std::ostringstream text;
  text << file.rdbuf();
  return parse_theme(text.str(), path.string());
}

}  // namespace galley::style
