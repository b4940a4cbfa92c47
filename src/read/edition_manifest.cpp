// Edition manifests, in TOML (toml++) or YAML (yaml-cpp). Both syntaxes are
// first turned into the same flat list of fields and sections, each with its
// line, so the meaning of a key is decided in one place.
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <set>

#include "galley/edition.hpp"
#include "galley/style.hpp"
#include "typo/dates.hpp"

namespace galley {
namespace {

struct ManifestField {
  std::string key;  // lower case, '_' as '-'
  std::string value;
  int line = 0;
};

struct ManifestSection {
  std::string title;
  std::vector<std::pair<std::string, int>> articles;  // file name and line
  std::vector<std::optional<int>> priorities;         // each article's, when it gives one
  std::vector<bool> may_jump;                          // false for `jump = false`
  int line = 0;
};

struct RawManifest {
  std::vector<ManifestField> fields;
  std::vector<ManifestSection> sections;
  bool has_sections = false;
};

std::string normalised_key(std::string key) {
  for (char& c : key) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == '_') c = '-';
  }
  return key;
}

std::string unknown_section_key(const std::string& key) {
  const std::string nearest = style::nearest_name(key, {"title", "articles"});
  return "unknown key \"" + key + "\" in a section" +
         (nearest.empty() ? " (title, articles)" : "; did you mean \"" + nearest + "\"?");
}

// ------------------------------------------------------------ TOML

class TomlManifest {
 public:
  explicit TomlManifest(std::string file_name) : file_name_(std::move(file_name)) {}

  RawManifest read(std::string_view bytes) {
    toml::table root;
    try {
      root = toml::parse(bytes, file_name_);
    } catch (const toml::parse_error& error) {
      throw Error(ErrorKind::bad_input, file_name_, static_cast<int>(error.source().begin.line),
                  "broken edition manifest: " + std::string(error.description()));
    }
    RawManifest manifest;
    for (const auto& [key, node] : root) {
      const std::string name = normalised_key(std::string(key.str()));
      if (name == "sections") {
        manifest.has_sections = true;
        const toml::array* sections = node.as_array();
        if (!sections) fail(node, "\"sections\" must be a list of tables ([[sections]])");
        for (const toml::node& section : *sections) manifest.sections.push_back(read_section(section));
        continue;
      }
      manifest.fields.push_back({name, scalar(node, name), line_of(node)});
    }
    return manifest;
  }

 private:
  int line_of(const toml::node& node) const { return static_cast<int>(node.source().begin.line); }

  [[noreturn]] void fail(const toml::node& node, const std::string& message) const {
    throw Error(ErrorKind::bad_input, file_name_, line_of(node), message);
  }

  // Strings, numbers and dates as text; a TOML date as YYYY-MM-DD.
  std::string scalar(const toml::node& node, const std::string& key) const {
    if (const auto* text = node.as_string()) return text->get();
    if (const auto* number = node.as_integer()) return std::to_string(number->get());
    if (const auto* date = node.as_date()) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date->get().year),
                    static_cast<int>(date->get().month), static_cast<int>(date->get().day));
      return buffer;
    }
    if (const auto* moment = node.as_date_time()) {
      const toml::date day = moment->get().date;
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(day.year), static_cast<int>(day.month),
                    static_cast<int>(day.day));
      return buffer;
    }
    fail(node, "\"" + key + "\" must be text, a number or a date");
  }

  // A file name, or a table with the file and its weight in the make-up:
  // {file = "storm.txt", priority = 1, jump = false}.
  void read_article(const toml::node& article, ManifestSection& section) const {
    const std::string must = "a section's \"articles\" must be file names or tables {file = ..., priority = ..., jump = ...}";
    std::optional<int> priority;
    bool may_jump = true;
    std::string file;
    if (const auto* name = article.as_string()) {
      file = name->get();
    } else if (const toml::table* table = article.as_table()) {
      for (const auto& [key, value] : *table) {
        const std::string name = normalised_key(std::string(key.str()));
        if (name == "file") {
          const auto* text = value.as_string();
          if (!text) fail(value, "an article's \"file\" must be a file name");
          file = text->get();
        } else if (name == "priority") {
          const auto* number = value.as_integer();
          if (!number || number->get() < 1) fail(value, "an article's \"priority\" must be a whole number, 1 for the lead");
          priority = static_cast<int>(std::min<std::int64_t>(number->get(), 1000000));
        } else if (name == "jump") {
          const auto* flag = value.as_boolean();
          if (!flag) fail(value, "an article's \"jump\" must be true or false");
          may_jump = flag->get();
        } else {
          fail(value, "unknown key \"" + std::string(key.str()) + "\" in an article (file, priority, jump)");
        }
      }
      if (file.empty()) fail(article, "an article's table must name its \"file\"");
    } else {
      fail(article, must);
    }
    section.articles.emplace_back(file, line_of(article));
    section.priorities.push_back(priority);
    section.may_jump.push_back(may_jump);
  }

  ManifestSection read_section(const toml::node& node) const {
    const toml::table* table = node.as_table();
    if (!table) fail(node, "each section must be a table with a title and articles");
    ManifestSection section;
    section.line = line_of(node);
    for (const auto& [key, value] : *table) {
      const std::string name = normalised_key(std::string(key.str()));
      if (name == "title" || name == "name") {
        section.title = scalar(value, name);
      } else if (name == "articles") {
        const toml::array* articles = value.as_array();
        if (!articles) fail(value, "a section's \"articles\" must be a list of file names");
        for (const toml::node& article : *articles) read_article(article, section);
      } else {
        fail(value, unknown_section_key(std::string(key.str())));
      }
    }
    return section;
  }

  std::string file_name_;
};

// ------------------------------------------------------------ YAML

class YamlManifest {
 public:
  explicit YamlManifest(std::string file_name) : file_name_(std::move(file_name)) {}

  RawManifest read(std::string_view bytes) {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(bytes));
    } catch (const YAML::Exception& error) {
      throw Error(ErrorKind::bad_input, file_name_, error.mark.is_null() ? 0 : error.mark.line + 1,
                  "broken edition manifest: " + error.msg);
    }
    if (!root.IsMap()) throw Error(ErrorKind::bad_input, file_name_, 1, "an edition manifest must be \"key: value\" lines");
    RawManifest manifest;
    for (const auto& entry : root) {
      const std::string name = normalised_key(entry.first.IsScalar() ? entry.first.Scalar() : std::string());
      if (name == "sections") {
        manifest.has_sections = true;
        if (!entry.second.IsSequence()) fail(entry.second, "\"sections\" must be a list");
        for (const YAML::Node& section : entry.second) manifest.sections.push_back(read_section(section));
        continue;
      }
      manifest.fields.push_back({name, scalar(entry.second, name), line_of(entry.first)});
    }
    return manifest;
  }

 private:
  static int line_of(const YAML::Node& node) { return node.Mark().is_null() ? 0 : node.Mark().line + 1; }

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    throw Error(ErrorKind::bad_input, file_name_, line_of(node), message);
  }

  std::string scalar(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) fail(node, "\"" + key + "\" must be text, a number or a date");
    return node.Scalar();
  }

  // A file name, or a map with the file and its weight in the make-up.
  void read_article(const YAML::Node& article, ManifestSection& section) const {
    std::optional<int> priority;
    bool may_jump = true;
    std::string file;
    if (article.IsMap()) {
      for (const auto& entry : article) {
        const std::string name = normalised_key(entry.first.IsScalar() ? entry.first.Scalar() : std::string());
        if (name == "file") {
          file = scalar(entry.second, "file");
        } else if (name == "priority") {
          const std::string text = scalar(entry.second, "priority");
          int value = 0;
          const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
          if (error != std::errc() || end != text.data() + text.size() || value < 1)
            fail(entry.second, "an article's \"priority\" must be a whole number, 1 for the lead");
          priority = value;
        } else if (name == "jump") {
          const std::string text = scalar(entry.second, "jump");
          if (text != "true" && text != "false") fail(entry.second, "an article's \"jump\" must be true or false");
          may_jump = text == "true";
        } else {
          fail(entry.first, "unknown key \"" + name + "\" in an article (file, priority, jump)");
        }
      }
      if (file.empty()) fail(article, "an article's map must name its \"file\"");
    } else {
      file = scalar(article, "articles");
    }
    section.articles.emplace_back(file, line_of(article));
    section.priorities.push_back(priority);
    section.may_jump.push_back(may_jump);
  }

  ManifestSection read_section(const YAML::Node& node) const {
    if (!node.IsMap()) fail(node, "each section must have a title and articles");
    ManifestSection section;
    section.line = line_of(node);
    for (const auto& entry : node) {
      const std::string name = normalised_key(entry.first.IsScalar() ? entry.first.Scalar() : std::string());
      if (name == "title" || name == "name") {
        section.title = scalar(entry.second, name);
      } else if (name == "articles") {
        if (!entry.second.IsSequence()) fail(entry.second, "a section's \"articles\" must be a list of file names");
        for (const YAML::Node& article : entry.second) read_article(article, section);
      } else {
        fail(entry.first, unknown_section_key(name));
      }
    }
    return section;
  }

  std::string file_name_;
};

// ------------------------------------------------------------ meaning

using FieldSetter = std::function<void(const ManifestField&, EditionMeta&, const std::string& file_name)>;

const std::map<std::string, FieldSetter>& field_setters() {
  static const std::map<std::string, FieldSetter> table = [] {
    std::map<std::string, FieldSetter> map;
    auto text = [](std::string EditionMeta::*field) {
      return [field](const ManifestField& item, EditionMeta& meta, const std::string&) { meta.*field = item.value; };
    };
    for (const char* key : {"title", "name"}) map[key] = text(&EditionMeta::title);
    for (const char* key : {"series", "collection", "publication"}) map[key] = text(&EditionMeta::series);
    map["publisher"] = text(&EditionMeta::publisher);
    for (const char* key : {"lang", "language"}) map[key] = text(&EditionMeta::lang);
    for (const char* key : {"identifier", "id", "isbn", "urn"}) map[key] = text(&EditionMeta::identifier);
    for (const char* key : {"rights", "copyright", "license", "licence"}) map[key] = text(&EditionMeta::rights);
    for (const char* key : {"description", "summary"}) map[key] = text(&EditionMeta::description);
    for (const char* key : {"theme", "style"}) map[key] = text(&EditionMeta::style);
    for (const char* key : {"cover", "cover-image"})
      map[key] = [](const ManifestField& item, EditionMeta& meta, const std::string&) {
        meta.cover_image = item.value;
        meta.cover_image_line = item.line;
      };
    for (const char* key : {"issue", "number", "issue-number"})
      map[key] = [](const ManifestField& item, EditionMeta& meta, const std::string&) {
        meta.issue = item.value;
        // "4512", "No. 4,512", "#12": the digits make the position in the series.
        std::string digits;
        for (char c : item.value)
          if (c >= '0' && c <= '9') digits += c;
          else if (c != ',' && c != '.' && c != ' ' && c != '#' && !digits.empty()) return;
        if (!digits.empty() && digits.size() < 9) meta.issue_number = std::stoi(digits);
      };
    map["date"] = [](const ManifestField& item, EditionMeta& meta, const std::string& file_name) {
      meta.date_text = item.value;
      meta.date = typo::parse_date_line(item.value);
      if (!meta.date)
        throw Error(ErrorKind::bad_input, file_name, item.line,
                    "\"date\" is not a date galley reads (write it as 2026-11-28): \"" + item.value + "\"");
      // A date written the ISO way is shown as the theme's language writes dates.
      if (item.value.size() == 10 && item.value[4] == '-' && item.value[7] == '-') meta.date_text.clear();
    };
    return map;
  }();
  return table;
}

EditionPlan plan_from(const RawManifest& manifest, const std::filesystem::path& file) {
  const std::string file_name = file.string();
  EditionPlan plan;
  for (const ManifestField& field : manifest.fields) {
    auto setter = field_setters().find(field.key);
    if (setter == field_setters().end()) {
      std::vector<std::string> known;
      for (const auto& [key, unused] : field_setters()) known.push_back(key);
      known.push_back("sections");
      const std::string nearest = style::nearest_name(field.key, known);
      plan.diagnostics.push_back({file_name, field.line,
                                  "unknown edition manifest key \"" + field.key + "\" ignored" +
                                      (nearest.empty() ? "" : "; did you mean \"" + nearest + "\"?")});
      continue;
    }
    setter->second(field, plan.meta, file_name);
    if (field.key == "theme" || field.key == "style") plan.style_line = field.line;
  }
  const std::filesystem::path folder = file.parent_path();
  std::set<std::filesystem::path> named;
  for (const ManifestSection& section : manifest.sections) {
    if (section.articles.empty())
      throw Error(ErrorKind::bad_input, file_name, section.line,
                  "the section \"" + section.title + "\" lists no articles");
    EditionPlan::Section planned{section.title, {}, {}, section.priorities, section.may_jump};
    for (const auto& [article, line] : section.articles) {
      if (article.empty()) throw Error(ErrorKind::bad_input, file_name, line, "an article's file name is empty");
      std::filesystem::path path = (folder / article).lexically_normal();
      if (!named.insert(path).second)
        throw Error(ErrorKind::bad_input, file_name, line, "\"" + article + "\" is named twice; an article appears once");
      planned.articles.push_back(path);
      planned.article_lines.push_back(line);
    }
    plan.sections.push_back(std::move(planned));
  }
  if (manifest.has_sections && plan.sections.empty())
    throw Error(ErrorKind::bad_input, file_name, 0, "\"sections\" lists no section");
  if (plan.meta.series.empty()) plan.meta.series = plan.meta.title;
  if (!plan.meta.cover_image.empty() && plan.meta.cover_image.is_relative())
    plan.meta.cover_image = (folder / plan.meta.cover_image).lexically_normal();
  return plan;
}

}  // namespace

EditionPlan read_edition_manifest(const std::filesystem::path& file, std::string_view bytes) {
  const bool toml_syntax = file.extension() == ".toml";
  RawManifest manifest =
      toml_syntax ? TomlManifest(file.string()).read(bytes) : YamlManifest(file.string()).read(bytes);
  return plan_from(manifest, file);
}

std::optional<std::filesystem::path> find_edition_manifest(const std::filesystem::path& directory) {
  for (const char* name : {"edition.toml", "edition.yaml", "edition.yml"}) {
    std::error_code error;
    std::filesystem::path candidate = directory / name;
    if (std::filesystem::is_regular_file(candidate, error)) return candidate;
  }
  return std::nullopt;
}

}  // namespace galley
