// `galley check`: the outside checkers a retailer or a library would run,
// on an EPUB or a PDF, with one summary.
#pragma once

#include <string>
#include <vector>

namespace galley::app {

// Runs what is installed of epubcheck and Ace by DAISY (EPUB) and qpdf
// (PDF) on each file and prints one line per file and checker. Returns 0
// when no checker found anything, 1 on any finding, an unreadable file or a
// checker that failed to run, 2 for a file that is neither EPUB nor PDF.
int run_check(const std::vector<std::string>& files);

}  // namespace galley::app
