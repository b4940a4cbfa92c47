// One exception type for everything that stops a conversion, after qpdf's
// QPDFExc: it carries what kind of failure it is, the file and the line, so
// the front end can print "file:line: message" and choose the exit code.
// Recoverable oddities are not errors: readers report them as Diagnostics.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace galley {

enum class ErrorKind {
  bad_input,  // the input (article, theme, image) cannot be converted: exit code 1
  io,         // reading or writing a file failed: exit code 1
  usage,      // the request itself is impossible: exit code 2
  internal,   // a library failed where it should not: a bug, exit code 1
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string file, int line, const std::string& message);
  Error(ErrorKind kind, std::string file, const std::string& message) : Error(kind, std::move(file), 0, message) {}

  ErrorKind kind() const noexcept { return kind_; }
  const std::string& file() const noexcept { return file_; }
  int line() const noexcept { return line_; }  // 1-based, 0 when no line applies
  const std::string& message() const noexcept { return message_; }

 private:
  ErrorKind kind_;
  std::string file_;
  int line_;
  std::string message_;
};

// A warning about the input that did not stop the conversion.
struct Diagnostic {
  std::string file;
  int line = 0;  // 1-based, 0 when no line applies
  std::string message;
};
using Diagnostics = std::vector<Diagnostic>;

// "file:line: message" (or "file: message" without a line).
std::string format_location(const std::string& file, int line, const std::string& message);

}  // namespace galley
