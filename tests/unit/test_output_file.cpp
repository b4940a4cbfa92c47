#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "galley/galley.hpp"

using namespace galley;

namespace {

std::filesystem::path scratch_directory() {
  std::filesystem::path directory = std::filesystem::temp_directory_path() / "galley-output-file-test";
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  return directory;
}

std::string contents(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("an output replaces the old file whole and leaves nothing beside it", "[output]") {
  std::filesystem::path directory = scratch_directory();
  std::filesystem::path target = directory / "article.pdf";
  write_file_atomically(target, "old");
  write_file_atomically(target, "new contents");
  CHECK(contents(target) == "new contents");
  CHECK(std::distance(std::filesystem::directory_iterator(directory), std::filesystem::directory_iterator()) == 1);
  std::filesystem::remove_all(directory);
}

TEST_CASE("a failed write names the file and keeps the old one", "[output]") {
  std::filesystem::path directory = scratch_directory();
  std::filesystem::path target = directory / "missing-folder" / "article.pdf";
  CHECK_THROWS_AS(write_file_atomically(target, "bytes"), Error);
  try {
    write_file_atomically(target, "bytes");
  } catch (const Error& error) {
    CHECK(error.file() == target.string());
    CHECK(error.kind() == ErrorKind::io);
  }
  std::filesystem::remove_all(directory);
}
