// The one table of output formats: format, file extension, writer.
#include <algorithm>

#include "galley/galley.hpp"

namespace galley {
namespace {

using Writer = std::string (*)(const WriteOptions&, const doc::Document&);

struct OutputFormatEntry {
  OutputFormat format;
  const char* extension;
  Writer writer;
};

constexpr OutputFormatEntry output_formats[] = {
    {OutputFormat::pdf, "pdf", &write_pdf},
    {OutputFormat::epub, "epub", &write_epub},
};

const OutputFormatEntry& entry_for(OutputFormat format) {
  return *std::find_if(std::begin(output_formats), std::end(output_formats),
                       [format](const OutputFormatEntry& entry) { return entry.format == format; });
}

}  // namespace

std::string write_document(OutputFormat format, const WriteOptions& options, const doc::Document& document) {
  return entry_for(format).writer(options, document);
}

const char* file_extension(OutputFormat format) { return entry_for(format).extension; }

}  // namespace galley
