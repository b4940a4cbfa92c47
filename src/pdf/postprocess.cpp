#include "pdf/postprocess.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <ctime>

#include "galley/errors.hpp"

namespace galley::pdf::detail {

std::string pdf_date(std::int64_t seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "D:%04d%02d%02d%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
  return buffer;
}

std::string postprocess(const std::string& cairo_pdf, const PostprocessOptions& options) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("galley.pdf", cairo_pdf.data(), cairo_pdf.size());

    // Cairo 1.16 writes its dates without the "D:" prefix the PDF format requires.
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (info.isDictionary()) {
      std::string date = pdf_date(options.modified_time);
      info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
      info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
      info.replaceKey("/Producer", QPDFObjectHandle::newString("galley " GALLEY_VERSION " (Cairo, qpdf)"));
    }
    QPDFObjectHandle root = pdf.getRoot();
    if (!options.lang.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newString(options.lang));
    // Readers show the title, not the file name, in their window.
    QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
    preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", preferences);

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    // The /ID is a digest of the content, so the same input gives the same bytes.
    writer.setDeterministicID(true);
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setCompressStreams(true);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& error) {
    throw Error(ErrorKind::internal, "", std::string("qpdf could not post-process the PDF: ") + error.what());
  }
}

}  // namespace galley::pdf::detail
