// The EPUB's one style sheet, generated from the same style::Theme that
// drives the PDF so that both editions look like one house.
#pragma once

#include <string>

#include "galley/style.hpp"

namespace galley::epub::detail {

// The class names and roles the XHTML writer emits are the contract between
// xhtml.cpp and this file: see the selectors in css.cpp.
std::string css_from_theme(const style::Theme& theme);

}  // namespace galley::epub::detail
