// libFuzzer harness: the OpenDocument reader over a whole archive, or over
// the XML of content.xml, styles.xml and meta.xml packed into one behind
// its mimetype (see fuzz_package.hpp).
#include "fuzz_package.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> parts = {"content.xml", "styles.xml", "meta.xml", "Pictures/1.png"};
  std::string input("application/vnd.oasis.opendocument.text\n%%%%\n");
  input.append(reinterpret_cast<const char*>(data), size);
  static const std::vector<std::string> with_mimetype = [] {
    std::vector<std::string> names = {"mimetype"};
    names.insert(names.end(), parts.begin(), parts.end());
    return names;
  }();
  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    galley::fuzz::read_package(galley::InputFormat::odt, "fuzz.odt", parts, data, size);
  else
    galley::fuzz::read_package(galley::InputFormat::odt, "fuzz.odt", with_mimetype,
                               reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
  return 0;
}
