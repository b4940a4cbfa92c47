// The themes in styles/*.toml, compiled in by cmake/embed_themes.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace galley::style::detail {

struct BuiltinTheme {
  std::string_view name;
  std::string_view toml_text;
};

const std::vector<BuiltinTheme>& builtin_themes();

}  // namespace galley::style::detail
