// check_document_images (galley.hpp): the one image pass between reading
// and writing. Readers only record which image a figure names and where;
// here every image is loaded and decoded once, and one that cannot be used
// either stops the article with the line that names it or, with
// --missing-images=describe, leaves its figure as its caption and alt text.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "galley/galley.hpp"
#include "image/images.hpp"
#include "render/draw.hpp"

namespace galley {
namespace {

constexpr std::pair<MissingImages, const char*> missing_images_table[] = {
    {MissingImages::fail, "fail"},
    {MissingImages::describe, "describe"},
};

// "article.md", or "report.docx:word/document.xml" for a line in a package part.
std::string file_of(const std::string& source_file, const doc::SourceLine& where) {
  return where.part.empty() ? source_file : source_file + ":" + where.part;
}

class ImagePass {
 public:
  ImagePass(const doc::Document& document, const WriteOptions& options, MissingImages missing)
      : options_(options),
        missing_(missing),
        source_{options.resource_directory, options.allow_outside_images, options.source_file,
                options.limits.max_image_pixels(), &document.embedded_images} {}

  void check_blocks(doc::Blocks& blocks) {
    for (doc::Block& block : blocks)
      std::visit(
          [&](auto& node) {
            using Node = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<Node, doc::Figure>) {
              check_figure(node);
            } else if constexpr (std::is_same_v<Node, doc::Quote> || std::is_same_v<Node, doc::Aside>) {
              check_blocks(node.body);
            } else if constexpr (std::is_same_v<Node, doc::List>) {
              for (doc::Blocks& item : node.items) check_blocks(item);
            } else if constexpr (std::is_same_v<Node, doc::Table>) {
              for (auto* rows : {&node.header_rows, &node.body_rows})
                for (auto& row : *rows)
                  for (doc::TableCell& cell : row) check_blocks(cell.body);
            }
          },
          block);
  }

  void check_cover(doc::Meta& meta) {
    if (meta.cover_image.empty()) return;
    if (std::optional<Error> failure = problem_with(meta.cover_image, meta.cover_image_line)) {
      report(*failure, "the cover is drawn instead");
      meta.cover_image.clear();
    }
  }

 private:
  void check_figure(doc::Figure& figure) {
    if (figure.src.empty()) return;
    if (std::optional<Error> failure = problem_with(figure.src, figure.source_line)) {
      report(*failure, "the figure is set as its caption and description");
      figure.src.clear();
      figure.image_missing = true;
    }
  }

  // What is wrong with the image `src`, as an error naming where the input
  // names it; nothing when it can be used. Each image is tried once.
  std::optional<Error> problem_with(const std::string& src, const doc::SourceLine& where) {
    const std::string key = where.part + '\n' + src;  // a package's names are not the folder's
    auto known = problems_.find(key);
    if (known == problems_.end()) {
      image::ImageSource source = source_;
      source.look_in_directory = where.part.empty();
      std::optional<std::string> problem;
      try {
        const std::shared_ptr<const image::ImageData> image = image::load_image(src, source);
        // Decoded as the PDF will decode it (Cairo), so an image cut short
        // is found here, not halfway through drawing the pages; the pixels
        // are let go at once.
        render::ImageSurfaces(options_.source_file, false).surface_for(image);
      } catch (const Error& failure) {
        if (failure.kind() != ErrorKind::bad_input) throw;
        problem = failure.message();
      }
      known = problems_.emplace(key, std::move(problem)).first;
    }
    if (!known->second) return std::nullopt;
    return Error(ErrorKind::bad_input, file_of(options_.source_file, where), where.line, *known->second);
  }

  void report(const Error& failure, const std::string& instead) {
    if (missing_ == MissingImages::fail)
      throw Error(ErrorKind::bad_input, failure.file(), failure.line(),
                  failure.message() + " (see --missing-images)");
    if (options_.warnings) options_.warnings->push_back({failure.file(), failure.line(), failure.message() + "; " + instead});
  }

  const WriteOptions& options_;
  MissingImages missing_;
  image::ImageSource source_;
  std::map<std::string, std::optional<std::string>> problems_;  // by part and name
};

}  // namespace

std::vector<std::string> missing_images_names() {
  std::vector<std::string> names;
  for (const auto& [choice, name] : missing_images_table) names.emplace_back(name);
  return names;
}

std::optional<MissingImages> missing_images_named(std::string_view name) {
  for (const auto& [choice, entry] : missing_images_table)
    if (name == entry) return choice;
  return std::nullopt;
}

void check_document_images(doc::Document& document, const WriteOptions& options, MissingImages missing) {
  if (options.resource_directory.empty()) return;
  ImagePass pass(document, options, missing);
  pass.check_blocks(document.blocks);
  for (doc::Footnote& note : document.footnotes) pass.check_blocks(note.body);
  pass.check_cover(document.meta);
}

}  // namespace galley
