// Replays fuzzer inputs without libFuzzer, so every compiler and every
// ctest run (the sanitizer stage included) checks the seed corpora and the
// inputs that once crashed a harness: galley_fuzz_replay TARGET PATH...
// where a PATH is a file or a folder of files. Each harness is compiled in
// with its LLVMFuzzerTestOneInput renamed (fuzz/CMakeLists.txt), so one
// executable holds them all. A finding crashes or trips a sanitizer, as
// under libFuzzer; the input being replayed is printed first to name it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" int fuzz_plaintext_one_input(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_markdown_one_input(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_nitf_one_input(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_html_one_input(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_theme_one_input(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_build_one_input(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_docx_one_input(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_odt_one_input(const std::uint8_t* data, std::size_t size);
extern "C" int fuzz_pdf_one_input(const std::uint8_t* data, std::size_t size);

namespace {

using OneInput = int (*)(const std::uint8_t*, std::size_t);

struct Harness {
  std::string_view name;
  OneInput run;
};

constexpr Harness harnesses[] = {
    {"plaintext", fuzz_plaintext_one_input}, {"markdown", fuzz_markdown_one_input},
    {"nitf", fuzz_nitf_one_input},           {"html", fuzz_html_one_input},
    {"theme", fuzz_theme_one_input},         {"build", fuzz_build_one_input},
    {"docx", fuzz_docx_one_input},           {"odt", fuzz_odt_one_input},
    {"pdf", fuzz_pdf_one_input},
};

// The files under `path` (itself, when it is a file), sorted so that runs
// replay in the same order.
std::vector<std::filesystem::path> inputs_under(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path());
  } else {
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: galley_fuzz_replay plaintext|markdown|nitf|theme|build|docx|odt PATH...\n");
    return 2;
  }
  const std::string_view target = argv[1];
  const auto harness = std::find_if(std::begin(harnesses), std::end(harnesses),
                                    [target](const Harness& candidate) { return candidate.name == target; });
  if (harness == std::end(harnesses)) {
    std::fprintf(stderr, "galley_fuzz_replay: no harness named %s\n", argv[1]);
    return 2;
  }
  std::size_t replayed = 0;
  for (int index = 2; index < argc; ++index) {
    if (!std::filesystem::exists(argv[index])) {
      std::fprintf(stderr, "galley_fuzz_replay: %s does not exist\n", argv[index]);
      return 2;
    }
    for (const std::filesystem::path& file : inputs_under(argv[index])) {
      std::ifstream stream(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
      std::fprintf(stderr, "%s\n", file.c_str());
      harness->run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  std::printf("%zu inputs replayed through the %s harness\n", replayed, argv[1]);
  return 0;
}
