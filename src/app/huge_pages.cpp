#include "app/huge_pages.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace galley::app {

void use_huge_pages_for_the_heap() {
#if defined(__GLIBC__) && defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
  constexpr std::size_t huge_page = std::size_t{2} << 20;
  // Address space only: pages are not memory until they are touched.
  constexpr int reserved = 256 << 20;
  // Large blocks come from the heap as well, not from mappings of their own
  // in small pages; and the heap is never shrunk mid-run, because the part
  // grown back would be a new mapping in small pages again.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_TOP_PAD, reserved);
  // A block larger than any free one makes malloc extend the heap now, by
  // the pad: one region that the advice below covers.
  void* probe = std::malloc(std::size_t{1} << 20);
  if (probe == nullptr) return;
  const auto start = reinterpret_cast<std::uintptr_t>(probe);
  const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const std::uintptr_t aligned = (start + huge_page - 1) & ~(huge_page - 1);
  // The probe is in the heap unless the heap could not grow (then malloc
  // mapped it elsewhere and there is nothing to advise).
  if (end > aligned && start < end) madvise(reinterpret_cast<void*>(aligned), end - aligned, MADV_HUGEPAGE);
  std::free(probe);
#endif
}

}  // namespace galley::app
