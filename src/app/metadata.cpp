#include "app/metadata.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <toml++/toml.h>
#include <utility>

#include "galley/errors.hpp"
#include "galley/style.hpp"
#include "typo/dates.hpp"

namespace galley::app {
namespace {

// Keeps track of the list keys already set from the command line: the
// first value replaces the article's list, the next ones add to it.
class MetadataSetter {
 public:
  explicit MetadataSetter(doc::Meta& meta) : meta_(meta) {}

  void set(const std::string& key, const std::string& value, const std::string& where) {
    if (key == "title") meta_.title = value;
    else if (key == "subtitle") meta_.subtitle = value;
    else if (key == "author") add_to(meta_.authors, key, value);
    else if (key == "date") set_date(value, where);
    else if (key == "lang") meta_.lang = value;
    else if (key == "publisher") meta_.publisher = value;
    else if (key == "rights") meta_.rights = value;
    else if (key == "identifier") meta_.identifier = value;
    else if (key == "description") meta_.description = value;
    else if (key == "keywords") add_keywords(value);
    else if (key == "section") meta_.section = value;
    else if (key == "source") meta_.source = value;
    else {
      const std::string nearest = style::nearest_name(key, metadata_keys());
      throw Error(ErrorKind::usage, where,
                  "unknown metadata key \"" + key + "\"" + (nearest.empty() ? "" : "; did you mean \"" + nearest + "\"?"));
    }
  }

 private:
  void add_to(std::vector<std::string>& list, const std::string& key, const std::string& value) {
    if (replaced_.insert(key).second) list.clear();
    if (!value.empty()) list.push_back(value);
  }

  void add_keywords(const std::string& value) {
    if (replaced_.insert("keywords").second) meta_.keywords.clear();
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      std::string keyword = value.substr(start, comma - start);
      keyword.erase(0, keyword.find_first_not_of(' '));
      keyword.erase(keyword.find_last_not_of(' ') + 1);
      if (!keyword.empty()) meta_.keywords.push_back(keyword);
      start = comma + 1;
    }
  }

  void set_date(const std::string& value, const std::string& where) {
    const std::optional<doc::Date> date = typo::parse_date_line(value);
    if (!date) throw Error(ErrorKind::usage, where, "date=" + value + ": not a date (such as 2024-05-01)");
    meta_.date = date;
    meta_.date_text = value;
  }

  doc::Meta& meta_;
  std::set<std::string> replaced_;
};

void apply_yaml_file(MetadataSetter& setter, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::BadFile&) {
    throw Error(ErrorKind::bad_input, file, "the metadata file cannot be read");
  } catch (const YAML::Exception& error) {
    throw Error(ErrorKind::bad_input, file, error.mark.line + 1, error.msg);
  }
  if (!root || root.IsNull()) return;
  if (!root.IsMap()) throw Error(ErrorKind::bad_input, file, 1, "the metadata file is not a map of keys to values");
  for (const auto& entry : root) {
    const std::string key = entry.first.as<std::string>();
    const std::string where = file + ":" + std::to_string(entry.first.Mark().line + 1);
    const YAML::Node& value = entry.second;
    if (value.IsSequence()) {
      for (const YAML::Node& item : value) setter.set(key, item.as<std::string>(), where);
    } else if (value.IsScalar()) {
      setter.set(key, value.as<std::string>(), where);
    } else {
      throw Error(ErrorKind::bad_input, file, entry.first.Mark().line + 1, key + ": not a text or a list of texts");
    }
  }
}

void apply_toml_file(MetadataSetter& setter, const std::string& file) {
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& error) {
    throw Error(ErrorKind::bad_input, file, static_cast<int>(error.source().begin.line),
                std::string(error.description()));
  }
  for (const auto& [key, value] : table) {
    const int line = static_cast<int>(value.source().begin.line);
    const std::string where = file + ":" + std::to_string(line);
    auto text_of = [&](const toml::node& node) -> std::string {
      if (auto text = node.value<std::string>()) return *text;
      if (node.is_date()) {
        const toml::date date = node.as_date()->get();
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date.year), static_cast<int>(date.month),
                      static_cast<int>(date.day));
        return buffer;
      }
      throw Error(ErrorKind::bad_input, file, line, std::string(key.str()) + ": not a text or a list of texts");
    };
    if (const toml::array* list = value.as_array()) {
      for (const toml::node& item : *list) setter.set(std::string(key.str()), text_of(item), where);
    } else {
      setter.set(std::string(key.str()), text_of(value), where);
    }
  }
}

}  // namespace

const std::vector<std::string>& metadata_keys() {
  static const std::vector<std::string> keys{"title",      "subtitle",    "author",   "date",    "lang",   "publisher",
                                             "rights",     "identifier",  "description", "keywords", "section", "source"};
  return keys;
}

void apply_metadata(doc::Meta& meta, const std::string& metadata_file, const std::vector<std::string>& pairs) {
  MetadataSetter setter(meta);
  if (!metadata_file.empty()) {
    std::string extension = std::filesystem::path(metadata_file).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".toml") apply_toml_file(setter, metadata_file);
    else if (extension == ".yaml" || extension == ".yml") apply_yaml_file(setter, metadata_file);
    else throw Error(ErrorKind::usage, metadata_file, "--metadata-file reads .yaml, .yml or .toml files");
  }
  for (const std::string& pair : pairs) {
    const std::size_t equals = pair.find('=');
    if (equals == std::string::npos || equals == 0)
      throw Error(ErrorKind::usage, "-M", "\"" + pair + "\": expected KEY=VALUE, such as title=Budget day");
    setter.set(pair.substr(0, equals), pair.substr(equals + 1), "-M");
  }
}

}  // namespace galley::app
