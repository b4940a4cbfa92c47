// libFuzzer harness: the Word reader over a whole archive, or over the XML
// of word/document.xml, styles.xml, numbering.xml, footnotes.xml and the
// document's relationships packed into one (see fuzz_package.hpp).
#include "fuzz_package.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> parts = {"word/document.xml", "word/styles.xml", "word/numbering.xml",
                                                 "word/footnotes.xml", "word/_rels/document.xml.rels",
                                                 "word/media/image1.png"};
  galley::fuzz::read_package(galley::InputFormat::docx, "fuzz.docx", parts, data, size);
  return 0;
}
