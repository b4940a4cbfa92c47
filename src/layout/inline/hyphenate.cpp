#include "layout/inline/hyphenate.hpp"

#include <glib.h>
#include <hyphen.h>

#include <filesystem>
#include <vector>

namespace galley::layout {
namespace {

constexpr const char* soft_hyphen_utf8 = "\xC2\xAD";
constexpr int minimum_letters_before = 2;
constexpr int minimum_letters_after = 3;
constexpr int minimum_word_letters = 5;

// Debian's hyphen-* packages install their patterns here.
std::filesystem::path dictionary_path(const std::string& lang) {
  std::string normalized = lang;
  for (char& c : normalized)
    if (c == '-') c = '_';
  std::string language = normalized.substr(0, normalized.find('_'));
  std::vector<std::string> candidates = {normalized, language};
  if (language == "en") candidates = {normalized, "en_GB"};  // galley's default English is British
  if (language == "de") candidates.push_back("de_DE");
  if (language == "fr") candidates.push_back("fr_FR");
  for (const std::string& candidate : candidates) {
    std::filesystem::path path = "/usr/share/hyphen/hyph_" + candidate + ".dic";
    if (std::filesystem::exists(path)) return path;
  }
  return {};
}

bool is_word_character(gunichar c) { return g_unichar_isalpha(c) || c == '\'' || c == 0x2019; }

}  // namespace

Hyphenator::Hyphenator(const std::string& lang) {
  std::filesystem::path path = dictionary_path(lang);
  if (!path.empty()) dictionary_ = hnj_hyphen_load(path.c_str());
}

Hyphenator::~Hyphenator() {
  if (dictionary_) hnj_hyphen_free(dictionary_);
}

std::string Hyphenator::insert_soft_hyphens(std::string_view text) const {
  if (!dictionary_) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const char* position = text.data();
  const char* end = text.data() + text.size();
  while (position < end) {
    const char* word_end = position;
    while (word_end < end && is_word_character(g_utf8_get_char(word_end))) word_end = g_utf8_next_char(word_end);
    if (word_end > position) {
      std::string word(position, static_cast<std::size_t>(word_end - position));
      auto cached = cache_.find(word);
      if (cached == cache_.end()) {
        std::string hyphenated;
        hyphenate_word(word, hyphenated);
        cached = cache_.emplace(std::move(word), std::move(hyphenated)).first;
      }
      out += cached->second;
      position = word_end;
    } else {
      const char* next = g_utf8_next_char(position);
      out.append(position, static_cast<std::size_t>(next - position));
      position = next;
    }
  }
  return out;
}

void Hyphenator::hyphenate_word(std::string_view word, std::string& out) const {
  glong letters = g_utf8_strlen(word.data(), static_cast<gssize>(word.size()));
  bool all_capitals = true;
  for (const char* p = word.data(); p < word.data() + word.size(); p = g_utf8_next_char(p))
    if (g_unichar_islower(g_utf8_get_char(p))) all_capitals = false;
  if (letters < minimum_word_letters || all_capitals || word.find('\'') != std::string_view::npos) {
    out += word;
    return;
  }
  // The patterns are for lower-case words; case folding keeps byte offsets
  // only when every letter keeps its UTF-8 length, so check that it did.
  std::unique_ptr<gchar, decltype(&g_free)> lower(g_utf8_strdown(word.data(), static_cast<gssize>(word.size())),
                                                  &g_free);
  std::string_view lowered(lower.get());
  if (lowered.size() != word.size()) {
    out += word;
    return;
  }
  std::vector<char> hyphens(word.size() + 5, '0');
  char** replacements = nullptr;
  int* positions = nullptr;
  int* cuts = nullptr;
  int failed = hnj_hyphen_hyphenate2(dictionary_, lowered.data(), static_cast<int>(lowered.size()), hyphens.data(),
                                     nullptr, &replacements, &positions, &cuts);
  if (replacements) {
    // Non-standard hyphenation (German "ck" → "k-k") is not used: soft
    // hyphens cannot express it, so such words break only at plain points.
    for (std::size_t i = 0; i < word.size(); ++i) free(replacements[i]);
    free(replacements);
    free(positions);
    free(cuts);
  }
  if (failed) {
    out += word;
    return;
  }
  int letter_index = 0;
  for (std::size_t byte = 0; byte < word.size(); ++byte) {
    out += word[byte];
    bool character_ends = byte + 1 == word.size() || (static_cast<unsigned char>(word[byte + 1]) & 0xC0) != 0x80;
    if (!character_ends) continue;
    ++letter_index;
    if ((hyphens[byte] & 1) && letter_index >= minimum_letters_before && letters - letter_index >= minimum_letters_after)
      out += soft_hyphen_utf8;
  }
}

}  // namespace galley::layout
