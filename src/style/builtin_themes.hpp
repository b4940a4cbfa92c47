// The themes in styles/*.toml (and their styles/*.css), compiled in by cmake/embed_themes.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace galley::style::detail {

struct BuiltinTheme {
  std::string_view name;
  std::string_view toml_text;
  std::string_view css_text;  // styles/NAME.css, empty when there is none
};

const std::vector<BuiltinTheme>& builtin_themes();

}  // namespace galley::style::detail
