#include "app/batch_plan.hpp"

#include <map>
#include <set>
#include <string>

namespace galley::app {

namespace fs = std::filesystem;

namespace {

fs::path absolute_normal(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  if (error) absolute = path;
  absolute = absolute.lexically_normal();
  // "dir/" is normal with an empty last part: the folder itself.
  if (!absolute.has_filename() && absolute.has_parent_path() && absolute != absolute.root_path())
    absolute = absolute.parent_path();
  return absolute;
}

}  // namespace

SourceNames::SourceNames(const std::vector<std::string>& inputs) {
  // The deepest folder every input lies in: a folder's own, a file's parent.
  std::optional<fs::path> root;
  for (const std::string& input : inputs) {
    std::error_code error;
    fs::path folder = absolute_normal(input);
    if (!fs::is_directory(folder, error)) folder = folder.parent_path();
    if (!root) {
      root = folder;
      continue;
    }
    fs::path common;
    for (auto mine = root->begin(), theirs = folder.begin(); mine != root->end() && theirs != folder.end() && *mine == *theirs;
         ++mine, ++theirs)
      common /= *mine;
    root = common;
  }
  root_ = root.value_or(absolute_normal("."));
}

std::string SourceNames::root_name() const {
  return root_.has_filename() ? root_.filename().string() : root_.root_path().generic_string();
}

std::string SourceNames::relative(const fs::path& source) const {
  const fs::path relative = absolute_normal(source).lexically_relative(root_);
  return relative.empty() ? absolute_normal(source).generic_string() : relative.generic_string();
}

void SourceNames::add(const fs::path& source) { names_.emplace(source.string(), relative(source)); }

std::string SourceNames::portable(const std::string& message) const {
  // Every place a known name begins, the longest name first where two begin
  // at one place; then the message rebuilt left to right, skipping overlaps.
  std::vector<std::pair<std::string, std::string>> replacements(names_.begin(), names_.end());
  // The root's own path as a prefix (not when it is "/", which every path has).
  if (root_ != root_.root_path()) replacements.emplace_back(root_.string() + "/", "");
  std::map<std::size_t, const std::pair<std::string, std::string>*> found;
  for (const auto& replacement : replacements) {
    if (replacement.first.empty()) continue;
    for (std::size_t at = message.find(replacement.first); at != std::string::npos;
         at = message.find(replacement.first, at + 1)) {
      auto [place, fresh] = found.emplace(at, &replacement);
      if (!fresh && place->second->first.size() < replacement.first.size()) place->second = &replacement;
    }
  }
  std::string out;
  std::size_t done = 0;
  for (const auto& [at, replacement] : found) {
    if (at < done) continue;
    out.append(message, done, at - done);
    out += replacement->second;
    done = at + replacement->first.size();
  }
  out.append(message, done, std::string::npos);
  return out;
}

std::vector<fs::path> output_targets(const BuildOptions& options, const fs::path& source) {
  std::vector<fs::path> targets;
  if (!options.output_files.empty()) {
    for (const std::string& file : options.output_files) targets.emplace_back(file);
    return targets;
  }
  // Standard input has no name of its own.
  const std::string stem = source == "-" ? std::string("stdin") : source.stem().string();
  for (OutputFormat format : formats_named(options.format))
    targets.push_back(fs::path(options.output_directory) / (stem + "." + file_extension(format)));
  return targets;
}

BatchPlan plan_batch(const BuildOptions& options, std::optional<std::pair<std::size_t, std::size_t>> shard) {
  BatchPlan plan;
  plan.is_batch = options.inputs.size() > 1 || shard.has_value() || options.bag;
  plan.names = SourceNames(options.inputs);
  // Each entry: an article, or a folder refused (empty, unreadable) in its place.
  std::vector<std::pair<fs::path, std::optional<ArticleResult>>> listed;
  for (const std::string& input : options.inputs) {
    std::error_code error;
    if (!fs::is_directory(input, error)) {
      listed.emplace_back(input, std::nullopt);
      continue;
    }
    plan.is_batch = true;
    try {
      std::vector<fs::path> articles = articles_in_directory(input);
      if (articles.empty())
        listed.emplace_back(input, failed("bad_input", input + ": a directory with no articles in it (.txt, .text, "
                                                               ".md, .markdown, .xml, .nitf)"));
      for (const fs::path& article : articles) listed.emplace_back(article, std::nullopt);
    } catch (const Error& unreadable) {
      listed.emplace_back(input, failed(kind_name(unreadable.kind()), unreadable.what()));
    }
  }
  std::set<std::string> seen;
  std::map<std::string, fs::path> owner_of_name;
  std::size_t index = 0;
  for (auto& [source, refusal] : listed) {
    if (!seen.insert(source.lexically_normal().string()).second) continue;
    plan.names.add(source);
    if (!refusal) {
      auto [owner, fresh] = owner_of_name.emplace(source.stem().string(), source);
      if (!fresh) {
        std::string names;
        for (const fs::path& target : output_targets(options, source))
          names += (names.empty() ? "" : " and ") + target.filename().string();
        refusal = failed("bad_input", source.string() + ": not converted: its outputs would be named " + names +
                                          ", as are those of " + owner->second.string());
      }
    }
    if (!shard || index % shard->second == shard->first - 1) {
      if (refusal) plan.refused.emplace_back(source, *refusal);
      else plan.to_convert.push_back(source);
    }
    ++index;
  }
  return plan;
}

}  // namespace galley::app
