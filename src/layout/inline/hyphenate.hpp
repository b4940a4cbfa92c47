// Hyphenation points from libhyphen's patterns (TeX's, for English), marked
// in text as soft hyphens (U+00AD) where the line breaker may break a word.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

typedef struct _HyphenDict HyphenDict;

namespace galley::layout {

class Hyphenator {
 public:
  // Loads the patterns for a BCP 47 language ("en-GB", "de", "fr-CA"); a
  // language without patterns gives a Hyphenator that never hyphenates.
  explicit Hyphenator(const std::string& lang);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  bool available() const { return dictionary_ != nullptr; }
  // Returns `text` with a soft hyphen at each allowed break inside its words.
  // Words shorter than five letters, words with digits and all-capital words
  // (acronyms) are left whole; at least two letters stay before a break and
  // three after it.
  std::string insert_soft_hyphens(std::string_view text) const;

 private:
  void hyphenate_word(std::string_view word, std::string& out) const;
  HyphenDict* dictionary_ = nullptr;
  // Words already hyphenated: news prose repeats its words, and the pattern
  // matcher was a tenth of the layout's time.
  mutable std::unordered_map<std::string, std::string> cache_;
};

}  // namespace galley::layout
