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

// `galley check --print`: preflights each PDF for print (galley/print.hpp)
// and prints its findings with their pages. `bleed` is the bleed every
// page must have ("3mm"; empty for none). Returns 0 when there are no
// failures (warnings only, or nothing), 1 on a failure or an unreadable
// file, 2 for a file that is not a PDF or a bleed that is no length.
int run_print_check(const std::vector<std::string>& files, const std::string& bleed);

}  // namespace galley::app
