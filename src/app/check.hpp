// `galley check`: the outside checkers a retailer or a library would run,
// on an EPUB or a PDF, with one summary.
#pragma once

#include <string>
#include <vector>

namespace galley::app {

// Runs epubcheck and Ace by DAISY (EPUB) and qpdf (PDF) on each file and
// prints one line per file and checker. A checker that is not installed or
// fails to start is a finding ("Ace: not run: ..."), unless `allow_missing`
// names it ("epubcheck", "ace", "qpdf"). Returns 0 when there is no finding,
// 1 on any finding or an unreadable file, 2 for a file that is neither EPUB
// nor PDF.
int run_check(const std::vector<std::string>& files, const std::vector<std::string>& allow_missing = {});

// `galley check --print`: preflights each PDF for print (galley/print.hpp)
// and prints its findings with their pages. `bleed` is the bleed every
// page must have ("3mm"; empty for none). Returns 0 when there are no
// failures (warnings only, or nothing), 1 on a failure or an unreadable
// file, 2 for a file that is not a PDF or a bleed that is no length.
int run_print_check(const std::vector<std::string>& files, const std::string& bleed);

}  // namespace galley::app
