#include "galley/errors.hpp"

namespace galley {

std::string format_location(const std::string& file, int line, const std::string& message) {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  if (!text.empty()) text += ": ";
  return text + message;
}

Error::Error(ErrorKind kind, std::string file, int line, const std::string& message)
    : std::runtime_error(format_location(file, line, message)),
      kind_(kind),
      file_(std::move(file)),
      line_(line),
      message_(message) {}

}  // namespace galley
