// The two tables of contents: the EPUB 3 navigation document (which also
// carries the landmarks) and the NCX that EPUB 2 reading systems still use.
// Both are built from the same tree so they can never disagree.
#pragma once

#include <string>
#include <vector>

#include "epub/publication.hpp"

namespace galley::epub::detail {

// The publication's own contents if it has them, else one item per
// chapter, its headings nested below it by level.
std::vector<NavItem> table_of_contents(const Publication& publication);

std::string write_nav_document(const Publication& publication, const std::vector<NavItem>& contents);
std::string write_ncx(const Publication& publication, const std::vector<NavItem>& contents);

}  // namespace galley::epub::detail
