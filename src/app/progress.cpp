#include "app/progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace galley::app {
namespace {

std::string duration_text(double seconds) {
  long whole = static_cast<long>(seconds + 0.5);
  if (whole < 60) return std::to_string(whole) + " s";
  if (whole < 3600) return std::to_string(whole / 60) + " min " + std::to_string(whole % 60) + " s";
  return std::to_string(whole / 3600) + " h " + std::to_string(whole / 60 % 60) + " min";
}

std::string rate_text(double per_second) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", per_second);
  return buffer;
}

}  // namespace

void Progress::message(std::string_view line) {
  clear_bar();
  std::cerr << line << "\n";
  draw_bar();
}

void Progress::article_done() {
  ++done_;
  update(true);
}

void Progress::update(bool article_finished) {
  const auto now = std::chrono::steady_clock::now();
  if (mode_ == Mode::terminal && (article_finished || now - last_shown_ >= std::chrono::milliseconds(250))) {
    last_shown_ = now;
    draw_bar();
  } else if (mode_ == Mode::lines && done_ < total_ && now - last_shown_ >= std::chrono::seconds(1)) {
    last_shown_ = now;
    std::cerr << "galley: " << status() << "\n";
  }
}

void Progress::finish() {
  if (mode_ == Mode::none) return;
  clear_bar();
  std::cerr << "galley: " << done_ << " of " << total_ << " articles done in " << duration_text(elapsed()) << " ("
            << rate_text(rate()) << " articles/s)\n";
  mode_ = Mode::none;
}

double Progress::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

double Progress::rate() const { return elapsed() > 0 ? static_cast<double>(done_) / elapsed() : 0; }

std::string Progress::status() const {
  std::string text = std::to_string(done_) + "/" + std::to_string(total_) + " articles";
  if (done_ == 0) return text;
  text += ", " + rate_text(rate()) + " articles/s";
  if (done_ < total_) text += ", about " + duration_text(static_cast<double>(total_ - done_) / rate()) + " left";
  return text;
}

void Progress::draw_bar() {
  if (mode_ != Mode::terminal) return;
  constexpr std::size_t width = 24;
  std::size_t filled = total_ == 0 ? width : done_ * width / total_;
  std::string line = "[" + std::string(filled, '=') + std::string(width - filled, ' ') + "] " + status();
  // A line wider than the terminal would wrap, and \r would redraw only its last part.
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1 && line.size() >= size.ws_col)
    line.resize(size.ws_col - 1u);
  std::cerr << "\r\033[K" << line << std::flush;
}

void Progress::clear_bar() {
  if (mode_ == Mode::terminal) std::cerr << "\r\033[K";
}

}  // namespace galley::app
