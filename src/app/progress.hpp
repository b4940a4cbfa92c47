// How far a batch has come, on stderr (app/batch.hpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace galley::app {

// Shows how far a batch has come on stderr: a bar redrawn in place on a
// terminal, a plain line at most every second otherwise, nothing when quiet.
// Every other line a batch prints to stderr goes through message(), so the
// bar is never torn by it. The clock is only ever read for this display.
class Progress {
 public:
  enum class Mode { none, lines, terminal };

  Progress(std::size_t total, Mode mode) : total_(total), mode_(mode) {}

  void message(std::string_view line);
  void article_done();
  // Redraws the bar (which shows the time left) or prints a line when one is due.
  void update(bool article_finished = false);
  // The last line: how many articles in how long; then nothing more is shown.
  void finish();

 private:
  double elapsed() const;
  double rate() const;
  std::string status() const;
  void draw_bar();
  void clear_bar();

  std::size_t total_;
  std::size_t done_ = 0;
  Mode mode_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_shown_ = started_;
};

}  // namespace galley::app
