// Counts how deep a reader's walk of a nested document is, so that both tree
// readers (Markdown, XML) can stop descending at the depth limit.
#pragma once

namespace galley::read::detail {

// Raises the depth for as long as it lives: one level of descent.
class Descent {
 public:
  explicit Descent(int& depth) : depth_(depth) { ++depth_; }
  ~Descent() { --depth_; }
  Descent(const Descent&) = delete;
  Descent& operator=(const Descent&) = delete;

 private:
  int& depth_;
};

}  // namespace galley::read::detail
