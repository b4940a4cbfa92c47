// Time per stage of a build, for --timings only: printed on stderr, never
// in any output file.
#pragma once

#include <chrono>
#include <cstdio>
#include <ctime>

namespace galley::app {

// Prints, at each lap, the wall-clock and CPU seconds since the last lap.
// CPU seconds are this process's own (user + system), so they stay
// meaningful on a machine busy with other work, where wall clock does not.
class StageClock {
 public:
  explicit StageClock(bool enabled) : enabled_(enabled) {}

  void lap(const char* stage) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const std::clock_t cpu_now = std::clock();
    std::fprintf(stderr, "galley: %-14s %7.3f s  (CPU %7.3f s)\n", stage,
                 std::chrono::duration<double>(now - last_).count(),
                 static_cast<double>(cpu_now - last_cpu_) / CLOCKS_PER_SEC);
    last_ = now;
    last_cpu_ = cpu_now;
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::clock_t last_cpu_ = std::clock();
};

}  // namespace galley::app
