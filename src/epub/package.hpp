// The package document (OPF), the OCF container file and the archive that
// holds them with everything else: the last step of writing an EPUB.
#pragma once

#include <string>

#include "epub/publication.hpp"

namespace galley::epub::detail {

std::string write_package_document(const Publication& publication);
std::string write_container();

// The bytes of the .epub: mimetype first and stored, then the container, the
// package document, the navigation, the style sheet and the chapters.
std::string package_epub(const Publication& publication);

}  // namespace galley::epub::detail
