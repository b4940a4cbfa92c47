// What Cairo 1.16 cannot write, added with qpdf: valid PDF dates, the
// document language, a deterministic /ID, and object streams.
#pragma once

#include <cstdint>
#include <string>

#include "galley/doc.hpp"

namespace galley::pdf::detail {

struct PostprocessOptions {
  std::string lang;                 // BCP 47, for /Lang
  std::int64_t modified_time = 0;   // seconds since the epoch, for the Info dates
};

std::string postprocess(const std::string& cairo_pdf, const PostprocessOptions& options);

// "D:YYYYMMDDHHmmSSZ", the PDF date form, in UTC.
std::string pdf_date(std::int64_t seconds);

}  // namespace galley::pdf::detail
