#include "app/bag.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "app/sha256.hpp"
#include "app/worker_protocol.hpp"
#include "galley/galley.hpp"

namespace galley::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* bag_declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

// A path in a manifest line: CR, LF and % percent-encoded (RFC 8493, 2.1.3).
std::string encoded_path(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '%') out += "%25";
    else if (c == '\n') out += "%0A";
    else if (c == '\r') out += "%0D";
    else out += c;
  }
  return out;
}

std::string decoded_path(const std::string& path) {
  std::string out;
  for (std::size_t index = 0; index < path.size(); ++index) {
    const std::string_view code = std::string_view(path).substr(index, 3);
    if (code == "%25") out += '%';
    else if (code == "%0A" || code == "%0a") out += '\n';
    else if (code == "%0D" || code == "%0d") out += '\r';
    else {
      out += path[index];
      continue;
    }
    index += 2;
  }
  return out;
}

// A bag-info value on one line.
std::string one_line(std::string value) {
  std::replace(value.begin(), value.end(), '\n', ' ');
  std::replace(value.begin(), value.end(), '\r', ' ');
  return value;
}

// Every regular file under `folder`, as paths relative to `base`, with '/'.
std::vector<std::string> files_under(const fs::path& folder, const fs::path& base) {
  std::vector<std::string> files;
  std::error_code error;
  for (fs::recursive_directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error))
    if (!entry->is_directory(error)) files.push_back(entry->path().lexically_relative(base).generic_string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_text(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// "SUM PATH" lines of a manifest: path -> sum. Lines that are not of that
// form are findings.
std::map<std::string, std::string> read_sums(const fs::path& manifest, const std::string& shown,
                                             std::vector<Finding>& findings) {
  std::map<std::string, std::string> sums;
  std::istringstream lines(read_text(manifest));
  std::string line;
  std::size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::size_t space = line.find_first_of(" \t");
    const std::size_t path_start = space == std::string::npos ? space : line.find_first_not_of(" \t", space);
    if (space == std::string::npos || path_start == std::string::npos) {
      findings.push_back({"invalid", shown, "line " + std::to_string(number) + " is not \"SUM PATH\""});
      continue;
    }
    std::string sum = line.substr(0, space);
    std::transform(sum.begin(), sum.end(), sum.begin(), [](unsigned char c) { return std::tolower(c); });
    sums[decoded_path(line.substr(path_start))] = sum;
  }
  return sums;
}

}  // namespace

bool is_bag(const fs::path& directory) {
  std::error_code error;
  return fs::is_regular_file(directory / "bagit.txt", error);
}

fs::path bag_payload_directory(const fs::path& directory) { return directory / "data"; }

void write_bag_tags(const fs::path& directory, const Manifest& manifest) {
  const fs::path payload = bag_payload_directory(directory);
  std::map<std::string, FileSum> recorded;
  for (const ManifestOutput& output : manifest.outputs) recorded["data/" + output.path] = {output.sha256, output.size};
  std::string payload_manifest;
  std::uintmax_t octets = 0;
  std::size_t streams = 0;
  for (const std::string& file : files_under(payload, directory)) {
    std::optional<FileSum> sum;
    if (auto found = recorded.find(file); found != recorded.end()) {
      sum = found->second;
    } else {
      sum = sha256_of_file(directory / file);
      if (!sum) throw Error(ErrorKind::io, (directory / file).string(), "cannot be read to put in the bag");
      if (file != "data/manifest.json")
        std::cerr << "galley: warning: " << (directory / file).string()
                  << ": not an output of this batch; it stays in the bag's payload\n";
    }
    payload_manifest += sum->sha256 + "  " + encoded_path(file) + "\n";
    octets += sum->size;
    ++streams;
  }

  std::set<std::string> publishers, identifiers;
  std::string newest;
  for (const ManifestOutput& output : manifest.outputs) {
    if (!output.publisher.empty()) publishers.insert(one_line(output.publisher));
    if (!output.identifier.empty()) identifiers.insert(one_line(output.identifier));
    newest = std::max(newest, output.modified);
  }
  std::string bagging_date = newest.substr(0, 10);
  if (bagging_date.empty())
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
      if (auto seconds = number_in<std::int64_t>(epoch)) bagging_date = iso_utc(*seconds).substr(0, 10);
  std::string info;
  for (const std::string& publisher : publishers) info += "Source-Organization: " + publisher + "\n";
  for (const std::string& identifier : identifiers) info += "External-Identifier: " + identifier + "\n";
  // Without a date from the articles or SOURCE_DATE_EPOCH the optional
  // Bagging-Date is left out rather than taken from the clock.
  if (!bagging_date.empty()) info += "Bagging-Date: " + bagging_date + "\n";
  info += "Payload-Oxum: " + std::to_string(octets) + "." + std::to_string(streams) + "\n";
  info += "Bag-Software-Agent: galley " GALLEY_VERSION "\n";

  std::string tag_manifest;
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"bagit.txt", bag_declaration}, {"bag-info.txt", info}, {"manifest-sha256.txt", payload_manifest}}) {
    write_file_atomically(directory / name, text);
    tag_manifest += sha256_hex(text) + "  " + name + "\n";
  }
  write_file_atomically(directory / "tagmanifest-sha256.txt", tag_manifest);
}

std::vector<Finding> check_bag(const fs::path& directory, std::size_t& listed) {
  std::vector<Finding> findings;
  listed = 0;
  auto shown = [&directory](const std::string& name) { return (directory / name).string(); };
  auto invalid = [&](const std::string& name, const std::string& detail) {
    findings.push_back({"invalid", shown(name), detail});
  };

  // bagit.txt: the version and the encoding, in that order (2.1.1).
  const std::string declaration = read_text(directory / "bagit.txt");
  std::istringstream declaration_lines(declaration);
  std::string version_line, encoding_line;
  std::getline(declaration_lines, version_line);
  std::getline(declaration_lines, encoding_line);
  for (std::string* line : {&version_line, &encoding_line})
    if (!line->empty() && line->back() == '\r') line->pop_back();
  if (!version_line.starts_with("BagIt-Version: ") || version_line.size() <= 15)
    invalid("bagit.txt", "its first line is not \"BagIt-Version: M.N\"");
  if (encoding_line != "Tag-File-Character-Encoding: UTF-8")
    invalid("bagit.txt", "its second line is not \"Tag-File-Character-Encoding: UTF-8\"");

  std::error_code error;
  if (!fs::is_directory(directory / "data", error)) {
    invalid("data", "the bag has no payload folder");
    return findings;
  }
  if (!fs::is_regular_file(directory / "manifest-sha256.txt", error)) {
    invalid("manifest-sha256.txt", "missing: galley checks bags by their SHA-256 payload manifest");
    return findings;
  }

  // The payload manifest: every file in it present with its sum (3), every
  // payload file in it (complete), none outside data/.
  std::map<std::string, std::string> payload = read_sums(directory / "manifest-sha256.txt", shown("manifest-sha256.txt"), findings);
  listed += payload.size();
  std::uintmax_t octets = 0;
  std::size_t streams = 0;
  for (const auto& [file, sum] : payload) {
    const fs::path normal = fs::path(file).lexically_normal();
    if (!file.starts_with("data/") || normal.is_absolute() || normal.generic_string().starts_with("..") ||
        !normal.generic_string().starts_with("data/")) {
      invalid("manifest-sha256.txt", "lists " + file + ", which is not in data/");
      continue;
    }
    std::optional<FileSum> found = sha256_of_file(directory / file);
    if (!found) findings.push_back({"missing", shown(file), "listed in manifest-sha256.txt"});
    else if (found->sha256 != sum)
      findings.push_back({"changed", shown(file), "sha256 " + found->sha256 + ", manifest-sha256.txt says " + sum});
  }
  for (const std::string& file : files_under(directory / "data", directory)) {
    if (!payload.contains(file)) findings.push_back({"unlisted", shown(file), "not in manifest-sha256.txt"});
    const std::uintmax_t size = fs::file_size(directory / file, error);
    if (!error) {
      octets += size;
      ++streams;
    }
  }

  // bag-info.txt's Payload-Oxum: the payload's octets and files (2.2.2).
  const std::string info = read_text(directory / "bag-info.txt");
  const std::string oxum_label = "Payload-Oxum:";
  std::size_t at = info.rfind("\n" + oxum_label) != std::string::npos ? info.rfind("\n" + oxum_label) + 1
                   : info.starts_with(oxum_label)                       ? 0
                                                                        : std::string::npos;
  if (at != std::string::npos) {
    std::string value = info.substr(at + oxum_label.size(), info.find('\n', at) - at - oxum_label.size());
    value.erase(0, value.find_first_not_of(" \t"));
    while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
    const std::string actual = std::to_string(octets) + "." + std::to_string(streams);
    if (value != actual) invalid("bag-info.txt", "Payload-Oxum is " + value + ", the payload is " + actual);
  }

  // The tag manifest: every tag file it lists with its sum; never a payload
  // file, nor itself (2.2.1).
  if (fs::exists(directory / "tagmanifest-sha256.txt", error)) {
    std::map<std::string, std::string> tags =
        read_sums(directory / "tagmanifest-sha256.txt", shown("tagmanifest-sha256.txt"), findings);
    listed += tags.size();
    for (const auto& [file, sum] : tags) {
      if (file.starts_with("data/") || file.starts_with("tagmanifest-")) {
        invalid("tagmanifest-sha256.txt", "lists " + file + ", which is not a tag file it may list");
        continue;
      }
      std::optional<FileSum> found = sha256_of_file(directory / file);
      if (!found) findings.push_back({"missing", shown(file), "listed in tagmanifest-sha256.txt"});
      else if (found->sha256 != sum)
        findings.push_back({"changed", shown(file), "sha256 " + found->sha256 + ", tagmanifest-sha256.txt says " + sum});
    }
  }
  return findings;
}

}  // namespace galley::app
