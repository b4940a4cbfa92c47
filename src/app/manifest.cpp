#include "app/manifest.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/json.hpp"
#include "app/worker_protocol.hpp"
#include "galley/galley.hpp"

namespace galley::app {
namespace {

namespace fs = std::filesystem;

std::string output_json(const ManifestOutput& output) {
  std::string images;
  for (const ManifestImage& image : output.images)
    images += std::string(images.empty() ? "" : ", ") + "{\"path\": " + json_string(image.path) +
              ", \"sha256\": " + json_string(image.sha256) + "}";
  return "{\"path\": " + json_string(output.path) + ", \"source\": " + json_string(output.source) +
         ", \"source_sha256\": " + json_string(output.source_sha256) +
         ", \"identifier\": " + json_string(output.identifier) + ", \"publisher\": " + json_string(output.publisher) +
         ", \"modified\": " + json_string(output.modified) + ", \"dated_by\": " + json_string(output.dated_by) + ", \"images\": [" + images + "]" +
         ", \"sha256\": " + json_string(output.sha256) + ", \"size\": " + std::to_string(output.size) +
         ", \"pages\": " + std::to_string(output.pages) + "}";
}

std::string failure_json(const ManifestFailure& failure) {
  return "{\"source\": " + json_string(failure.source) + ", \"kind\": " + json_string(failure.kind) +
         ", \"error\": " + json_string(failure.error) + "}";
}

// Reads one manifest's JSON, saying what is wrong where.
class ManifestReader {
 public:
  explicit ManifestReader(const fs::path& path) : path_(path) {}

  Manifest read() {
    std::ifstream file(path_, std::ios::binary);
    if (!file) throw Error(ErrorKind::io, path_.string(), "cannot be opened for reading");
    std::ostringstream text;
    text << file.rdbuf();
    const nlohmann::ordered_json root = nlohmann::ordered_json::parse(text.str(), nullptr, false);
    if (root.is_discarded()) fail("is not JSON");
    if (!root.is_object()) fail("is not a galley manifest (no JSON object)");
    Manifest manifest;
    manifest.generator = string_field(root, "generator", "the manifest");
    if (!manifest.generator.starts_with("galley ")) fail("is not a galley manifest (generator \"" + manifest.generator + "\")");
    manifest.source_root = string_field(root, "source_root", "the manifest");
    const auto& settings = member(root, "settings", "the manifest");
    if (!settings.is_object()) fail("\"settings\" is not an object");
    for (const auto& [name, value] : settings.items()) {
      if (!value.is_string()) fail("the setting \"" + name + "\" is not a string");
      manifest.settings.emplace_back(name, value.get<std::string>());
    }
    const auto& shard = member(root, "shard", "the manifest");
    if (!shard.is_null()) manifest.shard = string_field(root, "shard", "the manifest");
    const auto& outputs = array(root, "outputs");
    for (std::size_t index = 0; index < outputs.size(); ++index) {
      const std::string where = "output " + std::to_string(index + 1);
      const auto& entry = outputs[index];
      if (!entry.is_object()) fail(where + " is not an object");
      ManifestOutput output;
      output.path = string_field(entry, "path", where);
      output.source = string_field(entry, "source", where);
      output.source_sha256 = string_field(entry, "source_sha256", where);
      output.identifier = string_field(entry, "identifier", where);
      output.publisher = string_field(entry, "publisher", where);
      output.modified = string_field(entry, "modified", where);
      output.dated_by = string_field(entry, "dated_by", where);
      const auto& images = member(entry, "images", where);
      if (!images.is_array()) fail(where + ": \"images\" is not an array");
      for (const auto& image : images) {
        if (!image.is_object()) fail(where + ": an image is not an object");
        output.images.push_back({string_field(image, "path", where), string_field(image, "sha256", where)});
      }
      output.sha256 = string_field(entry, "sha256", where);
      output.size = number_field(entry, "size", where);
      output.pages = static_cast<std::size_t>(number_field(entry, "pages", where));
      // A path must stay in the manifest's folder: verify and rebuilds open it.
      const fs::path path(output.path);
      if (output.path.empty() || path.is_absolute() || path.has_parent_path() || output.path == "." ||
          output.path == "..")
        fail(where + ": the path \"" + output.path + "\" is not a file name in the manifest's folder");
      manifest.outputs.push_back(std::move(output));
    }
    const auto& failures = array(root, "failures");
    for (std::size_t index = 0; index < failures.size(); ++index) {
      const std::string where = "failure " + std::to_string(index + 1);
      const auto& entry = failures[index];
      if (!entry.is_object()) fail(where + " is not an object");
      manifest.failures.push_back(
          {string_field(entry, "source", where), string_field(entry, "kind", where), string_field(entry, "error", where)});
    }
    return manifest;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw Error(ErrorKind::bad_input, path_.string(), message);
  }

  const nlohmann::ordered_json& member(const nlohmann::ordered_json& object, const char* name,
                                       const std::string& where) const {
    auto found = object.find(name);
    if (found == object.end()) fail(where + " has no \"" + name + "\"");
    return *found;
  }

  std::string string_field(const nlohmann::ordered_json& object, const char* name, const std::string& where) const {
    const auto& value = member(object, name, where);
    if (!value.is_string()) fail(where + ": \"" + name + "\" is not a string");
    return value.get<std::string>();
  }

  std::uintmax_t number_field(const nlohmann::ordered_json& object, const char* name, const std::string& where) const {
    const auto& value = member(object, name, where);
    if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<std::int64_t>() >= 0))
      fail(where + ": \"" + name + "\" is not a whole number");
    return value.get<std::uintmax_t>();
  }

  const nlohmann::ordered_json& array(const nlohmann::ordered_json& root, const char* name) const {
    const auto& value = member(root, name, "the manifest");
    if (!value.is_array()) fail("\"" + std::string(name) + "\" is not an array");
    return value;
  }

  fs::path path_;
};

// "K-of-N" as {K, N}, or nullopt.
std::optional<std::pair<std::size_t, std::size_t>> shard_numbers(const std::string& shard) {
  const std::size_t of = shard.find("-of-");
  if (of == std::string::npos) return std::nullopt;
  auto index = number_in<std::size_t>(std::string_view(shard).substr(0, of));
  auto count = number_in<std::size_t>(std::string_view(shard).substr(of + 4));
  if (!index || !count || *index < 1 || *index > *count) return std::nullopt;
  return std::pair{*index, *count};
}

std::string settings_text(const BatchSettings& settings) {
  std::string text;
  for (const auto& [name, value] : settings) text += (text.empty() ? "" : ", ") + name + "=" + value;
  return text;
}

}  // namespace

fs::path image_path(const std::string& src, const fs::path& article_folder) {
  const fs::path named(src);
  return named.is_absolute() ? named : (article_folder.empty() ? fs::path(".") : article_folder) / named;
}

std::string iso_utc(std::int64_t seconds) {
  using namespace std::chrono;
  const sys_seconds time{std::chrono::seconds{seconds}};
  const sys_days day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{time - day};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long>(clock.hours().count()), static_cast<long>(clock.minutes().count()),
                static_cast<long>(clock.seconds().count()));
  return buffer;
}

std::string manifest_json(Manifest manifest) {
  std::sort(manifest.outputs.begin(), manifest.outputs.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  std::sort(manifest.failures.begin(), manifest.failures.end(), [](const auto& a, const auto& b) {
    return std::tie(a.source, a.error) < std::tie(b.source, b.error);
  });
  std::string out = "{\n  \"generator\": " + json_string(manifest.generator) + ",\n";
  out += "  \"source_root\": " + json_string(manifest.source_root) + ",\n";
  out += "  \"settings\": {";
  for (std::size_t index = 0; index < manifest.settings.size(); ++index)
    out += std::string(index ? ", " : "") + json_string(manifest.settings[index].first) + ": " +
           json_string(manifest.settings[index].second);
  out += "},\n";
  out += "  \"shard\": " + (manifest.shard.empty() ? std::string("null") : json_string(manifest.shard)) + ",\n";
  out += "  \"outputs\": [";
  for (std::size_t index = 0; index < manifest.outputs.size(); ++index)
    out += std::string(index ? ",\n" : "\n") + "    " + output_json(manifest.outputs[index]);
  out += manifest.outputs.empty() ? "],\n" : "\n  ],\n";
  out += "  \"failures\": [";
  for (std::size_t index = 0; index < manifest.failures.size(); ++index)
    out += std::string(index ? ",\n" : "\n") + "    " + failure_json(manifest.failures[index]);
  out += manifest.failures.empty() ? "]\n" : "\n  ]\n";
  return out + "}\n";
}

Manifest read_manifest(const fs::path& path) { return ManifestReader(path).read(); }

Manifest merge_manifests(const std::vector<std::pair<fs::path, Manifest>>& shards) {
  if (shards.empty()) throw Error(ErrorKind::usage, "manifest merge", "needs the shards' manifests");
  const auto& [first_path, first] = shards.front();
  std::optional<std::pair<std::size_t, std::size_t>> first_numbers = shard_numbers(first.shard);
  if (!first_numbers)
    throw Error(ErrorKind::bad_input, first_path.string(), "is not a shard's manifest (its \"shard\" is not K-of-N)");
  const std::size_t count = first_numbers->second;
  std::map<std::size_t, fs::path> seen;
  std::map<std::string, fs::path> owner_of_output;
  Manifest merged;
  merged.generator = first.generator;
  merged.source_root = first.source_root;
  merged.settings = first.settings;
  for (const auto& [path, manifest] : shards) {
    std::optional<std::pair<std::size_t, std::size_t>> numbers = shard_numbers(manifest.shard);
    if (!numbers) throw Error(ErrorKind::bad_input, path.string(), "is not a shard's manifest (its \"shard\" is not K-of-N)");
    if (numbers->second != count)
      throw Error(ErrorKind::bad_input, path.string(), "is shard " + manifest.shard + ", but " + first_path.string() +
                                                           " is of " + std::to_string(count) + " shards");
    auto [earlier, fresh] = seen.emplace(numbers->first, path);
    if (!fresh)
      throw Error(ErrorKind::bad_input, path.string(), "is shard " + manifest.shard + " again, as is " + earlier->second.string());
    auto differs = [&](const char* what, const std::string& mine, const std::string& theirs) {
      if (mine != theirs)
        throw Error(ErrorKind::bad_input, path.string(),
                    std::string("was made with another ") + what + " than " + first_path.string() + " (\"" + mine +
                        "\", not \"" + theirs + "\"): not shards of one batch");
    };
    differs("galley", manifest.generator, first.generator);
    differs("source root", manifest.source_root, first.source_root);
    differs("settings", settings_text(manifest.settings), settings_text(first.settings));
    for (const ManifestOutput& output : manifest.outputs) {
      auto [owner, new_name] = owner_of_output.emplace(output.path, path);
      if (!new_name)
        throw Error(ErrorKind::bad_input, path.string(), "lists " + output.path + ", as does " + owner->second.string());
      merged.outputs.push_back(output);
    }
    merged.failures.insert(merged.failures.end(), manifest.failures.begin(), manifest.failures.end());
  }
  if (seen.size() != count) {
    std::string missing;
    for (std::size_t index = 1; index <= count; ++index)
      if (!seen.contains(index)) missing += (missing.empty() ? "" : ", ") + std::to_string(index);
    throw Error(ErrorKind::bad_input, first_path.string(),
                "is one of " + std::to_string(count) + " shards, but shard " + missing + " of " +
                    std::to_string(count) + " is not among the manifests given");
  }
  return merged;
}

int run_manifest_merge(const std::vector<std::string>& files, const std::string& output) {
  std::vector<std::pair<fs::path, Manifest>> shards;
  for (const std::string& file : files) shards.emplace_back(file, read_manifest(file));
  const std::string text = manifest_json(merge_manifests(shards));
  write_file_atomically(output, text);
  return 0;
}

}  // namespace galley::app
