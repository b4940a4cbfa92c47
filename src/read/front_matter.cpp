#include "read/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include "typo/dates.hpp"

namespace galley::read::detail {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

// A scalar, or the items of a sequence of scalars; anything else is empty.
std::vector<std::string> strings_of(const YAML::Node& node) {
  std::vector<std::string> values;
  if (node.IsScalar()) {
    values.push_back(node.Scalar());
  } else if (node.IsSequence()) {
    for (const YAML::Node& item : node)
      if (item.IsScalar()) values.push_back(item.Scalar());
  }
  return values;
}

std::string first_string(const YAML::Node& node) {
  std::vector<std::string> values = strings_of(node);
  return values.empty() ? std::string() : values.front();
}

// Keywords may be a list or one comma-separated string.
std::vector<std::string> keyword_list(const YAML::Node& node) {
  std::vector<std::string> keywords;
  for (const std::string& value : strings_of(node)) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find(',', start);
      if (end == std::string::npos) end = value.size();
      std::string keyword = value.substr(start, end - start);
      keyword.erase(0, keyword.find_first_not_of(' '));
      keyword.erase(keyword.find_last_not_of(' ') + 1);
      if (!keyword.empty()) keywords.push_back(keyword);
      start = end + 1;
    }
  }
  return keywords;
}

struct Context {
  doc::Meta& meta;
  Diagnostics& diagnostics;
  const std::string& file_name;
  int line;
};

using Setter = std::function<void(const YAML::Node&, Context&)>;

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table = [] {
    std::map<std::string, Setter> map;
    auto text_field = [](std::string doc::Meta::*field) {
      return [field](const YAML::Node& node, Context& context) { context.meta.*field = first_string(node); };
    };
    map["title"] = text_field(&doc::Meta::title);
    for (const char* key : {"subtitle", "standfirst", "dek", "subhead"}) map[key] = text_field(&doc::Meta::subtitle);
    for (const char* key : {"lang", "language"}) map[key] = text_field(&doc::Meta::lang);
    map["publisher"] = text_field(&doc::Meta::publisher);
    for (const char* key : {"rights", "copyright", "license", "licence"}) map[key] = text_field(&doc::Meta::rights);
    for (const char* key : {"identifier", "id", "isbn", "urn"}) map[key] = text_field(&doc::Meta::identifier);
    for (const char* key : {"description", "summary", "abstract"}) map[key] = text_field(&doc::Meta::description);
    for (const char* key : {"section", "category", "kicker"}) map[key] = text_field(&doc::Meta::section);
    for (const char* key : {"source", "url", "link", "canonical-url"}) map[key] = text_field(&doc::Meta::source);
    for (const char* key : {"cover-image", "cover", "image"})
      map[key] = [](const YAML::Node& node, Context& context) {
        context.meta.cover_image = first_string(node);
        context.meta.cover_image_line = {"", context.line};
      };
    for (const char* key : {"style", "theme"}) map[key] = text_field(&doc::Meta::style);
    map["dateline"] = text_field(&doc::Meta::dateline);
    map["byline"] = text_field(&doc::Meta::byline);
    for (const char* key : {"author", "authors", "creator", "creators"})
      map[key] = [](const YAML::Node& node, Context& context) { context.meta.authors = strings_of(node); };
    for (const char* key : {"keywords", "tags", "subject", "subjects"})
      map[key] = [](const YAML::Node& node, Context& context) { context.meta.keywords = keyword_list(node); };
    map["date"] = [](const YAML::Node& node, Context& context) {
      std::string text = first_string(node);
      if (std::optional<doc::Date> date = typo::parse_date_line(text)) {
        context.meta.date = date;
      } else {
        context.meta.date_text = text;
        context.diagnostics.push_back({context.file_name, context.line, "cannot read the date \"" + text + "\""});
      }
    };
    return map;
  }();
  return table;
}

// The line (0-based, in the YAML) of the last quoted scalar in document
// order: where a quote that never closes opened, since such a scalar runs
// to the end of the text.
int last_quoted_scalar_line(const YAML::Node& root) {
  int line = 0;
  std::vector<YAML::Node> pending{root};
  while (!pending.empty()) {
    YAML::Node node = pending.back();
    pending.pop_back();
    if (node.IsScalar() && node.Tag() == "!" && !node.Mark().is_null()) line = std::max(line, node.Mark().line);
    if (node.IsSequence())
      for (const YAML::Node& item : node) pending.push_back(item);
    if (node.IsMap())
      for (const auto& entry : node) {
        pending.push_back(entry.first);
        pending.push_back(entry.second);
      }
  }
  return line;
}

// Loads the YAML. yaml-cpp 0.7 accepts a quoted value whose closing quote
// never comes, taking everything after it as its text (`title: "unclosed`
// swallows the next keys), but it does refuse a document-end marker inside
// a quoted value: loading the text with one appended finds that mistake.
YAML::Node load_yaml(std::string_view yaml_text, int first_line, const std::string& file_name) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& error) {
    int line = error.mark.is_null() ? first_line : first_line + error.mark.line;
    throw Error(ErrorKind::bad_input, file_name, line, "broken front matter: " + error.msg);
  }
  try {
    YAML::Load(std::string(yaml_text) + "\n...\n");
  } catch (const YAML::Exception&) {
    throw Error(ErrorKind::bad_input, file_name, first_line + last_quoted_scalar_line(root),
                "broken front matter: a quoted value is never closed");
  }
  return root;
}

}  // namespace

bool is_metadata_key(std::string_view key) { return setters().count(lower(key)) > 0; }

void apply_front_matter(std::string_view yaml_text, int first_line, const std::string& file_name, doc::Meta& meta,
                        Diagnostics& diagnostics) {
  const YAML::Node root = load_yaml(yaml_text, first_line, file_name);
  if (root.IsNull()) return;
  if (!root.IsMap()) throw Error(ErrorKind::bad_input, file_name, first_line, "front matter must be \"key: value\" lines");
  for (const auto& entry : root) {
    const YAML::Node& key = entry.first;
    int line = first_line + (key.Mark().is_null() ? 0 : key.Mark().line);
    std::string name = key.IsScalar() ? key.Scalar() : std::string();
    auto setter = setters().find(lower(name));
    if (setter == setters().end()) {
      diagnostics.push_back({file_name, line, "unknown front matter key \"" + name + "\" ignored"});
      continue;
    }
    Context context{meta, diagnostics, file_name, line};
    setter->second(entry.second, context);
  }
}

}  // namespace galley::read::detail
