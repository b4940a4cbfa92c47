// Asks Linux to back the malloc heap with transparent huge pages.
#pragma once

namespace galley::app {

// Reserves the heap's address space up front and marks it MADV_HUGEPAGE.
// A long document touches a hundred megabytes of fresh heap; in 4 KiB pages
// that was 18,000 page faults, a sixth of the whole build's CPU time on a
// virtual machine, and in 2 MiB pages it is a few hundred. glibc's own
// switch for this (GLIBC_TUNABLES=glibc.malloc.hugetlb=1) is read only at
// process start, so galley does the same thing itself. Does nothing where
// the allocator is not glibc's (sanitizer builds replace it).
void use_huge_pages_for_the_heap();

}  // namespace galley::app
