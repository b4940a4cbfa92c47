#include <catch2/catch.hpp>

#include <zip.h>

#include <filesystem>

#include "galley/galley.hpp"
#include "galley/layout.hpp"
#include "galley/text.hpp"
#include "image/images.hpp"

using namespace galley;

namespace {

const std::filesystem::path data_directory = GALLEY_TEST_DATA_DIR;

image::ImageSource source(bool allow_outside = false) {
  return {data_directory / "images", allow_outside, "story.md"};
}

std::string error_message(const std::string& src, const image::ImageSource& from) {
  try {
    image::load_image(src, from);
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::bad_input);
    CHECK(error.file() == "story.md");
    return error.message();
  }
  FAIL("no error for " << src);
  return {};
}

doc::Document document_with_figure(const std::string& src) {
  doc::Document document;
  document.meta.title = "Harbour";
  document.meta.lang = "en-GB";
  doc::Figure figure;
  figure.src = src;
  figure.alt = "Boats at dawn";
  figure.caption = {doc::Str{"Boats"}, doc::Space{}, doc::Str{"return."}};
  document.blocks.emplace_back(doc::Para{{doc::Str{"Text."}}, doc::ParaRole::body});
  document.blocks.emplace_back(std::move(figure));
  return document;
}

// The names and contents of the entries of a zip archive in memory.
std::map<std::string, std::string> zip_entries(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  std::map<std::string, std::string> entries;
  for (zip_int64_t index = 0; index < zip_get_num_entries(archive, 0); ++index) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat);
    std::string contents(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
    zip_fread(file, contents.data(), stat.size);
    zip_fclose(file);
    entries[stat.name] = contents;
  }
  zip_close(archive);
  return entries;
}

}  // namespace

TEST_CASE("images: PNG and JPEG sizes come from their headers", "[images]") {
  auto png = image::load_image("chart.png", source());
  CHECK(png->format == image::ImageFormat::png);
  CHECK(png->width == 160);
  CHECK(png->height == 100);
  auto jpeg = image::load_image("photo.jpg", source());
  CHECK(jpeg->format == image::ImageFormat::jpeg);
  CHECK(jpeg->width == 124);
  CHECK(jpeg->height == 84);
  CHECK(std::string(image::media_type(jpeg->format)) == "image/jpeg");
}

TEST_CASE("images: missing, foreign and oversized images are errors naming them", "[images]") {
  CHECK(error_message("nothere.png", source()).find("image 'nothere.png' not found") != std::string::npos);
  CHECK(error_message("not-an-image.png", source()).find("not a PNG or JPEG") != std::string::npos);
  // 20000 x 20000 pixels claimed by a 45-byte file: refused from the header.
  CHECK(error_message("huge.png", source()).find("megapixels") != std::string::npos);
  CHECK(error_message("https://example.org/a.png", source()).find("never fetched") != std::string::npos);
}

TEST_CASE("images: paths never lead outside the article's folder unless allowed", "[images]") {
  CHECK(error_message("../constructs.md", source()).find("outside") != std::string::npos);
  CHECK(error_message("sub/../../constructs.md", source()).find("outside") != std::string::npos);
  const std::string absolute = (data_directory / "images" / "chart.png").string();
  CHECK(error_message(absolute, source()).find("absolute") != std::string::npos);
  CHECK(image::load_image(absolute, source(true))->width == 160);
  CHECK(image::load_image("../images/chart.png", source(true))->width == 160);
}

TEST_CASE("images: the JPEG header is found after other segments", "[images]") {
  // SOI, an APP0 segment of 16 bytes, then SOF0 for 3 x 2 pixels.
  const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
                         "\xFF\xC0\x00\x11\x08\x00\x02\x00\x03\x03",
                         31);
  auto header = image::read_image_header(jpeg);
  REQUIRE(header);
  CHECK(header->width == 3);
  CHECK(header->height == 2);
  CHECK_FALSE(image::read_image_header("\xFF\xD8\xFF\xDA\x00\x02"));  // scan data before any frame header
}

TEST_CASE("images: the layout sets an image at its proportions within the column", "[images]") {
  style::Theme theme = style::load_theme("article");
  image::ImageCache cache(source());
  layout::ImageLoader loader = [&cache](const std::string& src) { return cache.get(src); };
  layout::PagedDocument pages = layout::layout_document(document_with_figure("photo.jpg"), theme, loader);
  const layout::ImageItem* found = nullptr;
  for (const layout::Item& item : pages.pages.at(0).items)
    if (const auto* image = std::get_if<layout::ImageItem>(&item)) found = image;
  REQUIRE(found != nullptr);
  CHECK(found->width == Approx(124 * 0.75));  // small: its own size at 96 pixels to the inch
  CHECK(found->height / found->width == Approx(84.0 / 124.0));
  CHECK(found->alt == "Boats at dawn");
  const double column = theme.page.width - theme.page.margin_inner - theme.page.margin_outer;
  CHECK(found->x >= theme.page.margin_inner);
  CHECK(found->x + found->width <= theme.page.margin_inner + column + 0.01);
}

TEST_CASE("images: the EPUB carries the image, its alt text and the accessibility metadata", "[images]") {
  style::Theme theme = style::load_theme("article");
  WriteOptions options;
  options.theme = &theme;
  options.modified_time = 1700000000;
  options.resource_directory = data_directory / "images";
  options.source_file = "story.md";
  const auto entries = zip_entries(write_epub(options, document_with_figure("photo.jpg")));
  REQUIRE(entries.count("EPUB/images/image-1.jpg") == 1);
  CHECK(entries.at("EPUB/images/image-1.jpg") == image::load_image("photo.jpg", source())->bytes);
  const std::string& opf = entries.at("EPUB/package.opf");
  CHECK(opf.find("href=\"images/image-1.jpg\" media-type=\"image/jpeg\"") != std::string::npos);
  CHECK(opf.find(">visual<") != std::string::npos);
  CHECK(opf.find(">alternativeText<") != std::string::npos);
  const std::string& xhtml = entries.at("EPUB/article.xhtml");
  CHECK(xhtml.find("<img src=\"images/image-1.jpg\" alt=\"Boats at dawn\"") != std::string::npos);
}

TEST_CASE("images: the PDF embeds a JPEG as it is and fails naming a missing image", "[images]") {
  style::Theme theme = style::load_theme("article");
  WriteOptions options;
  options.theme = &theme;
  options.modified_time = 1700000000;
  options.resource_directory = data_directory / "images";
  options.source_file = "story.md";
  const std::string pdf = write_pdf(options, document_with_figure("photo.jpg"));
  CHECK(pdf.find("/DCTDecode") != std::string::npos);
  try {
    write_pdf(options, document_with_figure("gone.jpg"));
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.file() == "story.md");
    CHECK(error.message().find("gone.jpg") != std::string::npos);
  }
  // A PNG whose header is sound but whose data is cut short fails when Cairo decodes it.
  try {
    write_pdf(options, document_with_figure("truncated.png"));
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::bad_input);
    CHECK(error.message().find("truncated.png") != std::string::npos);
  }
}

TEST_CASE("images: the image pass names the line of an image that cannot be had, or describes it", "[images]") {
  style::Theme theme = style::load_theme("article");
  Diagnostics warnings;
  WriteOptions options;
  options.theme = &theme;
  options.resource_directory = data_directory / "images";
  options.source_file = "story.md";
  options.warnings = &warnings;
  doc::Document document = document_with_figure("gone.jpg");
  std::get<doc::Figure>(document.blocks.back()).source_line = {"", 7};
  try {
    check_document_images(document, options, MissingImages::fail);
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::bad_input);
    CHECK(error.file() == "story.md");
    CHECK(error.line() == 7);
    CHECK(error.message().find("image 'gone.jpg' not found") == 0);
  }
  // A package's picture is the package's or nothing: its part names it.
  doc::Document packaged = document_with_figure("chart.png");
  std::get<doc::Figure>(packaged.blocks.back()).source_line = {"word/document.xml", 12};
  try {
    check_document_images(packaged, options, MissingImages::fail);
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.file() == "story.md:word/document.xml");
    CHECK(error.line() == 12);
    CHECK(error.message().find("not found in the package") != std::string::npos);
  }

  check_document_images(document, options, MissingImages::describe);
  const auto& figure = std::get<doc::Figure>(document.blocks.back());
  CHECK(figure.src.empty());
  CHECK(figure.image_missing);
  CHECK(doc::missing_image_description(figure) == "Boats at dawn");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].line == 7);
  const std::string epub = write_epub(options, document);
  CHECK(epub.size() > 0);
  CHECK(write_pdf(options, document).size() > 0);
}
